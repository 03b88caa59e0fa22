package org.docport.hub.fhir;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notifications are sent ({@code docport.fhir.subscriptions.*}).
 *
 * @param pollInterval how often each replica looks for subscriptions with something to send
 * @param firstRetry the wait after a first failed attempt; it doubles with each failure
 * @param maxRetry the longest wait between two attempts
 * @param retryFor how long an endpoint may keep failing before the subscription goes to {@code
 *     error}
 * @param connectTimeout connecting to a subscriber's endpoint
 * @param requestTimeout a subscriber's answer to one notification
 * @param maxEvents the most events one notification carries
 * @param workers how many subscriptions one replica sends to at once
 * @param allowHttpLocalhost development only: accept {@code http://} endpoints on the loopback
 *     interface (every other endpoint must be {@code https://})
 */
@ConfigurationProperties("docport.fhir.subscriptions")
record SubscriptionSettings(
    Duration pollInterval,
    Duration firstRetry,
    Duration maxRetry,
    Duration retryFor,
    Duration connectTimeout,
    Duration requestTimeout,
    Integer maxEvents,
    Integer workers,
    boolean allowHttpLocalhost) {

  SubscriptionSettings {
    pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
    firstRetry = firstRetry == null ? Duration.ofSeconds(5) : firstRetry;
    maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
    retryFor = retryFor == null ? Duration.ofHours(72) : retryFor;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    maxEvents = maxEvents == null ? 50 : maxEvents;
    workers = workers == null ? 4 : workers;
  }

  /** The wait before the next attempt, after {@code failures} failures in a row (1 or more). */
  Duration backoff(int failures) {
    Duration wait = firstRetry;
    for (int i = 1; i < failures && wait.compareTo(maxRetry) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
  }

  /** How long one replica holds a subscription while it sends: an attempt, with margin. */
  Duration lease() {
    return connectTimeout.plus(requestTimeout).multipliedBy(2);
  }
}
