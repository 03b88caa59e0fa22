package org.docport.workflows.consent;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * How the consent saga waits for its enrolment delivery (the other calls use {@code
 * ActivityPolicies}).
 */
final class ConsentActivityOptions {

  /**
   * Waiting for the enrolment delivery, bounded by the insurer's decision timeout. The activity
   * heartbeats while it watches, so a worker that dies is noticed in seconds.
   */
  static ActivityOptions confirmation(Duration bound) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setHeartbeatTimeout(Duration.ofSeconds(5))
        .setScheduleToCloseTimeout(bound)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofMillis(500))
                .setBackoffCoefficient(1.5)
                .setMaximumInterval(Duration.ofSeconds(30))
                .build())
        .build();
  }

  private ConsentActivityOptions() {}
}
