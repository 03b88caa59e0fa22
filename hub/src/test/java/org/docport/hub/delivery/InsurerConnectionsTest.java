package org.docport.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.InsurerConnectors;
import org.docport.hub.HubTest;
import org.docport.hub.insurer.InsurerRegistration;
import org.docport.hub.insurer.Insurers;
import org.docport.insurersim.InsurerServer;
import org.docport.mappings.snapshot.InsurerContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InsurerConnectionsTest extends HubTest {

  @Autowired InsurerConnections connections;
  @Autowired InsurerConnectors connectors;
  @Autowired Insurers insurers;

  @Test
  void insurersAnotherReplicaAddsOrRemovesAreConnectedOrDisconnectedOnTheNextRefresh() {
    try (InsurerServer server = InsurerServer.start(0)) {
      // Registered through another replica: this hub saw no event.
      String id = "other-replica-" + System.nanoTime() % 100_000;
      insurers.create(
          new InsurerRegistration(
              id,
              "Registered elsewhere",
              null,
              null,
              List.of(new InsurerContext.Network("gold", "Gold")),
              new ConnectorSettings(ConnectorSettings.FHIR_REST, server.baseUrl(), null),
              false,
              null,
              null,
              null,
              null));
      assertThat(connectors.isConnected(id)).isFalse();

      connections.refresh();

      assertThat(connectors.isConnected(id)).isTrue();
      String doctor = createDoctor("Elsewhere");
      Insurer elsewhere = new Insurer(id, server);
      consent(doctor, elsewhere, "ACTIVE");
      await().until(() -> familyAt(elsewhere, doctor).isPresent());

      // Removed through another replica.
      insurers.delete(id);
      connections.refresh();

      assertThat(connectors.isConnected(id)).isFalse();
    }
  }

  @Test
  void anOperatorMovesAnInsurerToANewEndpointKeepingItsTokenAndConsents() {
    Insurer insurer = insurerWithToken("token-kept-1");
    String doctor = createDoctor("Moved");
    consent(doctor, insurer, "ACTIVE");
    await().until(() -> familyAt(insurer, doctor).isPresent());

    try (InsurerServer moved = InsurerServer.start(0)) {
      moved.requireBearerToken("token-kept-1");
      String settingsPath = "/api/operator/insurers/" + insurer.id() + "/connector";
      JsonNode changed =
          operator()
              .put(
                  settingsPath,
                  connector(moved.baseUrl(), Map.of("type", "bearer", "token", "***")),
                  null)
              .expect(200)
              .body();
      assertThat(changed.at("/connector/baseUrl").asText()).isEqualTo(moved.baseUrl());
      assertThat(changed.at("/connector/auth/token").asText()).isEqualTo("***");

      operator()
          .patch("/api/doctors/" + doctor, Map.of("name", Map.of("family", "Moved-On")), "\"1\"")
          .expect(200);
      Insurer atNewEndpoint = new Insurer(insurer.id(), moved);
      await().until(() -> familyAt(atNewEndpoint, doctor).equals(Optional.of("Moved-On")));
      assertThat(familyAt(insurer, doctor)).contains("Moved");
      assertThat(
              operator()
                  .get("/api/doctors/" + doctor + "/consents/" + insurer.id())
                  .expect(200)
                  .body()
                  .get("status")
                  .asText())
          .isEqualTo("ACTIVE");

      assertField(
          operator().put(settingsPath, connector("ftp://x", Map.of()), null), "connector.baseUrl");
      assertField(
          operator()
              .put(
                  settingsPath,
                  connector(
                      moved.baseUrl(),
                      Map.of(
                          "type",
                          "client-credentials",
                          "tokenUrl",
                          moved.tokenUrl(),
                          "clientId",
                          "docport",
                          "clientSecret",
                          "***")),
                  null),
          "connector.auth.clientSecret");
      operator()
          .put("/api/operator/insurers/no-such-insurer/connector", changed.get("connector"), null)
          .expect(404);
      // Refused changes left the working settings alone.
      assertThat(insurers.get(insurer.id()).connector().baseUrl()).isEqualTo(moved.baseUrl());
    }
  }

  private static Map<String, Object> connector(String baseUrl, Map<String, Object> auth) {
    return auth.isEmpty()
        ? Map.of("kind", "fhir-rest", "baseUrl", baseUrl)
        : Map.of("kind", "fhir-rest", "baseUrl", baseUrl, "auth", auth);
  }
}
