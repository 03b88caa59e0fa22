package org.docport.hub.insurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docport.connectors.InsurerConnectors;
import org.docport.hub.HubTest;
import org.docport.hub.platform.Workflows;
import org.docport.insurersim.InsurerServer;
import org.docport.testkit.HubClient;
import org.docport.workflows.insurer.InsurerOnboardingWorkflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An insurer registers itself, is approved, gets credentials by e-mail, is tested, goes live. */
class InsurerOnboardingFlowTest extends HubTest {

  private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

  @Autowired InsurerConnectors connectors;
  @Autowired WorkflowClient temporal;

  private final InsurerServer server = InsurerServer.start(0);
  private final String id = "self-" + UUID.randomUUID().toString().substring(0, 8);
  private final String contact = id + "@insurer.example";

  @AfterEach
  void removeApplicant() {
    operator().delete("/api/operator/insurers/" + id);
    server.close();
  }

  @Test
  void anInsurerThatRegistersItselfIsApprovedGetsCredentialsGoesLiveAndDecidesEnrolments()
      throws Exception {
    JsonNode applied = apply(application()).expect(202).body();
    assertThat(applied.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(connectors.isConnected(id)).isFalse();
    assertThat(operator().get("/api/operator/insurer-applications").expect(200).body().toString())
        .contains(id);

    operator()
        .post("/api/operator/insurers/" + id + "/approval", Map.of("approved", true))
        .expect(200);

    await().until(() -> status().equals("LIVE"));
    assertThat(connectors.isConnected(id)).isTrue();
    HubClient insurer = as("insurer-" + id, passwordFromMail());
    assertThat(insurer.get("/api/insurers/" + id).expect(200).body().get("status").asText())
        .isEqualTo("LIVE");
    Insurer other = insurer();
    insurer.get("/api/insurers/" + other.id()).expect(403);

    String doctor = createDoctor("Joshi");
    operator().post("/api/doctors/" + doctor + "/consents/" + id, Map.of()).expect(202);
    await().until(() -> server.writeCount() > 0);
    insurer
        .post(
            "/api/insurers/" + other.id() + "/enrolments/" + doctor + "/decision",
            Map.of("accepted", true))
        .expect(403);
    await()
        .ignoreExceptions()
        .until(
            () ->
                insurer
                        .post(
                            "/api/insurers/" + id + "/enrolments/" + doctor + "/decision",
                            Map.of("accepted", true))
                        .status()
                    == 200);
    await()
        .until(
            () ->
                operator()
                    .get("/api/doctors/" + doctor + "/consents/" + id)
                    .expect(200)
                    .body()
                    .get("status")
                    .asText()
                    .equals("ACTIVE"));
  }

  @Test
  void aFailedConnectionTestSaysWhyAndATestAfterTheFixGoesLive() {
    // The insurer's endpoint wants a token the application did not give.
    server.requireBearerToken("not-configured");
    apply(application()).expect(202);
    operator()
        .post("/api/operator/insurers/" + id + "/approval", Map.of("approved", true))
        .expect(200);

    await().until(() -> status().equals("CONNECTION_FAILED"));
    assertThat(insurerView().get("statusReason").asText()).contains("401");
    assertThat(insurerView().has("live"))
        .as("only status tells where the insurer stands")
        .isFalse();
    assertThat(connectors.isConnected(id)).isFalse();

    server.allowAnonymous();
    operator().post("/api/operator/insurers/" + id + "/connection-test", Map.of()).expect(200);

    await().until(() -> status().equals("LIVE"));
    assertThat(connectors.isConnected(id)).isTrue();
  }

  @Test
  void aRejectedRegistrationIsNeverConnectedAndBadRequestsSayWhatToFix() {
    Map<String, Object> noContact = new HashMap<>(application());
    noContact.remove("contactEmail");
    assertThat(apply(noContact).expect(400).body().get("detail").asText()).contains("contactEmail");
    apply(application()).expect(202);
    operator()
        .post("/api/operator/insurers/" + id + "/approval", Map.of("approved", false))
        .expect(400);

    operator()
        .post(
            "/api/operator/insurers/" + id + "/approval",
            Map.of("approved", false, "reason", "not a licensed insurer"))
        .expect(200);

    await().until(() -> status().equals("REJECTED"));
    assertThat(insurerView().get("statusReason").asText()).isEqualTo("not a licensed insurer");
    assertThat(connectors.isConnected(id)).isFalse();
    operator()
        .post("/api/operator/insurers/" + id + "/approval", Map.of("approved", true))
        .expect(409);
    operator().post("/api/operator/insurers/" + id + "/connection-test", Map.of()).expect(409);
  }

  @Test
  void removingAnApplicantEndsItsOnboarding() {
    apply(application()).expect(202);
    String workflowId = InsurerOnboardingWorkflow.workflowId(id);
    await().until(() -> Workflows.isRunning(temporal, workflowId));

    operator().delete("/api/operator/insurers/" + id).expect(204);

    assertThat(Workflows.isRunning(temporal, workflowId)).isFalse();
  }

  private Map<String, Object> application() {
    return Map.of(
        "id",
        id,
        "name",
        "Self Registered " + id,
        "identifier",
        Map.of("system", "urn:test:insurer", "value", id),
        "networks",
        List.of(Map.of("id", "gold", "name", "Gold")),
        "connector",
        Map.of("kind", "fhir-rest", "baseUrl", server.baseUrl()),
        "contactEmail",
        contact);
  }

  private HubClient.Response apply(Map<String, Object> application) {
    return HubClient.anonymous("http://localhost:" + port)
        .post("/api/insurer-applications", application);
  }

  private JsonNode insurerView() {
    return operator().get("/api/operator/insurers/" + id).expect(200).body();
  }

  private String status() {
    return insurerView().get("status").asText();
  }

  private String passwordFromMail() throws Exception {
    await().until(() -> !mailsTo(contact).isEmpty());
    Matcher matcher = PASSWORD.matcher(mailsTo(contact).get(0).getContent().toString());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
