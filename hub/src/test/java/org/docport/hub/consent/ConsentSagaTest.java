package org.docport.hub.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.docport.hub.HubTest;
import org.docport.hub.platform.Workflows;
import org.docport.insurersim.WriteLogEntry;
import org.docport.testkit.HubClient;
import org.docport.workflows.consent.ConsentKey;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The consent saga end to end: registry, Temporal, change capture, connector, insurer. */
class ConsentSagaTest extends HubTest {

  @Autowired ConsentReconciler reconciler;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkflowClient temporal;

  private static final Map<String, Object> AUTO_ACCEPT = Map.of("autoAccept", true);

  @Test
  void optingInToAnAutoAcceptingInsurerDeliversTheProfileAndActivates() {
    Insurer insurer = insurer(AUTO_ACCEPT);
    String doctor = createDoctor("Kapoor");

    JsonNode requested = optIn(doctor, insurer).expect(202).body();

    assertThat(requested.get("status").asText()).isEqualTo("REQUESTED");
    await().until(() -> status(doctor, insurer).equals("ACTIVE"));
    assertThat(familyAt(insurer, doctor)).contains("Kapoor");
  }

  @Test
  void theInsurersAcceptanceActivatesAConsentItHadToDecide() {
    Insurer insurer = insurer();
    String doctor = createDoctor("Bose");
    optIn(doctor, insurer).expect(202);
    await().until(() -> familyAt(insurer, doctor).isPresent());
    assertThat(status(doctor, insurer)).isEqualTo("ENROLLING");

    // The saga may still be confirming the delivery: the insurer's answer waits for it.
    await()
        .until(
            () ->
                decide(insurer, doctor, Map.of("accepted", true)).status() == 200
                    || status(doctor, insurer).equals("ACTIVE"));

    await().until(() -> status(doctor, insurer).equals("ACTIVE"));
    JsonNode again = decide(insurer, doctor, Map.of("accepted", true)).expect(409).body();
    assertThat(again.get("detail").asText()).isNotBlank();
  }

  @Test
  void aRejectionWithdrawsThePublishedProfileAndTellsTheDoctorWhy() {
    Insurer insurer = insurer();
    String doctor = createDoctor("Shah");
    optIn(doctor, insurer).expect(202);
    await().until(() -> familyAt(insurer, doctor).isPresent());

    decide(insurer, doctor, Map.of("accepted", false, "reason", "licence not valid here"))
        .expect(200);

    await().until(() -> status(doctor, insurer).equals("REJECTED"));
    assertThat(consent(doctor, insurer).get("reason").asText()).isEqualTo("licence not valid here");
    assertThat(insurer.server().all(Practitioner.class)).isEmpty();
    assertThat(insurer.server().all(PractitionerRole.class)).isEmpty();
    assertThat(insurer.server().all(Location.class)).isEmpty();
  }

  @Test
  void anEnrolmentTheInsurerRefusesEndsFailedWithTheInsurersReason() {
    Insurer insurer = insurer(AUTO_ACCEPT);
    insurer.server().failAlways(422);
    String doctor = createDoctor("Ghosh");

    optIn(doctor, insurer).expect(202);

    await().until(() -> status(doctor, insurer).equals("FAILED"));
    assertThat(consent(doctor, insurer).get("reason").asText())
        .startsWith("the insurer refused the doctor's profile")
        .contains("422");
    assertThat(insurer.server().all(Practitioner.class)).isEmpty();
  }

  @Test
  void optingOutStopsDeliveryAtOnceWithdrawsTheDataAndOptingInAgainWorks() {
    Insurer insurer = insurer(AUTO_ACCEPT);
    String doctor = createDoctor("Nair");
    optIn(doctor, insurer).expect(202);
    await().until(() -> status(doctor, insurer).equals("ACTIVE"));

    JsonNode revoking =
        operator()
            .delete("/api/doctors/" + doctor + "/consents/" + insurer.id())
            .expect(202)
            .body();
    // A change committed after the revocation answered.
    operator()
        .patch("/api/doctors/" + doctor, Map.of("name", Map.of("family", "Nair-Menon")), "\"1\"")
        .expect(200);

    assertThat(revoking.get("status").asText()).isEqualTo("WITHDRAWING");
    await().until(() -> status(doctor, insurer).equals("REVOKED"));
    assertThat(consent(doctor, insurer).get("reason").asText())
        .isEqualTo(ConsentSagas.REVOKED_BY_DOCTOR);
    assertThat(insurer.server().all(Practitioner.class)).isEmpty();
    assertThat(insurer.server().all(PractitionerRole.class)).isEmpty();
    assertThat(
            insurer.server().writeLog().stream()
                .filter(w -> w.resourceType().equals("Practitioner"))
                .map(WriteLogEntry::operation))
        .containsExactly(WriteLogEntry.Operation.CREATE, WriteLogEntry.Operation.DELETE);

    optIn(doctor, insurer).expect(202);
    await().until(() -> status(doctor, insurer).equals("ACTIVE"));
    await().until(() -> familyAt(insurer, doctor).equals(Optional.of("Nair-Menon")));
  }

  @Test
  void withdrawingARequestBeforeTheInsurerDecidedRevokesIt() {
    Insurer insurer = insurer();
    String doctor = createDoctor("Pillai");
    optIn(doctor, insurer).expect(202);
    await().until(() -> familyAt(insurer, doctor).isPresent());

    operator().delete("/api/doctors/" + doctor + "/consents/" + insurer.id()).expect(202);

    await().until(() -> status(doctor, insurer).equals("REVOKED"));
    assertThat(insurer.server().all(Practitioner.class)).isEmpty();
    decide(insurer, doctor, Map.of("accepted", true)).expect(409);
  }

  @Test
  void transitionsThatMakeNoSenseAreConflictsThatSayWhy() {
    Insurer insurer = insurer(AUTO_ACCEPT);
    String doctor = createDoctor("Das");
    decide(insurer, doctor, Map.of("accepted", true)).expect(409);
    operator().delete("/api/doctors/" + doctor + "/consents/" + insurer.id()).expect(404);
    optIn(doctor, insurer).expect(202);
    await().until(() -> status(doctor, insurer).equals("ACTIVE"));

    JsonNode again = optIn(doctor, insurer).expect(409).body();
    assertThat(again.get("detail").asText()).contains("already active with");
    operator().delete("/api/doctors/" + doctor + "/consents/" + insurer.id()).expect(202);
    JsonNode twice =
        operator()
            .delete("/api/doctors/" + doctor + "/consents/" + insurer.id())
            .expect(409)
            .body();
    assertThat(twice.get("title").asText()).isEqualTo("Nothing to revoke");
    decide(insurer, doctor, Map.of("reason", "no")).expect(400);
    decide(insurer, doctor, Map.of("accepted", false)).expect(400);
  }

  @Test
  void theReconcilerRestartsAConsentWhoseWorkflowIsMissing() {
    Insurer insurer = insurer(AUTO_ACCEPT);
    String doctor = createDoctor("Reddy");
    // As after a restart of the in-process Temporal server, which keeps no workflows.
    jdbc.update(
        "insert into consent (doctor_id, insurer_id, status, requested_at)"
            + " values (?::uuid, ?, 'REQUESTED', now())",
        doctor,
        insurer.id());

    reconciler.reconcile();

    await().until(() -> status(doctor, insurer).equals("ACTIVE"));
    assertThat(familyAt(insurer, doctor)).contains("Reddy");

    // A rejection's withdrawal, its saga lost half-way: it must still end REJECTED. (The
    // reconciler leaves a consent alone while its opt-in saga still runs, so wait for it to end.)
    String optIn = new ConsentKey(UUID.fromString(doctor), insurer.id()).optInWorkflowId();
    await().until(() -> !Workflows.isRunning(temporal, optIn));
    jdbc.update(
        "update consent set status = 'WITHDRAWING', reason = 'licence not valid here',"
            + " ending = 'REJECTED' where doctor_id = ?::uuid and insurer_id = ?",
        doctor,
        insurer.id());
    reconciler.reconcile();

    await().until(() -> status(doctor, insurer).equals("REJECTED"));
    assertThat(consent(doctor, insurer).get("reason").asText()).isEqualTo("licence not valid here");
    assertThat(insurer.server().all(Practitioner.class)).isEmpty();
  }

  private HubClient.Response optIn(String doctor, Insurer insurer) {
    return operator().post("/api/doctors/" + doctor + "/consents/" + insurer.id(), Map.of());
  }

  private HubClient.Response decide(Insurer insurer, String doctor, Map<String, Object> decision) {
    return operator()
        .post("/api/insurers/" + insurer.id() + "/enrolments/" + doctor + "/decision", decision);
  }

  private JsonNode consent(String doctor, Insurer insurer) {
    return operator()
        .get("/api/doctors/" + doctor + "/consents/" + insurer.id())
        .expect(200)
        .body();
  }

  private String status(String doctor, Insurer insurer) {
    return consent(doctor, insurer).get("status").asText();
  }
}
