package org.docport.hub.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.docport.hub.HubTest;
import org.docport.hub.SampleCalendars;
import org.docport.hub.fhir.InsurerFhirClients;
import org.docport.hub.scheduling.Appointments;
import org.docport.hub.smart.InsurerSystem.Answer;
import org.docport.testkit.HubClient;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Insurers without FHIR call the partner API as their systems would: every request signed with the
 * key DocPort issued them (Standard Webhooks), on the same rules, database guard and audit as
 * booking through FHIR.
 */
class PartnerApiTest extends HubTest {

  private static final String BOOKING = "system/*.read system/Appointment.write";

  @Autowired Appointments appointments;
  @Autowired JdbcTemplate jdbc;
  @Autowired PartnerRequests requests;

  @Test
  void anInsurerFindsHoldsBooksReadsAndCancelsThroughSignedRequests() {
    Insurer insurer = insurer();
    Insurer other = insurer();
    PartnerClient partner = partner(insurer);
    String doctor = doctorWithHours("Signed", insurer, other);
    List<String> free = freeSlots(partner, doctor, 2);
    JsonNode first = partner.get(slotsOf(doctor) + "&limit=1").expect(200).body();
    JsonNode next =
        partner
            .get(slotsOf(doctor) + "&limit=1&cursor=" + first.get("next").asText())
            .expect(200)
            .body();
    assertThat(first.get("slots").get(0).get("id").asText()).isEqualTo(free.get(0));
    assertThat(first.get("slots").get(0).get("serviceType").get("code").asText()).isEqualTo("124");
    assertThat(next.get("slots").get(0).get("id").asText()).isEqualTo(free.get(1));
    assertThat(next.has("next")).isFalse();

    Answer held =
        partner.post("/holds", Map.of("slotId", free.get(0), "holdMinutes", 5, "patient", meera()));

    held.expect(201);
    String id = held.body().get("id").asText();
    assertThat(held.header("Location")).endsWith("/appointments/" + id);
    assertThat(held.body().get("status").asText()).isEqualTo("HELD");
    assertThat(Instant.parse(held.body().get("holdUntil").asText()))
        .isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(330));
    assertThat(held.body().get("patient").get("family").asText()).isEqualTo("Rao");
    assertThat(freeSlots(partner(other), doctor, 1)).containsExactly(free.get(1));

    JsonNode booked = partner.post("/appointments/" + id + "/book", null).expect(200).body();
    assertThat(booked.get("status").asText()).isEqualTo("BOOKED");
    assertThat(booked.get("patient").get("identifier").get("value").asText()).isEqualTo("M-1001");

    JsonNode direct =
        partner
            .post(
                "/appointments",
                Map.of(
                    "slotId",
                    free.get(1),
                    "patient",
                    Map.of("reference", "https://acme.example/fhir/Patient/42"),
                    "coverage",
                    Map.of("identifier", Map.of("system", "urn:acme:policy", "value", "P-7"))))
            .expect(201)
            .body();
    assertThat(direct.get("patient").get("reference").asText())
        .isEqualTo("https://acme.example/fhir/Patient/42");
    assertThat(direct.get("coverage").get("identifier").get("value").asText()).isEqualTo("P-7");
    assertThat(freeSlots(partner, doctor, 0)).isEmpty();

    String second = direct.get("id").asText();
    JsonNode cancelled =
        partner
            .post("/appointments/" + second + "/cancel", Map.of("reason", "patient recovered"))
            .expect(200)
            .body();
    assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.get("cancellationReason").asText()).isEqualTo("patient recovered");
    assertThat(cancelled.get("cancelledBy").asText()).isEqualTo("INSURER");
    assertThat(freeSlots(partner, doctor, 1)).containsExactly(free.get(1));
    assertThat(partner.get("/appointments/" + id).expect(200).body().get("status").asText())
        .isEqualTo("BOOKED");
    assertThat(partner(other).get("/appointments/" + id).status()).isEqualTo(404);
  }

  @Test
  void aSlotRacedForThroughThePartnerApiAndFhirAtOnceIsBookedExactlyOnce() throws Exception {
    Insurer viaPartner = insurer();
    Insurer viaFhir = insurer();
    PartnerClient partner = partner(viaPartner);
    IGenericClient fhir =
        InsurerFhirClients.client(operator(), port, viaFhir.id(), BOOKING, BOOKING);
    String doctor = doctorWithHours("Raced", viaPartner, viaFhir);
    String slot = freeSlots(partner, doctor, 2).get(0);

    List<Callable<Integer>> attempts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      attempts.add(
          () -> partner.post("/appointments", Map.of("slotId", slot, "patient", meera())).status());
      attempts.add(() -> fhirBooking(fhir, slot));
    }
    List<Integer> statuses = race(attempts);

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(attempts.size() - 1);
    assertThat(appointments.holding(UUID.fromString(doctor))).hasSize(1);
    Answer refused =
        partner.post("/appointments", Map.of("slotId", slot, "patient", meera())).expect(409);
    assertThat(refused.body().get("title").asText()).isEqualTo("Slot taken");
    assertThat(refused.detail()).contains("Slot '" + slot + "' is taken");
  }

  @Test
  void aDoctorWhoHasNotConsentedIsNotFoundWhateverTheInsurerAsks() {
    Insurer consented = insurer();
    Insurer stranger = insurer();
    PartnerClient mine = partner(consented);
    PartnerClient theirs = partner(stranger);
    String doctor = doctorWithHours("Unseen", consented);
    String slot = freeSlots(mine, doctor, 2).get(0);
    String booked =
        mine.post("/appointments", Map.of("slotId", slot, "patient", meera()))
            .expect(201)
            .body()
            .get("id")
            .asText();

    assertThat(theirs.get(slotsOf(doctor)).status()).isEqualTo(404);
    assertThat(theirs.get(slotsOf(UUID.randomUUID().toString())).status()).isEqualTo(404);
    String other = freeSlots(mine, doctor, 1).get(0);
    assertThat(theirs.post("/holds", Map.of("slotId", other, "patient", meera())).status())
        .isEqualTo(404);
    assertThat(theirs.post("/appointments", Map.of("slotId", other, "patient", meera())).status())
        .isEqualTo(404);
    assertThat(theirs.get("/appointments/" + booked).status()).isEqualTo(404);
    assertThat(
            theirs
                .post("/appointments/" + booked + "/cancel", Map.of("reason", "mistake"))
                .status())
        .isEqualTo(404);
    assertThat(
            theirs.post("/enrolments/" + doctor + "/decision", Map.of("accepted", true)).status())
        .isEqualTo(404);
    assertThat(freeSlots(mine, doctor, 1)).containsExactly(other);
  }

  @Test
  void anUnsignedExpiredOrBadlySignedRequestIs401SayingWhatIsWrong() {
    Insurer insurer = insurer();
    PartnerClient partner = partner(insurer);
    String path = slotsOf(UUID.randomUUID().toString());

    Answer unsigned =
        partner.request("GET", path, null).header("webhook-signature", null).send().expect(401);
    assertThat(unsigned.detail()).contains("no webhook-signature header");
    assertThat(unsigned.header("Content-Type")).startsWith("application/problem+json");
    assertThat(unsigned.header("WWW-Authenticate")).startsWith("StandardWebhooks");
    assertThat(
            partner
                .request("GET", path, null)
                .header("webhook-id", null)
                .header("webhook-timestamp", null)
                .send()
                .expect(401)
                .detail())
        .contains("no webhook-id, webhook-timestamp header");
    assertThat(
            partner
                .request("GET", path, null)
                .at(Instant.now().minusSeconds(600))
                .send()
                .expect(401)
                .detail())
        .contains("seconds before DocPort's clock", "within 300 seconds");
    assertThat(
            partner
                .request("GET", path, null)
                .header("webhook-timestamp", "yesterday")
                .send()
                .expect(401)
                .detail())
        .contains("webhook-timestamp must be the time of signing in whole seconds");
    String otherKey = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    assertThat(partner.signingWith(otherKey).get(path).expect(401).detail())
        .contains("does not verify with any live partner key of insurer '" + insurer.id() + "'");
    // Signed by the insurer's key, but over another body than the one sent.
    Instant now = Instant.now();
    PartnerClient.Request tampered =
        partner
            .request("POST", "/holds", Map.of("slotId", "a", "patient", meera()))
            .id("tampered")
            .at(now)
            .header("webhook-signature", partner.signature("tampered", now, "{}"));
    assertThat(tampered.send().expect(401).detail()).contains("does not verify");
    assertThat(new PartnerClient(port, "nobody", List.of(otherKey)).get(path).expect(401).detail())
        .contains("Unknown insurer 'nobody'");
    HubClient.Response basic = operator().get("/api/partner/v1/insurers/" + insurer.id() + path);
    assertThat(basic.status()).isEqualTo(401);
  }

  @Test
  void aRepeatedWebhookIdGetsTheFirstAnswerAndActsNoMore() {
    Insurer insurer = insurer();
    Insurer rival = insurer();
    PartnerClient partner = partner(insurer);
    PartnerClient other = partner(rival);
    String doctor = doctorWithHours("Repeated", insurer, rival);
    List<String> free = freeSlots(partner, doctor, 2);
    String id = UUID.randomUUID().toString();
    Map<String, Object> booking = Map.of("slotId", free.get(0), "patient", meera());

    Answer first = partner.request("POST", "/appointments", booking).id(id).send();
    // A retry, signed anew a second later: the same id and body.
    Answer again =
        partner
            .request("POST", "/appointments", booking)
            .id(id)
            .at(Instant.now().plusSeconds(1))
            .send();

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header(IdempotencyFilter.REPLAYED)).isNull();
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(again.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
    assertThat(appointments.holding(UUID.fromString(doctor))).hasSize(1);

    Answer reused =
        partner
            .request("POST", "/appointments", Map.of("slotId", free.get(1), "patient", meera()))
            .id(id)
            .send();
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.detail()).contains("webhook-id '" + id + "' was used for another request");
    assertThat(partner.request("GET", "/appointments/x", null).id(id).send().status())
        .isEqualTo(422);
    assertThat(appointments.holding(UUID.fromString(doctor))).hasSize(1);

    // A refusal is an answer too: its repeat is refused alike, even once the slot is free.
    String refusedId = UUID.randomUUID().toString();
    other.request("POST", "/appointments", booking).id(refusedId).send().expect(409);
    partner
        .post(
            "/appointments/" + first.body().get("id").asText() + "/cancel",
            Map.of("reason", "moved"))
        .expect(200);
    Answer repeated = other.request("POST", "/appointments", booking).id(refusedId).send();
    assertThat(repeated.status()).isEqualTo(409);
    assertThat(repeated.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
    assertThat(appointments.holding(UUID.fromString(doctor))).isEmpty();
  }

  @Test
  void aRotatedKeyVerifiesBesideTheOldOneUntilTheOldOneIsRetired() {
    Insurer insurer = insurer();
    JsonNode first = issue(insurer).expect(201).body();
    String path = "/api/operator/insurers/" + insurer.id() + "/partner-keys";
    String oldKey = first.get("secret").asText();
    PartnerClient old = new PartnerClient(port, insurer.id(), List.of(oldKey));
    String anyDoctor = slotsOf(UUID.randomUUID().toString());
    old.get(anyDoctor).expect(404);

    String newKey = issue(insurer).expect(201).body().get("secret").asText();
    PartnerClient rotated = old.signingWith(newKey);

    assertThat(newKey).startsWith("whsec_").isNotEqualTo(oldKey);
    old.get(anyDoctor).expect(404);
    rotated.get(anyDoctor).expect(404);
    old.signingWith(oldKey, newKey).get(anyDoctor).expect(404);
    assertThat(issue(insurer).expect(409).body().get("detail").asText())
        .contains("retire the old one", first.get("id").asText());
    JsonNode listed = operator().get(path).expect(200).body();
    assertThat(listed).hasSize(2);
    assertThat(listed.findValues("secret")).isEmpty();
    assertThat(listed.get(1).get("lastUsedAt")).isNotNull();
    assertThat(
            jdbc.queryForList(
                "select secret from partner_key where insurer_id = ?", String.class, insurer.id()))
        .allSatisfy(stored -> assertThat(stored).startsWith("sealed:v1:").doesNotContain("whsec"));

    operator().delete(path + "/" + first.get("id").asText()).expect(204);

    assertThat(old.get(anyDoctor).expect(401).detail()).contains("does not verify");
    rotated.get(anyDoctor).expect(404);
    assertThat(operator().get(path).expect(200).body().get(1).get("retiredBy").asText())
        .isEqualTo("operator");
    operator().delete(path + "/pk_none").expect(404);
  }

  @Test
  void theInsurersDecisionThroughThePartnerApiDrivesTheConsentSaga() {
    Insurer insurer = insurer();
    PartnerClient partner = partner(insurer);
    String accepted = enrolling("Welcome", insurer);
    String rejected = enrolling("Refused", insurer);

    // The saga may still be confirming the delivery: the insurer's answer waits for it.
    await()
        .until(
            () ->
                partner
                            .post("/enrolments/" + accepted + "/decision", Map.of("accepted", true))
                            .status()
                        == 200
                    || consent(accepted, insurer).get("status").asText().equals("ACTIVE"));
    await().until(() -> consent(accepted, insurer).get("status").asText().equals("ACTIVE"));
    partner.post("/enrolments/" + accepted + "/decision", Map.of("accepted", true)).expect(409);

    Answer noReason =
        partner.post("/enrolments/" + rejected + "/decision", Map.of("accepted", false));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.detail())
        .isEqualTo("reason: required for a rejection: what the doctor should fix");
    await()
        .until(
            () ->
                partner
                        .post(
                            "/enrolments/" + rejected + "/decision",
                            Map.of("accepted", false, "reason", "no licence for this state"))
                        .status()
                    == 200);
    await().until(() -> consent(rejected, insurer).get("status").asText().equals("REJECTED"));
    assertThat(consent(rejected, insurer).get("reason").asText())
        .isEqualTo("no licence for this state");
  }

  @Test
  void whatAnInsurerDoesThroughThePartnerApiIsInTheDoctorsRecordsAsOverFhir() {
    Insurer insurer = insurer();
    PartnerClient partner = partner(insurer);
    String keyId = keyId(insurer);
    String doctor = doctorWithHours("Audited", insurer);
    String slot = freeSlots(partner, doctor, 2).get(0);

    partner.post("/appointments", Map.of("slotId", slot, "patient", meera())).expect(201);

    JsonNode disclosure =
        operator()
            .get("/api/doctors/" + doctor + "/disclosures")
            .expect(200)
            .body()
            .get("disclosures")
            .get(0);
    assertThat(disclosure.get("insurerId").asText()).isEqualTo(insurer.id());
    assertThat(disclosure.get("clientId").asText()).isEqualTo("partner-api/" + keyId);
    assertThat(disclosure.get("interaction").asText()).isEqualTo("search-type");
    assertThat(disclosure.get("request").asText()).contains("/doctors/" + doctor + "/slots?from=");
    assertThat(disclosure.get("resources").asInt()).isEqualTo(2);
    JsonNode change =
        operator()
            .get("/api/doctors/" + doctor + "/history")
            .expect(200)
            .body()
            .get("events")
            .get(0);
    assertThat(change.get("kind").asText()).isEqualTo("CALENDAR_CHANGED");
    assertThat(change.get("insurerId").asText()).isEqualTo(insurer.id());
    assertThat(change.get("actor").asText()).isEqualTo(insurer.id());
    JsonNode inBook =
        operator()
            .get(
                "/api/doctors/"
                    + doctor
                    + "/appointments?from="
                    + SampleCalendars.CLINIC_DAY
                    + "&to="
                    + SampleCalendars.CLINIC_DAY.plusDays(1))
            .expect(200)
            .body()
            .get(0);
    assertThat(inBook.get("insurerId").asText()).isEqualTo(insurer.id());
    assertThat(inBook.get("patient").get("resource").get("name").get(0).get("family").asText())
        .isEqualTo("Rao");
  }

  @Test
  void aBodyThatIsNotWhatAnEndpointTakesIsA400NamingTheField() {
    Insurer insurer = insurer();
    PartnerClient partner = partner(insurer);

    assertField(partner.post("/holds", "{\"slotId\": 5, \"patient\": {}}"), "slotId");
    assertField(
        partner.post("/holds", Map.of("slotId", "s", "holdMinutes", "ten", "patient", meera())),
        "holdMinutes");
    assertField(
        partner.post("/appointments", Map.of("slotId", "s", "patient", Map.of("age", 3))),
        "patient.age");
    assertField(
        partner.post(
            "/appointments",
            Map.of("slotId", "s", "patient", Map.of("family", "Rao", "birthDate", "yesterday"))),
        "patient.birthDate");
    assertField(partner.post("/appointments", Map.of("slotId", "s")), "patient");
    assertField(
        partner.post("/holds", Map.of("slotId", "s", "holdMinutes", 61, "patient", meera())),
        "holdMinutes");
    assertField(
        partner.post(
            "/appointments",
            Map.of("slotId", "s", "patient", Map.of("reference", "https://acme.example/x/1"))),
        "patient.reference");
    assertField(partner.post("/appointments/x/cancel", Map.of()), "reason");
    assertField(partner.get(slotsOf(UUID.randomUUID().toString()) + "&cursor=%21%21"), "cursor");
    assertField(
        partner.get(
            "/doctors/"
                + UUID.randomUUID()
                + "/slots?from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z"),
        "to");
    assertField(
        partner.get("/doctors/" + UUID.randomUUID() + "/slots?from=2027-01-01T00:00:00Z&to=soon"),
        "to");
    Answer notJson = partner.post("/appointments", "{nope");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body().get("title").asText()).isEqualTo("Malformed JSON");
  }

  @Test
  void aRequestIdIsClaimedOnceAnsweredForItsRepeatsAndFreeAgainOnceExpired() {
    String insurer = "ins-" + UUID.randomUUID();
    Instant later = Instant.now().plusSeconds(60);
    Duration lease = Duration.ofHours(1);

    assertThat(requests.claim(insurer, "r1", "a", later, lease))
        .isInstanceOf(PartnerRequests.Claimed.class);
    assertThat(requests.claim(insurer, "r1", "a", later, lease))
        .isInstanceOf(PartnerRequests.InProgress.class);
    assertThat(requests.claim(insurer, "r1", "b", later, lease))
        .isInstanceOf(PartnerRequests.OtherRequest.class);
    // Its hub died before answering: after the lease, a repeat acts again.
    assertThat(requests.claim(insurer, "r1", "a", later, Duration.ZERO))
        .isInstanceOf(PartnerRequests.Claimed.class);
    requests.answer(insurer, "r1", 201, "application/json", "/x", "{}".getBytes());
    PartnerRequests.Claim repeat = requests.claim(insurer, "r1", "a", later, Duration.ZERO);
    assertThat(repeat).isInstanceOf(PartnerRequests.Answered.class);
    PartnerRequests.Answered answered = (PartnerRequests.Answered) repeat;
    assertThat(answered.status()).isEqualTo(201);
    assertThat(answered.location()).isEqualTo("/x");
    assertThat(answered.body()).isEqualTo("{}".getBytes());
    requests.claim(insurer, "r2", "a", Instant.now().minusSeconds(1), lease);
    assertThat(requests.claim(insurer, "r2", "b", later, lease))
        .isInstanceOf(PartnerRequests.Claimed.class);
    requests.release(insurer, "r2");
    assertThat(requests.claim(insurer, "r2", "c", later, lease))
        .isInstanceOf(PartnerRequests.Claimed.class);
  }

  /** Issues a key to the insurer and answers a client that signs with it. */
  private PartnerClient partner(Insurer insurer) {
    String secret = issue(insurer).expect(201).body().get("secret").asText();
    return new PartnerClient(port, insurer.id(), List.of(secret));
  }

  private HubClient.Response issue(Insurer insurer) {
    return operator().post("/api/operator/insurers/" + insurer.id() + "/partner-keys", Map.of());
  }

  private String keyId(Insurer insurer) {
    return operator()
        .get("/api/operator/insurers/" + insurer.id() + "/partner-keys")
        .expect(200)
        .body()
        .get(0)
        .get("id")
        .asText();
  }

  /** A doctor consented to the insurers, seeing patients 09:00-09:40: two 20-minute slots. */
  private String doctorWithHours(String family, Insurer... insurers) {
    String doctor = createDoctor(family);
    for (Insurer insurer : insurers) {
      consent(doctor, insurer, "ACTIVE");
    }
    operator()
        .put(
            "/api/doctors/" + doctor + "/availability",
            SampleCalendars.consultations(
                SampleCalendars.hoursOn(locationOf(doctor), "09:00", "09:40")),
            "\"0\"")
        .expect(200);
    return doctor;
  }

  /** A doctor whose opt-in to the insurer awaits its decision. */
  private String enrolling(String family, Insurer insurer) {
    String doctor = createDoctor(family);
    operator().post("/api/doctors/" + doctor + "/consents/" + insurer.id(), Map.of()).expect(202);
    await().until(() -> familyAt(insurer, doctor).isPresent());
    return doctor;
  }

  private JsonNode consent(String doctor, Insurer insurer) {
    return operator()
        .get("/api/doctors/" + doctor + "/consents/" + insurer.id())
        .expect(200)
        .body();
  }

  /** The doctor's free slots on the clinic day, once there are {@code count} of them. */
  private static List<String> freeSlots(PartnerClient partner, String doctor, int count) {
    List<String> ids = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              Answer answer = partner.get(slotsOf(doctor));
              ids.clear();
              if (answer.status() == 200) {
                answer.body().get("slots").forEach(s -> ids.add(s.get("id").asText()));
              }
              return answer.status() == 200 && ids.size() == count;
            });
    return ids;
  }

  private static String slotsOf(String doctor) {
    Instant day = SampleCalendars.CLINIC_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    return "/doctors/"
        + doctor
        + "/slots?from="
        + day.minus(Duration.ofDays(1))
        + "&to="
        + day.plus(Duration.ofDays(2));
  }

  private static Map<String, Object> meera() {
    return Map.of(
        "family",
        "Rao",
        "given",
        List.of("Meera"),
        "birthDate",
        "1990-04-01",
        "gender",
        "female",
        "identifier",
        Map.of("system", "https://acme.example/member", "value", "M-1001"));
  }

  /** Books the slot through FHIR, as a FHIR insurer would: the HTTP status it got. */
  private static int fhirBooking(IGenericClient fhir, String slot) {
    Patient patient = new Patient().addName(new HumanName().setFamily("Iyer").addGiven("Anil"));
    patient.setId("p");
    Appointment appointment = new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED);
    appointment.addContained(patient);
    appointment.addSlot(new Reference("Slot/" + slot));
    appointment.addParticipant().setActor(new Reference("#p"));
    try {
      fhir.create().resource(appointment).execute();
      return 201;
    } catch (ResourceVersionConflictException e) {
      return 409;
    }
  }

  /** Runs the attempts at once: their answers. */
  private static List<Integer> race(List<Callable<Integer>> attempts) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> started = new ArrayList<>();
      for (Callable<Integer> attempt : attempts) {
        started.add(
            pool.submit(
                () -> {
                  go.await();
                  return attempt.call();
                }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> attempt : started) {
        statuses.add(attempt.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertField(Answer answer, String field) {
    assertThat(answer.status()).as("status for %s: %s", field, answer.body()).isEqualTo(400);
    assertThat(answer.body().findValuesAsText("field"))
        .as(answer.body().toString())
        .contains(field);
  }
}
