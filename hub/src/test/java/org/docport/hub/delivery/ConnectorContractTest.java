package org.docport.hub.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.docport.connectors.delivery.DeliveryDispatcher;
import org.docport.hub.HubTest;
import org.docport.hub.fhir.NotificationReceiver;
import org.docport.insurersim.InsurerServer;
import org.docport.insurersim.WriteLogEntry;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.testkit.HubProcess;
import org.docport.testkit.RosterInbox;
import org.docport.testkit.SftpTestServer;
import org.docport.testkit.TestKafka;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every connector kind keeps of the spine's promises, run against each kind through the whole
 * hub (registry, change capture, delivery lanes, circuit breaker): ordered and never stale,
 * idempotent, withdrawn on opt-out, recovered after a crash mid-delivery, and nothing lost while
 * the insurer is down for an hour. A new kind gets all of it by adding a row to {@link #kinds()}:
 * an {@link InsurerSide} that says how to connect to an insurer of that kind and what that insurer
 * holds.
 */
class ConnectorContractTest extends HubTest {

  /** How long a delivery may take here: generous, the hub delivers within a second. */
  private static final Duration DELIVERED = Duration.ofSeconds(30);

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  /**
   * The insurer's side of one connector kind, run in the test: where DocPort delivers, and what the
   * insurer holds once it has applied what it was sent, in order.
   */
  interface InsurerSide extends AutoCloseable {

    /** The connector settings an operator registers the insurer with. */
    Map<String, Object> connector();

    /**
     * The doctor's family names in the order the insurer was sent them, one per write (a repeated
     * delivery repeats a name).
     */
    List<String> familiesSent(String doctorId);

    /**
     * The family name on each copy of the doctor the insurer holds now, once it has applied what it
     * was sent as its kind's documentation says (none after a withdrawal, never two).
     */
    List<String> held(String doctorId);

    /** From now on the insurer cannot be reached (or answers 503) until {@link #up()}. */
    void down();

    void up();

    @Override
    void close();
  }

  static Stream<Arguments> kinds() {
    return Stream.of(
        kind("fhir-rest", FhirRestSide::new),
        kind("webhook", WebhookSide::new),
        kind("kafka", KafkaSide::new),
        kind("sftp-roster", RosterSide::new));
  }

  private static Arguments kind(String name, Supplier<InsurerSide> side) {
    return Arguments.of(name, side);
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired DeliveryDispatcher dispatcher;

  private final List<InsurerSide> sides = new ArrayList<>();

  @AfterEach
  void closeSides() {
    sides.forEach(InsurerSide::close);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void changesArriveInOrderAndANewerVersionIsNeverOverwritten(
      String kind, Supplier<InsurerSide> make) {
    InsurerSide side = open(make);
    Insurer insurer = connect(side);
    String doctor = createDoctor("Order");
    consent(doctor, insurer, "ACTIVE");
    await().atMost(DELIVERED).until(() -> family(side, doctor).isPresent());

    List<String> edits = List.of("Order-1", "Order-2", "Order-3", "Order-4", "Order-5");
    rename(doctor, edits);

    await().atMost(DELIVERED).until(() -> family(side, doctor).equals(Optional.of("Order-5")));
    List<Integer> sent =
        side.familiesSent(doctor).stream().filter(edits::contains).map(edits::indexOf).toList();
    assertThat(sent).as("edits as sent, by their order").isSorted().endsWith(4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void aDeliveryCutShortByACrashIsDeliveredAgainHarmlessly(
      String kind, Supplier<InsurerSide> make) {
    InsurerSide side = open(make);
    Insurer insurer = connect(side);
    String doctor = createDoctor("Crash");
    consent(doctor, insurer, "ACTIVE");
    await().atMost(DELIVERED).until(() -> receiptState(insurer, doctor).equals("DELIVERED"));

    // The hub died after the insurer took the delivery and before the receipt was written: the
    // pair is still due, and claimed by a worker that no longer exists until its lease runs out.
    jdbc.update(
        """
        update delivery set state = 'PENDING', delivered_version = null,
          next_attempt_at = now(), lease_token = ?, lease_until = now() + interval '1 second'
        where insurer_id = ? and doctor_id = ?
        """,
        UUID.randomUUID(),
        insurer.id(),
        UUID.fromString(doctor));
    dispatcher.wake(insurer.id());

    await().atMost(DELIVERED).until(() -> receiptState(insurer, doctor).equals("DELIVERED"));
    assertThat(side.held(doctor)).as("one copy, however often delivered").hasSize(1);
    assertThat(family(side, doctor)).contains("Crash");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void optingOutTakesBackWhatTheInsurerWasSent(String kind, Supplier<InsurerSide> make) {
    InsurerSide side = open(make);
    Insurer insurer = connect(side);
    String doctor = createDoctor("Leaving");
    consent(doctor, insurer, "ACTIVE");
    await().atMost(DELIVERED).until(() -> family(side, doctor).isPresent());

    operator().delete("/api/doctors/" + doctor + "/consents/" + insurer.id()).expect(202);

    await().atMost(DELIVERED).until(() -> side.held(doctor).isEmpty());
    rename(doctor, List.of("Left"));
    // A change after opting out never reaches the insurer: the consent is checked at delivery.
    await().atMost(DELIVERED).until(() -> receiptState(insurer, doctor).equals("SKIPPED"));
    assertThat(side.familiesSent(doctor)).doesNotContain("Left");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void anHourDownLosesNothingAndTheBacklogGoesAsSoonAsTheInsurerAnswers(
      String kind, Supplier<InsurerSide> make) {
    InsurerSide side = open(make);
    Insurer insurer = connect(side);
    List<String> doctors = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      doctors.add(createDoctor("Down" + i));
    }
    side.down();
    doctors.forEach(doctor -> consent(doctor, insurer, "ACTIVE"));
    await().atMost(DELIVERED).until(() -> foundDown(insurer));
    rename(doctors.get(0), List.of("Down0-later"));

    // An hour down: every waiting change has failed many times, and each that waits out a backoff
    // waits out the longest (a kind that sends in batches retries at its next run, with no
    // backoff).
    await()
        .atMost(DELIVERED)
        .until(
            () ->
                jdbc.queryForObject(
                    "select count(*) from delivery where insurer_id = ? and state = 'PENDING'"
                        + " and doctor_id <> '00000000-0000-0000-0000-000000000000'",
                    Integer.class,
                    insurer.id()),
            waiting -> waiting == doctors.size());
    jdbc.update(
        """
        update delivery set attempts = 40,
          next_attempt_at = case when next_attempt_at > now()
            then now() + interval '5 minutes' else next_attempt_at end
        where insurer_id = ? and state = 'PENDING'
        """,
        insurer.id());
    side.up();

    await()
        .atMost(DELIVERED)
        .until(() -> doctors.stream().allMatch(d -> receiptState(insurer, d).equals("DELIVERED")));
    assertThat(family(side, doctors.get(0))).contains("Down0-later");
    doctors.forEach(doctor -> assertThat(side.held(doctor)).hasSize(1));
  }

  private InsurerSide open(Supplier<InsurerSide> make) {
    InsurerSide side = make.get();
    sides.add(side);
    return side;
  }

  private Insurer connect(InsurerSide side) {
    return insurerWithConnector(side.connector());
  }

  private static Optional<String> family(InsurerSide side, String doctor) {
    return side.held(doctor).stream().findFirst();
  }

  /**
   * Whether the hub has found the insurer down: its lane's circuit is no longer closed, or, for a
   * kind that sends in batches (no lane), a run failed and left its changes waiting.
   */
  private boolean foundDown(Insurer insurer) {
    return dispatcher
        .circuit(insurer.id())
        .map(circuit -> circuit != DeliveryDispatcher.Circuit.CLOSED)
        .orElseGet(
            () ->
                jdbc.queryForObject(
                        "select count(*) from delivery where insurer_id = ? and state = 'PENDING'"
                            + " and last_error is not null",
                        Integer.class,
                        insurer.id())
                    > 0);
  }

  private void rename(String doctor, List<String> families) {
    String etag = operator().get("/api/doctors/" + doctor).expect(200).etag();
    for (String family : families) {
      etag =
          operator()
              .patch("/api/doctors/" + doctor, Map.of("name", Map.of("family", family)), etag)
              .expect(200)
              .etag();
    }
  }

  private static boolean isDoctors(Practitioner practitioner, String doctor) {
    return practitioner.getIdentifier().stream()
        .anyMatch(
            i ->
                BusinessIdentifiers.PRACTITIONER.equals(i.getSystem())
                    && doctor.equals(i.getValue()));
  }

  /** An insurer with a FHIR server of its own: the insurer simulator. */
  static final class FhirRestSide implements InsurerSide {

    private final InsurerServer server = InsurerServer.start(0);

    @Override
    public Map<String, Object> connector() {
      return Map.of("kind", "fhir-rest", "baseUrl", server.baseUrl());
    }

    @Override
    public List<String> familiesSent(String doctorId) {
      return families(
          server.writeLog().stream()
              .filter(e -> e.resourceType().equals("Practitioner"))
              .filter(e -> e.operation() != WriteLogEntry.Operation.DELETE)
              .flatMap(e -> server.written(e, Practitioner.class).stream()),
          doctorId);
    }

    @Override
    public List<String> held(String doctorId) {
      return families(server.all(Practitioner.class).stream(), doctorId);
    }

    @Override
    public void down() {
      server.failAlways(503);
    }

    @Override
    public void up() {
      server.healthy();
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /** An insurer that takes signed webhooks, applying each message's entries in order. */
  static final class WebhookSide implements InsurerSide {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private final NotificationReceiver receiver = new NotificationReceiver();

    @Override
    public Map<String, Object> connector() {
      return Map.of(
          "kind", "webhook", "baseUrl", receiver.url("/hook"), "signing", Map.of("secret", SECRET));
    }

    private Stream<Bundle> messages() {
      return receiver.on("/hook").stream().map(NotificationReceiver.Received::bundle);
    }

    @Override
    public List<String> familiesSent(String doctorId) {
      return familiesWritten(messages(), doctorId);
    }

    @Override
    public List<String> held(String doctorId) {
      return familiesHeld(messages(), doctorId);
    }

    @Override
    public void down() {
      receiver.failing(true);
    }

    @Override
    public void up() {
      receiver.failing(false);
    }

    @Override
    public void close() {
      receiver.close();
    }
  }

  /**
   * An insurer that reads its Kafka topic, applying each record's bundle in order. Down is its
   * cluster gone; back up, a new cluster listens on the same port (with an empty topic: the
   * contract's tests read only what reached it after).
   */
  static final class KafkaSide implements InsurerSide {

    private static final String TOPIC = "docport-contract";
    private final int port = HubProcess.freePort();
    private TestKafka kafka = start();

    private TestKafka start() {
      TestKafka started = TestKafka.plaintextOn(port);
      started.createTopic(TOPIC, 3, Map.of());
      return started;
    }

    @Override
    public Map<String, Object> connector() {
      return Map.of(
          "kind",
          "kafka",
          "kafka",
          Map.of("bootstrapServers", "localhost:" + port, "topic", TOPIC));
    }

    private Stream<Bundle> records() {
      if (kafka == null) {
        throw new IllegalStateException("the cluster is down");
      }
      return kafka.records(TOPIC).stream()
          .map(r -> FHIR.newJsonParser().parseResource(Bundle.class, new String(r.value(), UTF_8)));
    }

    @Override
    public List<String> familiesSent(String doctorId) {
      return familiesWritten(records(), doctorId);
    }

    @Override
    public List<String> held(String doctorId) {
      return familiesHeld(records(), doctorId);
    }

    @Override
    public void down() {
      kafka.close();
      kafka = null;
    }

    @Override
    public void up() {
      kafka = start();
    }

    @Override
    public void close() {
      if (kafka != null) {
        kafka.close();
      }
    }
  }

  /**
   * An insurer that takes roster files over SFTP, a delta every second, and applies them as
   * docs/connectors.md tells it to ({@link RosterInbox}). Down is its server not listening.
   */
  static final class RosterSide implements InsurerSide {

    private final SftpTestServer sftp;
    private final RosterInbox inbox;

    RosterSide() {
      try {
        Path root = Files.createTempDirectory("contract-roster");
        sftp = SftpTestServer.start(root);
        inbox = new RosterInbox(Files.createDirectories(root.resolve("inbound")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Map<String, Object> connector() {
      return SftpRosterDeliveryTest.rosterConnector(sftp, "* * * * * *");
    }

    /** One name per file that lists the doctor (all its rows in a file carry one version). */
    @Override
    public List<String> familiesSent(String doctorId) {
      return inbox.files().stream()
          .flatMap(
              file ->
                  file.rows().stream()
                      .filter(row -> doctorId.equals(row.get("doctor_id")))
                      .filter(row -> !"WITHDRAWN".equals(row.get("status")))
                      .map(row -> row.get("family_name"))
                      .limit(1))
          .toList();
    }

    @Override
    public List<String> held(String doctorId) {
      return inbox.held(doctorId).stream().map(row -> row.get("family_name")).limit(1).toList();
    }

    @Override
    public void down() {
      sftp.stop();
    }

    @Override
    public void up() {
      sftp.restart();
    }

    @Override
    public void close() {
      sftp.close();
    }
  }

  /** The family names of the doctor's Practitioners among these. */
  private static List<String> families(Stream<Practitioner> practitioners, String doctorId) {
    return practitioners
        .filter(p -> isDoctors(p, doctorId))
        .map(p -> p.getNameFirstRep().getFamily())
        .toList();
  }

  /** The doctor's names as these messages wrote them, in order. */
  private static List<String> familiesWritten(Stream<Bundle> messages, String doctorId) {
    return families(
        messages
            .flatMap(m -> m.getEntry().stream())
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(Practitioner.class::isInstance)
            .map(Practitioner.class::cast),
        doctorId);
  }

  /** What an insurer holds of the doctor once it has applied these messages' entries in order. */
  private static List<String> familiesHeld(Stream<Bundle> messages, String doctorId) {
    Map<String, Practitioner> held = new HashMap<>();
    messages
        .flatMap(m -> m.getEntry().stream())
        .forEach(
            entry -> {
              String url = entry.getRequest().getUrl();
              if (entry.getRequest().getMethod() == Bundle.HTTPVerb.DELETE) {
                held.remove(url);
              } else if (entry.getResource() instanceof Practitioner practitioner) {
                held.put(url, practitioner);
              }
            });
    return families(held.values().stream(), doctorId);
  }
}
