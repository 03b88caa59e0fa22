package org.docport.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.docport.connectors.kafka.KafkaWriter;
import org.docport.hub.HubTest;
import org.docport.testkit.TestKafka;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An insurer connected through the {@code kafka} kind, registered through the operator API like any
 * other: a consenting doctor's changes arrive on its topic, each a record keyed by the doctor, and
 * the doctor's opt-out as a withdrawal record; its password is stored sealed and never shown back.
 */
class KafkaDeliveryTest extends HubTest {

  private static final TestKafka KAFKA = TestKafka.withPassword();
  private static final Duration DELIVERED = Duration.ofSeconds(20);
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Autowired JdbcTemplate jdbc;

  @AfterAll
  static void stopKafka() {
    KAFKA.close();
  }

  @Test
  void aConsentedDoctorsChangesArriveOnTheInsurersTopicKeyedByTheDoctor() {
    String topic = "docport-" + UUID.randomUUID();
    KAFKA.createTopic(topic, 3, Map.of());
    Insurer insurer =
        insurerWithConnector(
            Map.of(
                "kind",
                "kafka",
                "kafka",
                Map.of(
                    "bootstrapServers",
                    KAFKA.bootstrapServers(),
                    "topic",
                    topic,
                    "securityProtocol",
                    "SASL_PLAINTEXT",
                    "saslMechanism",
                    "PLAIN",
                    "username",
                    TestKafka.USER,
                    "password",
                    TestKafka.PASSWORD)));
    JsonNode shown = operator().get("/api/operator/insurers/" + insurer.id()).expect(200).body();
    assertThat(shown.at("/connector/kafka/password").asText()).isEqualTo("***");
    assertThat(shown.at("/connector/kafka/username").asText()).isEqualTo(TestKafka.USER);
    assertThat(shown.toString()).doesNotContain(TestKafka.PASSWORD);
    assertThat(
            jdbc.queryForObject(
                "select connector_settings::text from insurer where id = ?",
                String.class,
                insurer.id()))
        .contains("\"password\"")
        .doesNotContain(TestKafka.PASSWORD);

    String doctor = createDoctor("Kafka");
    consent(doctor, insurer, "ACTIVE");

    await().atMost(DELIVERED).until(() -> !of(topic, doctor).isEmpty());
    ConsumerRecord<String, byte[]> first = of(topic, doctor).get(0);
    assertThat(header(first, KafkaWriter.DOCTOR_ID)).isEqualTo(doctor);
    assertThat(header(first, KafkaWriter.CHANGE)).isEqualTo("change");
    assertThat(family(first)).isEqualTo("Kafka");

    operator()
        .patch("/api/doctors/" + doctor, Map.of("name", Map.of("family", "Kafka-Two")), "\"1\"")
        .expect(200);

    await().atMost(DELIVERED).until(() -> family(last(topic, doctor)).equals("Kafka-Two"));
    List<ConsumerRecord<String, byte[]>> records = of(topic, doctor);
    assertThat(records).extracting(ConsumerRecord::partition).containsOnly(first.partition());
    assertThat(records).extracting(r -> Long.parseLong(header(r, KafkaWriter.VERSION))).isSorted();

    operator().delete("/api/doctors/" + doctor + "/consents/" + insurer.id()).expect(202);

    await()
        .atMost(DELIVERED)
        .until(() -> "withdrawal".equals(header(last(topic, doctor), KafkaWriter.CHANGE)));
    assertThat(bundle(last(topic, doctor)).getEntry())
        .extracting(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl())
        .anyMatch(e -> e.startsWith("DELETE Practitioner/"));
  }

  /** The records of the doctor on the topic, oldest first. */
  private static List<ConsumerRecord<String, byte[]>> of(String topic, String doctor) {
    return KAFKA.records(topic).stream().filter(r -> doctor.equals(r.key())).toList();
  }

  private static ConsumerRecord<String, byte[]> last(String topic, String doctor) {
    List<ConsumerRecord<String, byte[]>> records = of(topic, doctor);
    return records.get(records.size() - 1);
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static Bundle bundle(ConsumerRecord<String, byte[]> record) {
    return FHIR.newJsonParser()
        .parseResource(Bundle.class, new String(record.value(), StandardCharsets.UTF_8));
  }

  /** The family name of the Practitioner a change record writes. */
  private static String family(ConsumerRecord<String, byte[]> record) {
    return bundle(record).getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(Practitioner.class::isInstance)
        .map(p -> ((Practitioner) p).getNameFirstRep().getFamily())
        .findFirst()
        .orElse("");
  }
}
