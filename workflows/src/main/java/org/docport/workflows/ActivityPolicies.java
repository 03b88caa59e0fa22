package org.docport.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** How DocPort's workflows call their activities; one place, so every workflow retries alike. */
public final class ActivityPolicies {

  /** Registry updates: quick, retried until the database answers. */
  public static final ActivityOptions REGISTRY =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .build())
          .build();

  /**
   * Calls to systems outside DocPort (an insurer, a licence registry): retried with backoff for as
   * long as they are down (hours, if need be); a refusal (a non-retryable failure) is not retried.
   */
  public static final ActivityOptions REMOTE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2)
                  .setMaximumInterval(Duration.ofMinutes(5))
                  .build())
          .build();

  private ActivityPolicies() {}
}
