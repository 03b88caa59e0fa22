package org.docport.workflows.consent;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** How the consent workflows call their activities. */
final class ConsentActivityOptions {

  /** Registry updates: quick, retried until the database answers. */
  static final ActivityOptions REGISTRY =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .build())
          .build();

  /**
   * Calls to the insurer: retried with backoff for as long as the insurer is down (hours, if need
   * be); a refusal is not retried.
   */
  static final ActivityOptions INSURER =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2)
                  .setMaximumInterval(Duration.ofMinutes(5))
                  .build())
          .build();

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
