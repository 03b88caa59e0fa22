package org.docport.connectors.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for failed deliveries: the n-th retry waits between half and all
 * of {@code min(max, initial * 2^n)}, so insurers recovering from an outage are not hit by every
 * waiting delivery at once. An insurer's Retry-After wins when it gives one.
 */
public record Backoff(Duration initial, Duration max) {

  public static Backoff standard() {
    return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
  }

  /** How long to wait before the next try, after {@code attempts} failed ones. */
  public Duration next(int attempts, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent()) {
      return retryAfter.get().compareTo(max) > 0 ? max : retryAfter.get();
    }
    long ceiling = initial.toMillis() << Math.min(Math.max(attempts, 0), 20);
    long capped = Math.min(ceiling, max.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }
}
