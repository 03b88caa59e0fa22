package org.docport.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.docport.connectors.RejectedDeliveryException;
import org.docport.connectors.RetryableDeliveryException;
import org.junit.jupiter.api.Test;

class InsurerCircuitTest {

  private final AtomicInteger recoveries = new AtomicInteger();
  private final InsurerCircuit circuit =
      new InsurerCircuit("acme", Duration.ofMillis(1), recoveries::incrementAndGet);

  @Test
  void opensWhenMostAttemptsFindTheInsurerDownAndClosesOnTheFirstAnsweredTrial() {
    for (int i = 0; i < 5; i++) {
      circuit.failed(1, new RetryableDeliveryException("503", null, null));
    }
    assertThat(circuit.allowsDeliveries()).isFalse();

    await().until(circuit::trialPermitted);
    circuit.probe(() -> Optional.of("connection refused"));
    assertThat(circuit.allowsDeliveries()).isFalse();
    assertThat(recoveries).hasValue(0);

    await().until(circuit::trialPermitted);
    circuit.succeeded(1);
    assertThat(circuit.allowsDeliveries()).isTrue();
    assertThat(recoveries).hasValue(1);
  }

  @Test
  void aTrialMayBeAProbeOfTheConnection() {
    for (int i = 0; i < 5; i++) {
      circuit.failed(1, new RetryableDeliveryException("timeout", null, null));
    }
    await().until(circuit::trialPermitted);

    circuit.probe(Optional::empty);

    assertThat(circuit.allowsDeliveries()).isTrue();
    assertThat(recoveries).hasValue(1);
  }

  @Test
  void aTrialThatFailsOnDocPortsSideGivesItsTurnBack() {
    for (int i = 0; i < 5; i++) {
      circuit.failed(1, new RetryableDeliveryException("503", null, null));
    }
    await().until(circuit::trialPermitted);

    circuit.failed(1, new IllegalStateException("the registry is unreachable"));

    assertThat(circuit.trialPermitted()).isTrue();
    assertThat(circuit.allowsDeliveries()).isFalse();
  }

  @Test
  void refusalsAndDocPortsOwnFailuresNeverOpenIt() {
    for (int i = 0; i < 20; i++) {
      circuit.failed(1, new RejectedDeliveryException("422", 422, "{}", null));
      circuit.failed(1, new IllegalStateException("a bug of ours"));
    }

    assertThat(circuit.allowsDeliveries()).isTrue();
  }

  @Test
  void aFewFailuresAmongAnsweredAttemptsDoNotOpenIt() {
    for (int i = 0; i < 20; i++) {
      circuit.succeeded(1);
      if (i % 3 == 0) {
        circuit.failed(1, new RetryableDeliveryException("503", null, null));
      }
    }

    assertThat(circuit.allowsDeliveries()).isTrue();
  }
}
