package org.docport.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.docport.testkit.HubProcess;
import org.docport.testkit.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An insurer's Kafka cluster that is down: each attempt fails within the write budget, for the lane
 * to retry later, and the record arrives once the cluster is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaOutageTest {

  private KafkaConnectors stack;

  @BeforeAll
  void startRoutes() throws Exception {
    stack = new KafkaConnectors();
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void aClusterThatIsDownIsTriedAgainWithinTheBudgetAndGetsTheRecordOnceBack() {
    int port = HubProcess.freePort();
    String topic = "docport-outage";
    ConnectorSettings settings =
        ConnectorSettings.kafka(ConnectorSettings.Kafka.plaintext("localhost:" + port, topic));
    stack.connectors.connect(Doctors.INSURER_ID, settings);
    var doctor = Doctors.doctor(UUID.randomUUID(), 2, "north");
    stack.subjects.consent(Doctors.ACME, doctor);
    DeliveryJob job = new DeliveryJob(Doctors.INSURER_ID, doctor.id(), 2, 0, Map.of());

    long start = System.nanoTime();
    RetryableDeliveryException down =
        ConnectorTestSupport.thrown(
            RetryableDeliveryException.class, () -> stack.connectors.deliver(job));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofMillis(KafkaConnectors.WRITE_BUDGET_MS + 1_000));
    assertThat(down.getMessage()).contains(topic);
    assertThat(ConnectorKinds.connectionProblem(stack.services, Doctors.INSURER_ID, settings))
        .get()
        .asString()
        .contains("could not reach the Kafka cluster at localhost:" + port);

    try (TestKafka kafka = TestKafka.plaintextOn(port)) {
      kafka.createTopic(topic, 1, Map.of());

      assertThat(stack.connectors.deliver(job)).isInstanceOf(DeliveryResult.Delivered.class);
      // The failed attempt never reached the cluster: one record, of the doctor.
      assertThat(kafka.records(topic))
          .singleElement()
          .satisfies(r -> assertThat(r.key()).isEqualTo(doctor.id().toString()));
      assertThat(ConnectorKinds.connectionProblem(stack.services, Doctors.INSURER_ID, settings))
          .isEmpty();
    }
  }
}
