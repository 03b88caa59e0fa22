package org.docport.connectors.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.docport.connectors.RejectedDeliveryException;
import org.docport.connectors.RetryableDeliveryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an insurer is answering, as a Resilience4j circuit breaker over its deliveries.
 *
 * <p>Closed: deliveries run. When most recent attempts failed in a way that says the insurer is
 * down (a {@link RetryableDeliveryException}: unreachable, timed out, 5xx, 408, 429), the circuit
 * opens: the lane stops claiming, so waiting changes spend no attempts and no backoff, and the
 * insurer is probed instead ({@code ConnectorKind.connectionProblem}) once per probe interval, in
 * the breaker's half-open state. The first probe the insurer answers closes the circuit, and {@code
 * onRecovered} makes the whole backlog due at once: without it each waiting change would wait out
 * its own backoff (up to minutes) after the insurer came back.
 *
 * <p>A refusal ({@link RejectedDeliveryException}) counts as an answer: the insurer is up, it
 * disliked one doctor. Other exceptions are DocPort's own failures and count as neither.
 */
final class InsurerCircuit {

  private static final Logger log = LoggerFactory.getLogger(InsurerCircuit.class);

  /** The attempts the failure rate is taken over, and how many it needs to judge. */
  private static final int WINDOW = 10;

  private static final int MINIMUM_CALLS = 5;

  private final String insurerId;
  private final CircuitBreaker breaker;

  InsurerCircuit(String insurerId, Duration probeInterval, Runnable onRecovered) {
    this.insurerId = insurerId;
    this.breaker =
        CircuitBreaker.of(
            "insurer-" + insurerId,
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(WINDOW)
                .minimumNumberOfCalls(MINIMUM_CALLS)
                .failureRateThreshold(50)
                .waitDurationInOpenState(probeInterval)
                .permittedNumberOfCallsInHalfOpenState(1)
                // A trial that never reports back cannot hold the circuit half-open for ever.
                .maxWaitDurationInHalfOpenState(
                    probeInterval.multipliedBy(12).compareTo(Duration.ofMinutes(1)) > 0
                        ? probeInterval.multipliedBy(12)
                        : Duration.ofMinutes(1))
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(RetryableDeliveryException.class::isInstance)
                .ignoreException(
                    e ->
                        !(e instanceof RetryableDeliveryException
                            || e instanceof RejectedDeliveryException))
                .build());
    breaker
        .getEventPublisher()
        .onStateTransition(
            event -> {
              CircuitBreaker.State from = event.getStateTransition().getFromState();
              CircuitBreaker.State to = event.getStateTransition().getToState();
              if (from == CircuitBreaker.State.CLOSED && to == CircuitBreaker.State.OPEN) {
                log.warn(
                    "Insurer {} is not answering: deliveries held, trying it every {}",
                    insurerId,
                    probeInterval);
              } else if (to == CircuitBreaker.State.CLOSED) {
                log.info("Insurer {} answers again: releasing its backlog", insurerId);
                onRecovered.run();
              }
            });
  }

  /** Whether deliveries may be claimed: the circuit is closed. */
  boolean allowsDeliveries() {
    return breaker.getState() == CircuitBreaker.State.CLOSED;
  }

  CircuitBreaker.State state() {
    return breaker.getState();
  }

  /** Records an attempt the insurer answered (delivered, or nothing to send). */
  void succeeded(long nanos) {
    breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
  }

  /** Records an attempt that threw; which failures count is the breaker's configuration. */
  void failed(long nanos, Throwable failure) {
    breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
  }

  /**
   * While the circuit is open: whether a trial may ask the insurer now, which the breaker allows
   * once the probe interval has passed since it opened (or since the last trial failed). The
   * trial's outcome must be recorded ({@link #succeeded}, {@link #failed} or {@link #probe}).
   */
  boolean trialPermitted() {
    return breaker.tryAcquirePermission();
  }

  /**
   * A trial without a delivery to try: asks whether the insurer answers, and records the answer.
   *
   * @param probe what is wrong with reaching the insurer; empty when it answers
   */
  void probe(Supplier<Optional<String>> probe) {
    long start = System.nanoTime();
    Optional<String> problem;
    try {
      problem = probe.get();
    } catch (RuntimeException e) {
      problem = Optional.of(e.toString());
    }
    long took = System.nanoTime() - start;
    if (problem.isEmpty()) {
      succeeded(took);
    } else {
      log.debug("Insurer {} still not answering: {}", insurerId, problem.get());
      failed(took, new RetryableDeliveryException(problem.get(), null, null));
    }
  }
}
