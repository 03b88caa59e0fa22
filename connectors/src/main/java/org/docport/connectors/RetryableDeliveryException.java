package org.docport.connectors;

import java.time.Duration;
import java.util.Optional;

/**
 * The insurer could not take the delivery now (connection error, 5xx, 429): try again later. The
 * delivery store schedules the retry durably, with backoff, or after the insurer's Retry-After.
 */
public class RetryableDeliveryException extends RuntimeException {

  private final transient Duration retryAfter;

  public RetryableDeliveryException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** The wait the insurer asked for, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
