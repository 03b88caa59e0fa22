package org.docport.hub.smart;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.hub.HubTest;
import org.docport.hub.security.Accounts;
import org.docport.testkit.HubClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** A hub test with an insurer of its own, whose systems call as SMART clients. */
abstract class SmartHubTest extends HubTest {

  protected static final String INSURER_PASSWORD = "insurer-test-password";

  @Autowired private Accounts accounts;

  protected String insurerId;
  protected InsurerSystem system;

  @BeforeEach
  void registerInsurer() {
    insurerId = "smart-" + UUID.randomUUID().toString().substring(0, 8);
    operator()
        .post(
            "/api/operator/insurers",
            Map.of(
                "id",
                insurerId,
                "name",
                "Insurer " + insurerId,
                "networks",
                List.of(Map.of("id", "gold", "name", "Gold PPO")),
                // never called: these tests publish nothing to the insurer
                "connector",
                Map.of("kind", "fhir-rest", "baseUrl", "http://127.0.0.1:9/fhir")))
        .expect(201);
    accounts.issueInsurerAccount(insurerAccount(), INSURER_PASSWORD, insurerId);
    system = new InsurerSystem("http://localhost:" + port);
  }

  @AfterEach
  void removeInsurer() {
    operator().delete("/api/operator/insurers/" + insurerId);
  }

  protected String insurerAccount() {
    return "insurer-" + insurerId;
  }

  /** The insurer's own API account (HTTP Basic), as the insurer registers its clients. */
  protected HubClient insurerApi() {
    return as(insurerAccount(), INSURER_PASSWORD);
  }

  /** Registers a client with these keys inline, allowed the default scopes; answers its id. */
  protected String registerClient(JWK... keys) {
    return registerClient(Map.of("name", "claims system", "jwks", InsurerSystem.jwks(keys)));
  }

  protected String registerClient(Map<String, Object> registration) {
    JsonNode created =
        insurerApi()
            .post("/api/insurers/" + insurerId + "/clients", registration)
            .expect(201)
            .body();
    return created.get("clientId").asText();
  }
}
