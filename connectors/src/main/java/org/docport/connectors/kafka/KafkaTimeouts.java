package org.docport.connectors.kafka;

import java.time.Duration;

/**
 * The producer's waits, all within {@code budget}, the longest one write to an insurer may take
 * (the delivery lease outlasts it): {@code send} blocks for the topic's metadata at most a third of
 * it ({@code max.block.ms}: an unreachable cluster fails here), then the acknowledgement of every
 * in-sync replica is awaited at most the rest ({@code delivery.timeout.ms}), within which a request
 * that got no answer is sent once more ({@code request.timeout.ms} is half of it).
 */
record KafkaTimeouts(Duration budget) {

  long maxBlockMs() {
    return Math.max(budget.toMillis() / 3, 1);
  }

  long deliveryTimeoutMs() {
    return Math.max(budget.toMillis() - maxBlockMs(), 2);
  }

  long requestTimeoutMs() {
    return Math.max(deliveryTimeoutMs() / 2, 1);
  }
}
