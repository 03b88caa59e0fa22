package org.docport.hub.smart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.docport.testkit.HubClient;
import org.junit.jupiter.api.Test;

/** Insurers register, list and revoke their SMART clients; operators oversee all of them. */
class SmartClientRegistrationTest extends SmartHubTest {

  @Test
  void anInsurerRegistersAClientWithItsPublicKeysAndListsIt() {
    RSAKey rsa = InsurerSystem.rsaKey(2048);
    ECKey ec = InsurerSystem.ecKey(Curve.P_384);

    HubClient.Response created =
        insurerApi()
            .post(
                "/api/insurers/" + insurerId + "/clients",
                Map.of("name", "claims system", "jwks", InsurerSystem.jwks(rsa, ec)))
            .expect(201);

    JsonNode client = created.body();
    assertThat(client.get("clientId").asText()).isNotBlank();
    assertThat(client.get("insurerId").asText()).isEqualTo(insurerId);
    assertThat(client.get("scopes").toString()).isEqualTo("[\"system/*.read\"]");
    assertThat(client.get("jwks").get("keys").findValuesAsText("kid"))
        .containsExactly(rsa.getKeyID(), ec.getKeyID());
    assertThat(client.get("createdBy").asText()).isEqualTo(insurerAccount());
    JsonNode listed =
        insurerApi().get("/api/insurers/" + insurerId + "/clients").expect(200).body();
    assertThat(listed.findValuesAsText("clientId"))
        .containsExactly(client.get("clientId").asText());
  }

  @Test
  void aJwksHoldingAPrivateKeyIsRefusedAndNotStored() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    Map<String, Object> withPrivate = Map.of("keys", List.of(key.toJSONObject()));

    HubClient.Response refused =
        insurerApi()
            .post(
                "/api/insurers/" + insurerId + "/clients",
                Map.of("name", "leaky", "jwks", withPrivate));

    assertField(refused, "jwks.keys[0]");
    assertThat(refused.body().toString()).contains("private key material");
    assertThat(insurerApi().get("/api/insurers/" + insurerId + "/clients").body()).isEmpty();
  }

  @Test
  void keysSmartClientsDoNotSignWithAreRefused() {
    Map<String, Object> weakRsa = InsurerSystem.rsaKey(1024).toPublicJWK().toJSONObject();
    Map<String, Object> p256 = InsurerSystem.ecKey(Curve.P_256).toPublicJWK().toJSONObject();
    Map<String, Object> noKid =
        new HashMap<>(InsurerSystem.rsaKey(2048).toPublicJWK().toJSONObject());
    noKid.remove("kid");
    Map<String, Object> rs256 =
        new HashMap<>(InsurerSystem.rsaKey(2048).toPublicJWK().toJSONObject());
    rs256.put("alg", "RS256");

    HubClient.Response refused =
        insurerApi()
            .post(
                "/api/insurers/" + insurerId + "/clients",
                Map.of(
                    "name", "weak", "jwks", Map.of("keys", List.of(weakRsa, p256, noKid, rs256))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().findValuesAsText("field"))
        .containsExactly("jwks.keys[0]", "jwks.keys[1]", "jwks.keys[2]", "jwks.keys[3]");
    assertThat(refused.body().findValuesAsText("message"))
        .anyMatch(m -> m.contains("2048"))
        .anyMatch(m -> m.contains("P-384"))
        .anyMatch(m -> m.contains("kid"))
        .anyMatch(m -> m.contains("RS384"));
  }

  @Test
  void aClientNeedsEitherItsKeysOrTheirUrlAndOnlyReadScopes() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clients = "/api/insurers/" + insurerId + "/clients";

    assertField(insurerApi().post(clients, Map.of("name", "none")), "jwks");
    assertField(
        insurerApi()
            .post(
                clients,
                Map.of(
                    "name", "both",
                    "jwks", InsurerSystem.jwks(key),
                    "jwksUrl", "https://keys.example/jwks.json")),
        "jwks");
    assertField(
        insurerApi().post(clients, Map.of("name", "ftp", "jwksUrl", "ftp://keys.example/jwks")),
        "jwksUrl");
    assertField(
        insurerApi()
            .post(
                clients,
                Map.of(
                    "name",
                    "writer",
                    "jwks",
                    InsurerSystem.jwks(key),
                    "scopes",
                    List.of("system/*.read", "system/Practitioner.write", "patient/*.read"))),
        "scopes[1]");
  }

  @Test
  void anInsurerManagesOnlyItsOwnClients() {
    String clientId = registerClient(InsurerSystem.rsaKey(2048));
    HubClient stranger = as("insurer-" + insurerId, "wrong-password");

    assertThat(stranger.get("/api/insurers/" + insurerId + "/clients").status()).isEqualTo(401);
    assertThat(
            HubClient.anonymous("http://localhost:" + port)
                .get("/api/insurers/" + insurerId + "/clients")
                .status())
        .isEqualTo(401);
    assertThat(insurerApi().get("/api/insurers/another-insurer/clients").status()).isEqualTo(403);
    assertThat(insurerApi().get("/api/operator/clients").status()).isEqualTo(403);
    assertThat(insurerApi().delete("/api/operator/clients/" + clientId).status()).isEqualTo(403);
  }

  @Test
  void operatorsListAndRevokeEveryInsurersClients() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key);

    JsonNode all =
        operator().get("/api/operator/clients?insurerId=" + insurerId).expect(200).body();
    assertThat(all.findValuesAsText("clientId")).containsExactly(clientId);

    operator().delete("/api/operator/clients/" + clientId + "/keys/" + key.getKeyID()).expect(204);
    operator().delete("/api/operator/clients/" + clientId).expect(204);
    operator().delete("/api/operator/clients/" + clientId).expect(204);

    JsonNode revoked =
        insurerApi().get("/api/insurers/" + insurerId + "/clients/" + clientId).expect(200).body();
    assertThat(revoked.get("revokedBy").asText()).isEqualTo("operator");
    assertThat(revoked.get("revokedAt").asText()).isNotBlank();
    assertThat(revoked.get("revokedKeys").findValuesAsText("kid")).containsExactly(key.getKeyID());
    assertThat(
            operator().delete("/api/operator/clients/" + clientId + "/keys/no-such-kid").status())
        .isEqualTo(404);
    assertThat(operator().delete("/api/operator/clients/no-such-client").status()).isEqualTo(404);
  }

  @Test
  void aClientCannotBeRegisteredForAnInsurerThatDoesNotExist() {
    HubClient.Response refused =
        operator()
            .post(
                "/api/insurers/no-such-insurer/clients",
                Map.of("name", "orphan", "jwks", InsurerSystem.jwks(InsurerSystem.rsaKey(2048))));

    assertThat(refused.status()).isEqualTo(404);
  }
}
