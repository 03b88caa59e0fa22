package org.docport.hub.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.hub.HubTest;
import org.docport.hub.LicenceRegistryStub;
import org.docport.hub.SampleDoctors;
import org.docport.testkit.HubClient;
import org.docport.workflows.onboarding.OnboardingProgress;
import org.docport.workflows.onboarding.OnboardingRequest;
import org.docport.workflows.onboarding.OnboardingStep;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Onboarding end to end: sign-up, checks against a licence registry, documents, review. */
class OnboardingFlowTest extends HubTest {

  @Autowired WorkflowClient temporal;
  @Autowired OnboardingReconciler reconciler;
  @Autowired OnboardingActivitiesImpl activities;

  private static final byte[] PDF =
      "%PDF-1.4\n% licence copy\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };

  @Test
  void aDoctorWhoSignsUpIsCheckedReviewedAndThenJoinsInsurers() throws Exception {
    String number = "TMC-" + UUID.randomUUID().toString().substring(0, 8);
    LICENCE_REGISTRY.valid(number);
    Doctor doctor = signUp(number, LocalDate.now().plusYears(2));
    await().until(() -> step(doctor).equals("DRAFT"));
    Insurer insurer = insurer(Map.of("autoAccept", true));
    assertThat(
            doctor
                .api()
                .post("/api/doctors/" + doctor.id() + "/consents/" + insurer.id(), Map.of())
                .expect(409)
                .body()
                .get("title")
                .asText())
        .isEqualTo("Onboarding not finished");

    submit(doctor).expect(200);
    await().until(() -> step(doctor).equals("CORRECTIONS_NEEDED"));
    assertThat(onboarding(doctor).get("problems").toString())
        .contains("upload a copy of your licence")
        .contains("upload your degree certificate");

    assertThat(upload(doctor, "licence", "application/pdf", PDF)).isEqualTo(200);
    assertThat(upload(doctor, "degree", "image/png", PNG)).isEqualTo(200);
    submit(doctor).expect(200);
    await().until(() -> step(doctor).equals("IN_REVIEW"));
    assertThat(onboarding(doctor).get("reviewNotes")).isEmpty();
    assertThat(upload(doctor, "licence", "application/pdf", PDF)).isEqualTo(409);
    HttpResponse<byte[]> licence = document(doctor.id(), "licence", "operator", OPERATOR_PASSWORD);
    assertThat(licence.statusCode()).isEqualTo(200);
    assertThat(licence.body()).isEqualTo(PDF);
    assertThat(licence.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(licence.headers().firstValue("Content-Disposition"))
        .hasValue("inline; filename=\"licence.pdf\"");
    assertThat(licence.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(licence.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    assertThat(
            operator().get("/api/operator/onboarding/review-queue").expect(200).body().toString())
        .contains(doctor.id());
    doctor
        .api()
        .post("/api/operator/onboarding/" + doctor.id() + "/review", Map.of("approved", true))
        .expect(403);

    operator()
        .post("/api/operator/onboarding/" + doctor.id() + "/review", Map.of("approved", true))
        .expect(200);

    await().until(() -> step(doctor).equals("ACTIVE"));
    doctor
        .api()
        .post("/api/doctors/" + doctor.id() + "/consents/" + insurer.id(), Map.of())
        .expect(202);
    await().until(() -> familyAt(insurer, doctor.id()).isPresent());
  }

  @Test
  void aLicenceTheRegistryDoesNotConfirmAndAReviewersReasonsGoBackToTheDoctor() throws Exception {
    String number = "TMC-" + UUID.randomUUID().toString().substring(0, 8);
    LICENCE_REGISTRY.invalid(number, "suspended");
    Doctor doctor = signUp(number, LocalDate.now().plusYears(2));
    upload(doctor, "licence", "application/pdf", PDF);
    upload(doctor, "degree", "application/pdf", PDF);
    await().until(() -> step(doctor).equals("DRAFT"));

    submit(doctor).expect(200);

    await().until(() -> step(doctor).equals("CORRECTIONS_NEEDED"));
    assertThat(onboarding(doctor).get("problems").get(0).asText())
        .isEqualTo(
            "licence "
                + number
                + ": the Test Medical Council registry does not confirm it"
                + " (suspended)");

    LICENCE_REGISTRY.valid(number);
    submit(doctor).expect(200);
    await().until(() -> step(doctor).equals("IN_REVIEW"));
    operator()
        .post("/api/operator/onboarding/" + doctor.id() + "/review", Map.of("approved", false))
        .expect(400);
    operator()
        .post(
            "/api/operator/onboarding/" + doctor.id() + "/review",
            Map.of("approved", false, "reasons", List.of("the degree certificate is unreadable")))
        .expect(200);
    await().until(() -> step(doctor).equals("CORRECTIONS_NEEDED"));
    assertThat(onboarding(doctor).get("problems").get(0).asText())
        .isEqualTo("the degree certificate is unreadable");
    operator()
        .post("/api/operator/onboarding/" + doctor.id() + "/review", Map.of("approved", true))
        .expect(409);
  }

  @Test
  void aDraftLeftUntouchedIsRemindedByEmail() throws Exception {
    Doctor doctor = signUp("TMC-" + UUID.randomUUID().toString().substring(0, 8), null);

    // Reminders come after 2 s in the tests (3 days by default).
    await().until(() -> !mailsTo(doctor.email()).isEmpty());
    MimeMessage reminder = mailsTo(doctor.email()).get(0);
    assertThat(reminder.getSubject()).isEqualTo("Your DocPort onboarding is waiting for you");
    assertThat(reminder.getContent().toString()).contains("your DocPort profile is still a draft");
    await().until(() -> onboarding(doctor).get("remindersSent").asInt() >= 1);
  }

  @Test
  void aReminderRetriedWithItsRequestIdIsSentOnce() {
    // An operator-entered doctor (no onboarding workflow reminds them), with an address of their
    // own: other tests' self-registered doctors use the sample address and are reminded meanwhile.
    String email = "retried-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    Map<String, Object> profile = new HashMap<>(SampleDoctors.profile("Retried"));
    profile.put("telecom", List.of(Map.of("system", "email", "value", email, "use", "work")));
    UUID doctor =
        UUID.fromString(
            operator().post("/api/doctors", profile).expect(201).body().get("id").asText());
    UUID request = UUID.randomUUID();
    OnboardingProgress draft =
        new OnboardingProgress(OnboardingStep.DRAFT, List.of(), List.of(), 1);

    activities.remind(doctor, draft, request);
    activities.remind(doctor, draft, request);
    activities.remind(doctor, draft, UUID.randomUUID());

    assertThat(mailsTo(email)).hasSize(2);
  }

  @Test
  void documentsAreSizeAndTypeChecked() throws Exception {
    Doctor doctor = signUp("TMC-" + UUID.randomUUID().toString().substring(0, 8), null);

    assertThat(upload(doctor, "licence", "text/plain", "hello".getBytes())).isEqualTo(415);
    assertThat(upload(doctor, "licence", "application/pdf", PNG)).isEqualTo(415);
    assertThat(upload(doctor, "licence", "application/pdf", new byte[0])).isEqualTo(400);
    assertThat(upload(doctor, "passport", "application/pdf", PDF)).isEqualTo(404);
    byte[] huge = Arrays.copyOf(PDF, DoctorDocuments.MAX_BYTES + 1);
    assertThat(upload(doctor, "licence", "application/pdf", huge)).isEqualTo(413);
    byte[] tooHuge = Arrays.copyOf(PDF, 6 * 1024 * 1024);
    assertThat(upload(doctor, "licence", "application/pdf", tooHuge)).isEqualTo(413);
    assertThat(doctor.api().get("/api/doctors/" + doctor.id() + "/documents").expect(200).body())
        .isEmpty();

    assertThat(upload(doctor, "licence", "application/pdf", PDF)).isEqualTo(200);
    JsonNode documents =
        doctor.api().get("/api/doctors/" + doctor.id() + "/documents").expect(200).body();
    assertThat(documents.get(0).get("kind").asText()).isEqualTo("LICENCE");
    assertThat(documents.get(0).get("sizeBytes").asInt()).isEqualTo(PDF.length);
  }

  @Test
  void theReconcilerResumesAnOnboardingWhoseWorkflowWasLostAtItsRecordedStep() throws Exception {
    String number = "TMC-" + UUID.randomUUID().toString().substring(0, 8);
    LICENCE_REGISTRY.valid(number);
    Doctor doctor = signUp(number, LocalDate.now().plusYears(2));
    upload(doctor, "licence", "application/pdf", PDF);
    upload(doctor, "degree", "application/pdf", PDF);
    await().until(() -> step(doctor).equals("DRAFT"));
    submit(doctor).expect(200);
    await().until(() -> step(doctor).equals("IN_REVIEW"));
    // As when the in-process Temporal server restarts: the workflow is gone, the registry stays.
    temporal
        .newUntypedWorkflowStub(OnboardingRequest.workflowId(UUID.fromString(doctor.id())))
        .terminate("lost with the server");
    String review = "/api/operator/onboarding/" + doctor.id() + "/review";
    operator().post(review, Map.of("approved", true)).expect(409);

    reconciler.reconcile();

    await()
        .ignoreExceptions()
        .until(() -> operator().post(review, Map.of("approved", true)).status() == 200);
    await().until(() -> step(doctor).equals("ACTIVE"));
  }

  /** A doctor account and its doctor record. */
  private record Doctor(String id, String email, HubClient api, String username, String password) {}

  private Doctor signUp(String licenceNumber, LocalDate validTo) {
    String username = "dr-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "a long enough password";
    operator()
        .post("/api/accounts", Map.of("username", username, "password", password))
        .expect(201);
    HubClient api = as(username, password);
    String email = username + "@example.org";
    Map<String, Object> profile = new HashMap<>(SampleDoctors.profile("Onboarding"));
    Map<String, Object> licence = new HashMap<>();
    licence.put("system", "https://tmc.example/licences");
    licence.put("value", licenceNumber);
    licence.put("type", "LN");
    licence.put("issuer", LicenceRegistryStub.ISSUER);
    licence.put("validFrom", "2020-01-01");
    if (validTo != null) {
      licence.put("validTo", validTo.toString());
    }
    profile.put("identifiers", List.of(licence));
    profile.put("telecom", List.of(Map.of("system", "email", "value", email, "use", "work")));
    String id = api.post("/api/doctors", profile).expect(201).body().get("id").asText();
    return new Doctor(id, email, api, username, password);
  }

  private static HubClient.Response submit(Doctor doctor) {
    return doctor.api().post("/api/doctors/" + doctor.id() + "/onboarding/submit", Map.of());
  }

  private static JsonNode onboarding(Doctor doctor) {
    return doctor.api().get("/api/doctors/" + doctor.id() + "/onboarding").expect(200).body();
  }

  private static String step(Doctor doctor) {
    return onboarding(doctor).get("step").asText();
  }

  /** Uploads raw bytes, as a browser would send a file; answers the HTTP status. */
  private int upload(Doctor doctor, String kind, String type, byte[] content) throws Exception {
    HttpRequest request =
        documentRequest(doctor.id(), kind, doctor.username(), doctor.password())
            .header("Content-Type", type)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Reads a document's bytes as the given account. */
  private HttpResponse<byte[]> document(
      String doctorId, String kind, String username, String password) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            documentRequest(doctorId, kind, username, password).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder documentRequest(
      String doctorId, String kind, String username, String password) {
    return HttpRequest.newBuilder(
            URI.create(
                "http://localhost:" + port + "/api/doctors/" + doctorId + "/documents/" + kind))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }
}
