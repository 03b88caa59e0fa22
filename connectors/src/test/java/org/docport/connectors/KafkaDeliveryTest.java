package org.docport.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.docport.connectors.kafka.KafkaWriter;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.testkit.TestKafka;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code kafka} kind's route against an in-process broker that asks for credentials (one per
 * class): records, their keys, order and headers, withdrawals, refusals, and the connection test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaDeliveryTest {

  private TestKafka kafka;
  private KafkaConnectors stack;
  private FakeDeliverySubjects subjects;
  private ConnectorServices services;
  private InsurerConnectors connectors;
  private String topic;

  @BeforeAll
  void startBrokerAndRoutes() throws Exception {
    kafka = TestKafka.withPassword();
    stack = new KafkaConnectors();
    subjects = stack.subjects;
    services = stack.services;
    connectors = stack.connectors;
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
    kafka.close();
  }

  /** Each test writes to a topic of its own, of three partitions. */
  @BeforeEach
  void connectToAFreshTopic() {
    subjects.clear();
    topic = "docport-" + UUID.randomUUID();
    kafka.createTopic(topic, 3, Map.of());
    connectors.connect(Doctors.INSURER_ID, settings(topic, TestKafka.PASSWORD));
  }

  private ConnectorSettings settings(String topic, String password) {
    return ConnectorSettings.kafka(
        new ConnectorSettings.Kafka(
            kafka.bootstrapServers(), topic, "SASL_PLAINTEXT", "PLAIN", TestKafka.USER, password));
  }

  @Test
  void aChangeIsOneRecordKeyedByTheDoctorWithThePayloadAndHeaders() {
    UUID doctor = UUID.randomUUID();

    DeliveryResult.Delivered delivered = deliver(Doctors.doctor(doctor, 3, "north"));

    ConsumerRecord<String, byte[]> record = single(kafka.records(topic));
    assertThat(record.key()).isEqualTo(doctor.toString());
    assertThat(header(record, KafkaWriter.DOCTOR_ID)).isEqualTo(doctor.toString());
    assertThat(header(record, KafkaWriter.VERSION)).isEqualTo("3");
    assertThat(header(record, KafkaWriter.CHANGE)).isEqualTo("change");
    assertThat(header(record, KafkaWriter.CONTENT_TYPE)).isEqualTo("application/fhir+json");
    assertThat(header(record, KafkaWriter.MESSAGE_ID)).startsWith("msg_");
    Bundle bundle = bundle(record);
    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
    // The webhook's payload: a PUT of every resource the delivery publishes.
    assertThat(bundle.getEntry())
        .extracting(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl())
        .containsExactlyInAnyOrderElementsOf(
            delivered.published().values().stream().map(ref -> "PUT " + ref).toList());
    assertThat(delivered.version()).isEqualTo(3);
    assertThat(delivered.published()).containsKey(BusinessIdentifiers.PRACTITIONER + "|" + doctor);
  }

  @Test
  void twoChangesOfOneDoctorStayInOrderOnOnePartition() {
    UUID doctor = UUID.randomUUID();
    UUID other = UUID.randomUUID();

    deliver(Doctors.doctor(doctor, 1, "north"));
    deliver(Doctors.doctor(other, 7, "east"));
    deliver(Doctors.doctor(doctor, 2, "north", "south"));

    List<ConsumerRecord<String, byte[]>> ofDoctor =
        kafka.records(topic).stream().filter(r -> r.key().equals(doctor.toString())).toList();
    assertThat(ofDoctor).extracting(r -> header(r, KafkaWriter.VERSION)).containsExactly("1", "2");
    assertThat(ofDoctor)
        .extracting(ConsumerRecord::partition)
        .containsOnly(ofDoctor.get(0).partition());
    assertThat(ofDoctor)
        .extracting(r -> bundle(r).getEntry().stream().filter(e -> isLocation(e)).count())
        .containsExactly(1L, 2L);
  }

  @Test
  void theSameContentSentAgainCarriesTheSameMessageId() {
    var doctor = Doctors.doctor(UUID.randomUUID(), 4, "north");

    deliver(doctor);
    deliver(doctor);
    deliver(Doctors.doctor(doctor.id(), 5, "north", "south"));

    assertThat(kafka.records(topic))
        .extracting(r -> header(r, KafkaWriter.MESSAGE_ID))
        .hasSize(3)
        .satisfies(
            ids -> {
              assertThat(ids.get(1)).isEqualTo(ids.get(0));
              assertThat(ids.get(2)).isNotEqualTo(ids.get(0));
            });
  }

  @Test
  void aWithdrawalIsARecordOfTheDeletesKeyedByTheDoctor() {
    UUID doctor = UUID.randomUUID();
    Map<String, String> published =
        Map.of(
            "urn:a|p", "Practitioner/" + doctor,
            "urn:a|l", "Location/l1",
            "urn:a|o", "Organization/acme");

    Map<String, String> remaining =
        connectors.withdraw(
            new Withdrawal(Doctors.INSURER_ID, doctor, published, List.of("s1"), List.of("a1")));

    ConsumerRecord<String, byte[]> record = single(kafka.records(topic));
    assertThat(record.key()).isEqualTo(doctor.toString());
    assertThat(record.value()).isNotNull();
    assertThat(header(record, KafkaWriter.CHANGE)).isEqualTo("withdrawal");
    assertThat(bundle(record).getEntry())
        .extracting(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl())
        .containsExactly(
            "DELETE Appointment/a1",
            "DELETE Slot/s1",
            "DELETE Location/l1",
            "DELETE Practitioner/" + doctor);
    assertThat(remaining).containsExactly(Map.entry("urn:a|o", "Organization/acme"));
  }

  @Test
  void theInsurersOwnResourcesAreKeyedByItsOwnPair() {
    subjects.consent(Doctors.ACME, Doctors.doctor(UUID.randomUUID(), 1, "north"));

    DeliveryResult result =
        connectors.deliver(
            new DeliveryJob(Doctors.INSURER_ID, DeliveryJob.INSURERS_OWN, 1, 0, Map.of()));

    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(single(kafka.records(topic)).key()).isEqualTo(DeliveryJob.INSURERS_OWN.toString());
  }

  @Test
  void aDoctorWithoutConsentIsNotSent() {
    DeliveryResult result =
        connectors.deliver(new DeliveryJob(Doctors.INSURER_ID, UUID.randomUUID(), 1, 0, Map.of()));

    assertThat(result).isInstanceOf(DeliveryResult.Skipped.class);
    assertThat(kafka.records(topic)).isEmpty();
  }

  @Test
  void aRecordLargerThanTheTopicTakesIsDeadLettered() {
    String small = "docport-small-" + UUID.randomUUID();
    kafka.createTopic(small, 1, Map.of("max.message.bytes", "512"));
    connectors.connect(Doctors.INSURER_ID, settings(small, TestKafka.PASSWORD));

    RejectedDeliveryException refused =
        ConnectorTestSupport.thrown(
            RejectedDeliveryException.class,
            () -> deliver(Doctors.doctor(UUID.randomUUID(), 1, "north")));

    assertThat(refused).hasRootCauseInstanceOf(RecordTooLargeException.class);
    assertThat(refused.getMessage()).contains(small);
  }

  @Test
  void credentialsTheClusterRefusesAreDeadLettered() {
    connectors.connect(Doctors.INSURER_ID, settings(topic, "wrong"));

    RejectedDeliveryException refused =
        ConnectorTestSupport.thrown(
            RejectedDeliveryException.class,
            () -> deliver(Doctors.doctor(UUID.randomUUID(), 1, "north")));

    assertThat(refused).hasRootCauseInstanceOf(SaslAuthenticationException.class);
  }

  @Test
  void theConnectionTestNeedsTheClusterTheTopicAndTheCredentials() {
    assertThat(
            ConnectorKinds.connectionProblem(services, "acme", settings(topic, TestKafka.PASSWORD)))
        .isEmpty();
    assertThat(
            ConnectorKinds.connectionProblem(
                services, "acme", settings("missing", TestKafka.PASSWORD)))
        .get()
        .asString()
        .contains("no topic missing");
    assertThat(ConnectorKinds.connectionProblem(services, "acme", settings(topic, "wrong")))
        .get()
        .asString()
        .contains("refused DocPort's credentials");
    assertThat(kafka.records(topic)).isEmpty();
  }

  private DeliveryResult.Delivered deliver(org.docport.mappings.snapshot.DoctorSnapshot doctor) {
    subjects.consent(Doctors.ACME, doctor);
    DeliveryResult result =
        connectors.deliver(
            new DeliveryJob(Doctors.INSURER_ID, doctor.id(), doctor.version(), 0, Map.of()));
    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    return (DeliveryResult.Delivered) result;
  }

  private static boolean isLocation(Bundle.BundleEntryComponent entry) {
    return entry.getRequest().getUrl().startsWith("Location/");
  }

  private static <T> T single(List<T> records) {
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private Bundle bundle(ConsumerRecord<String, byte[]> record) {
    return services
        .fhir()
        .newJsonParser()
        .parseResource(Bundle.class, new String(record.value(), StandardCharsets.UTF_8));
  }
}
