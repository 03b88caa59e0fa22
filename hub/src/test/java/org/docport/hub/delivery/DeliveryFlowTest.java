package org.docport.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.Lease;
import org.docport.connectors.delivery.DeliveryDispatcher;
import org.docport.hub.HubTest;
import org.docport.hub.WriteOrder;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The spine end to end: registry change, change capture, sync, connector, insurer FHIR server. */
class DeliveryFlowTest extends HubTest {

  @Autowired DeliveryDispatcher dispatcher;
  @Autowired JdbcTemplate jdbc;
  @Autowired DeliveryMetrics metrics;
  @Autowired MeterRegistry meters;

  @Test
  void profileChangeReachesConsentedInsurerWithinTwoSecondsAndNoOther() {
    Insurer consented = insurer();
    Insurer bystander = insurer();
    String doctor = createDoctor("Rao");
    consent(doctor, consented, "ACTIVE");
    await().atMost(Duration.ofSeconds(10)).until(() -> familyAt(consented, doctor).isPresent());

    operator()
        .patch("/api/doctors/" + doctor, Map.of("name", Map.of("family", "Rao-Kumar")), "\"1\"")
        .expect(200);

    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> familyAt(consented, doctor).equals(Optional.of("Rao-Kumar")));
    PractitionerRole role = consented.server().all(PractitionerRole.class).get(0);
    assertThat(role.getPractitioner().getReference()).startsWith("Practitioner/");
    assertThat(consented.server().all(Location.class)).hasSize(1);
    assertThat(bystander.server().writeCount()).isZero();
  }

  @Test
  void anInsurerThatIsDownGetsTheLatestVersionWhenBackAndDelaysNoOther() {
    Insurer down = insurer();
    Insurer up = insurer();
    String doctor = createDoctor("Menon");
    consent(doctor, up, "ACTIVE");
    await().until(() -> familyAt(up, doctor).isPresent());
    down.server().failAlways(503);
    consent(doctor, down, "ACTIVE");

    String etag = "\"1\"";
    for (String family : new String[] {"Menon-A", "Menon-B", "Menon-C"}) {
      etag =
          operator()
              .patch("/api/doctors/" + doctor, Map.of("name", Map.of("family", family)), etag)
              .expect(200)
              .etag();
    }

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> familyAt(up, doctor).equals(Optional.of("Menon-C")));
    assertThat(down.server().all(Practitioner.class)).isEmpty();
    JsonNode receipt = receipt(down, doctor);
    assertThat(receipt.get("state").asText()).isEqualTo("PENDING");
    assertThat(receipt.get("attempts").asInt()).isPositive();

    down.server().healthy();
    // The receipt is written once every resource of the doctor is at the insurer.
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> receipt(down, doctor).path("state").asText().equals("DELIVERED"));
    assertThat(receipt(down, doctor).get("deliveredVersion").asLong()).isEqualTo(4);
    assertThat(familyAt(down, doctor)).contains("Menon-C");
  }

  @Test
  void aSlowInsurerDoesNotDelayAnother() {
    Insurer slow = insurer();
    Insurer fast = insurer();
    slow.server().setLatency(Duration.ofSeconds(3));
    String doctor = createDoctor("Varma");
    consent(doctor, slow, "ACTIVE");
    consent(doctor, fast, "ACTIVE");

    await().atMost(Duration.ofSeconds(2)).until(() -> familyAt(fast, doctor).isPresent());
    assertThat(slow.server().all(Practitioner.class)).isEmpty();
    slow.server().setLatency(Duration.ZERO);
    await().atMost(Duration.ofSeconds(30)).until(() -> familyAt(slow, doctor).isPresent());
  }

  @Test
  void aRefusedDeliveryIsDeadLetteredWithTheInsurersOutcomeAndCanBeReplayed() {
    Insurer insurer = insurer();
    insurer.server().failWith(400, 1);
    String doctor = createDoctor("Pillai");
    consent(doctor, insurer, "ACTIVE");

    String letters = "/api/operator/insurers/" + insurer.id() + "/dead-letters";
    await().until(() -> operator().get(letters).body().size() == 1);
    JsonNode letter = operator().get(letters).body().get(0);
    assertThat(letter.get("httpStatus").asInt()).isEqualTo(400);
    assertThat(letter.get("operationOutcome").asText()).contains("OperationOutcome");
    assertThat(insurer.server().all(Practitioner.class)).isEmpty();

    operator()
        .post("/api/operator/dead-letters/" + letter.get("id").asLong() + "/replay", Map.of())
        .expect(200);

    await().until(() -> familyAt(insurer, doctor).equals(Optional.of("Pillai")));
    assertThat(operator().get(letters).body()).isEmpty();
    assertThat(
            operator()
                .post(
                    "/api/operator/dead-letters/" + letter.get("id").asLong() + "/replay", Map.of())
                .status())
        .isEqualTo(409);
  }

  @Test
  void aChangeCommittedAfterRevocationNeverArrives() {
    Insurer revoked = insurer();
    Insurer witness = insurer();
    String doctor = createDoctor("Joshi");
    consent(doctor, revoked, "ACTIVE");
    consent(doctor, witness, "ACTIVE");
    // The receipt, not the Practitioner: it is written after every resource is at the insurer.
    await()
        .until(
            () ->
                receiptState(revoked, doctor).equals("DELIVERED")
                    && familyAt(witness, doctor).isPresent());
    int writesBefore = revoked.server().writeCount();

    consent(doctor, revoked, "REVOKED");
    operator()
        .patch("/api/doctors/" + doctor, Map.of("name", Map.of("family", "Joshi-After")), "\"1\"")
        .expect(200);

    // The witness insurer was planned in the same sync batch; once it has the change, the
    // revoked insurer's chance to receive it has come and gone.
    await().until(() -> familyAt(witness, doctor).equals(Optional.of("Joshi-After")));
    assertThat(revoked.server().writeCount()).isEqualTo(writesBefore);
    assertThat(familyAt(revoked, doctor)).contains("Joshi");
  }

  @Test
  void aPausedInsurerQueuesChangesUntilResumed() {
    Insurer paused = insurer();
    String doctor = createDoctor("Kulkarni");
    operator().post("/api/operator/insurers/" + paused.id() + "/pause", Map.of()).expect(200);
    consent(doctor, paused, "ACTIVE");

    await()
        .until(
            () ->
                operator()
                        .get("/api/operator/insurers/" + paused.id() + "/status")
                        .body()
                        .get("backlog")
                        .asLong()
                    == 1);
    assertThat(paused.server().writeCount()).isZero();

    operator().post("/api/operator/insurers/" + paused.id() + "/resume", Map.of()).expect(200);
    await().until(() -> familyAt(paused, doctor).isPresent());
  }

  @Test
  void aClosedPracticeLocationIsWithdrawnFromTheInsurer() {
    Insurer insurer = insurer();
    String doctor = createDoctor("Reddy");
    consent(doctor, insurer, "ACTIVE");
    await().until(() -> insurer.server().all(Location.class).size() == 1);

    operator()
        .patch("/api/doctors/" + doctor, Map.of("locations", java.util.List.of()), "\"1\"")
        .expect(200);

    await().until(() -> insurer.server().all(Location.class).isEmpty());
    assertThat(insurer.server().all(PractitionerRole.class)).isEmpty();
    assertThat(familyAt(insurer, doctor)).contains("Reddy");
  }

  /**
   * A delivery whose writes are slow outlasts its lease (6 s in tests); meanwhile a newer version
   * is due and the insurer turns fast. Without renewal another worker would claim the pair when the
   * lease ran out and write the newer version first, and the slow write would then land the older
   * version on top of it.
   */
  @Test
  void aSlowDeliveryKeepsItsClaimSoANewerVersionNeverLandsBeforeIt() {
    Insurer insurer = insurer();
    insurer.server().setWriteLatency(Duration.ofMillis(2_500));
    String doctor = createDoctor("Slow");
    consent(doctor, insurer, "ACTIVE");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> insurer.server().writesInFlight().contains("Practitioner"));

    operator()
        .patch("/api/doctors/" + doctor, Map.of("name", Map.of("family", "Slower")), "\"1\"")
        .expect(200);
    insurer.server().setWriteLatency(Duration.ZERO);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                receiptState(insurer, doctor).equals("DELIVERED")
                    && receipt(insurer, doctor).get("deliveredVersion").asLong() == 2);
    assertThat(familyAt(insurer, doctor)).contains("Slower");
    assertThat(
            WriteOrder.registryVersions(insurer.server())
                .get("https://docport.org/fhir/sid/practitioner|" + doctor))
        .containsExactly(1L, 2L);
  }

  @Test
  void aPairClaimedJustBeforeAPauseIsHeldUntilTheInsurerIsResumed() {
    Insurer insurer = insurer();
    String doctor = createDoctor("Iyer");
    operator().post("/api/operator/insurers/" + insurer.id() + "/pause", Map.of()).expect(200);
    consent(doctor, insurer, "ACTIVE");
    await().ignoreExceptions().until(() -> receiptState(insurer, doctor).equals("PENDING"));
    // The lane claimed the pair a moment before the operator paused the insurer.
    UUID token = UUID.randomUUID();
    jdbc.update(
        "update delivery set lease_until = now() + interval '1 minute', lease_token = ?"
            + " where insurer_id = ? and doctor_id = ?::uuid",
        token,
        insurer.id(),
        doctor);
    Lease lease = Lease.taken(token, System.nanoTime(), Duration.ofMinutes(1));

    dispatcher.attempt(
        new DeliveryJob(insurer.id(), UUID.fromString(doctor), 1, 0, Map.of(), lease));

    assertThat(insurer.server().writeCount()).isZero();
    assertThat(
            jdbc.queryForMap(
                "select state, lease_until from delivery where insurer_id = ? and doctor_id = ?::uuid",
                insurer.id(),
                doctor))
        .containsEntry("state", "PENDING")
        .containsEntry("lease_until", null);
    operator().post("/api/operator/insurers/" + insurer.id() + "/resume", Map.of()).expect(200);
    await().until(() -> familyAt(insurer, doctor).equals(Optional.of("Iyer")));
  }

  @Test
  void eachInsurersBacklogAndPauseAreMetricsAnOperatorCanAlertOn() {
    Insurer insurer = insurer();
    operator().post("/api/operator/insurers/" + insurer.id() + "/pause", Map.of()).expect(200);
    String doctor = createDoctor("Gauged");
    consent(doctor, insurer, "ACTIVE");
    await().ignoreExceptions().until(() -> receiptState(insurer, doctor).equals("PENDING"));

    JsonNode overview = operator().get("/api/operator/delivery").expect(200).body();
    JsonNode listed =
        StreamSupport.stream(overview.spliterator(), false)
            .filter(s -> s.get("insurerId").asText().equals(insurer.id()))
            .findFirst()
            .orElseThrow();
    assertThat(listed.get("backlog").asLong()).isEqualTo(1);
    assertThat(listed.get("paused").asBoolean()).isTrue();
    assertThat(listed.get("kind").asText()).isEqualTo("fhir-rest");

    metrics.update();

    assertThat(gauge("docport.delivery.backlog", insurer)).isEqualTo(1.0);
    assertThat(gauge("docport.delivery.paused", insurer)).isEqualTo(1.0);
    assertThat(gauge("docport.delivery.oldest.pending", insurer)).isPositive();
    assertThat(gauge("docport.delivery.dead.letters", insurer)).isZero();
    assertThat(operator().text("/actuator/prometheus"))
        .contains(
            "docport_delivery_backlog{insurer=\"" + insurer.id() + "\",kind=\"fhir-rest\"} 1.0")
        .contains("docport_delivery_oldest_pending_seconds{insurer=\"" + insurer.id() + "\",kind=");

    operator().post("/api/operator/insurers/" + insurer.id() + "/resume", Map.of()).expect(200);
    await().until(() -> receiptState(insurer, doctor).equals("DELIVERED"));
    metrics.update();

    assertThat(gauge("docport.delivery.backlog", insurer)).isZero();
    assertThat(gauge("docport.delivery.paused", insurer)).isZero();
    assertThat(gauge("docport.delivery.oldest.pending", insurer)).isZero();
  }

  private double gauge(String name, Insurer insurer) {
    return meters.get(name).tag("insurer", insurer.id()).gauge().value();
  }
}
