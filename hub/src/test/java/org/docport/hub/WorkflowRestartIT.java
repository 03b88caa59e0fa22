package org.docport.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.docport.insurersim.InsurerServer;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.testkit.HubClient;
import org.docport.testkit.HubProcess;
import org.docport.testkit.TestDatabase;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;

/**
 * On its defaults the hub runs Temporal in-process, so a crash loses every workflow. The registry
 * is the truth: killed with SIGKILL while a consent awaits the insurer's decision and a doctor's
 * onboarding awaits review, the restarted hub resumes both, and both finish.
 */
class WorkflowRestartIT {

  private static final String PASSWORD = "restart-it-operator";

  @Test
  void sagasWaitingForPeopleSurviveAHubCrashOnTheInProcessServer() throws Exception {
    Path log = Files.createTempFile("hub-workflow-restart-it", ".log");
    int port = HubProcess.freePort();
    try (TestDatabase db = TestDatabase.start();
        InsurerServer insurer = InsurerServer.start(0)) {
      HubProcess first = start(db, log, port);
      HubClient api = new HubClient(first.baseUrl(), "operator", PASSWORD);
      api.post(
              "/api/operator/insurers",
              Map.of(
                  "id",
                  "restart-ins",
                  "name",
                  "Restart Insurer",
                  "networks",
                  List.of(Map.of("id", "gold", "name", "Gold")),
                  "connector",
                  Map.of("kind", "fhir-rest", "baseUrl", insurer.baseUrl())))
          .expect(201);
      String doctor =
          api.post("/api/doctors", SampleDoctors.profile("Restart"))
              .expect(201)
              .body()
              .get("id")
              .asText();
      api.post("/api/doctors/" + doctor + "/consents/restart-ins", Map.of()).expect(202);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  insurer
                      .findByIdentifier(
                          Practitioner.class, BusinessIdentifiers.PRACTITIONER, doctor)
                      .isPresent());
      String applicant = signUpAndSubmit(api, first.baseUrl());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> onboardingStep(api, applicant).equals("IN_REVIEW"));

      first.kill9();
      HubProcess second = start(db, log, port);
      try {
        HubClient again = new HubClient(second.baseUrl(), "operator", PASSWORD);
        // The reconciler restarts both workflows at start-up, at the steps the registry holds.
        postUntilTaken(
            again,
            "/api/insurers/restart-ins/enrolments/" + doctor + "/decision",
            Map.of("accepted", true));
        postUntilTaken(
            again, "/api/operator/onboarding/" + applicant + "/review", Map.of("approved", true));

        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> consentStatus(again, doctor).equals("ACTIVE"));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> onboardingStep(again, applicant).equals("ACTIVE"));
        assertThat(insurer.writeLog().stream().filter(w -> w.resourceType().equals("Practitioner")))
            .as("the restarted saga did not publish the doctor twice")
            .hasSize(1);
      } finally {
        second.close();
        first.close();
      }
    }
  }

  /** A doctor who signs up, uploads both documents and submits; answers the doctor's id. */
  private static String signUpAndSubmit(HubClient operator, String baseUrl) throws Exception {
    operator
        .post("/api/accounts", Map.of("username", "applicant", "password", "a long enough secret"))
        .expect(201);
    HubClient doctor = new HubClient(baseUrl, "applicant", "a long enough secret");
    Map<String, Object> profile = new HashMap<>(SampleDoctors.profile("Applicant"));
    String id = doctor.post("/api/doctors", profile).expect(201).body().get("id").asText();
    for (String kind : List.of("licence", "degree")) {
      doctor
          .putBytes(
              "/api/doctors/" + id + "/documents/" + kind,
              "application/pdf",
              "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
          .expect(200);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> onboardingStep(operator, id).equals("DRAFT"));
    doctor.post("/api/doctors/" + id + "/onboarding/submit", Map.of()).expect(200);
    return id;
  }

  private static String onboardingStep(HubClient api, String doctor) {
    return api.get("/api/doctors/" + doctor + "/onboarding")
        .expect(200)
        .body()
        .get("step")
        .asText();
  }

  private static String consentStatus(HubClient api, String doctor) {
    return api.get("/api/doctors/" + doctor + "/consents/restart-ins")
        .expect(200)
        .body()
        .get("status")
        .asText();
  }

  private static HubProcess start(TestDatabase db, Path log, int port) {
    return HubProcess.packaged(db, PASSWORD).maxHeap("384m").start(port, log);
  }

  /** Posts until the hub takes it (200): the restarted workflow may not be waiting yet. */
  private static void postUntilTaken(HubClient api, String path, Map<String, Object> body) {
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> api.post(path, body).status() == 200);
  }
}
