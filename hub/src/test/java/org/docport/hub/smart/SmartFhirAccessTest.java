package org.docport.hub.smart;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Instant;
import java.util.Map;
import org.docport.hub.smart.InsurerSystem.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The FHIR API as a resource server: no valid access token, no data, answered as a FHIR server
 * answers (an OperationOutcome) with the RFC 6750 challenge; a revoked client's tokens stop at
 * once.
 */
class SmartFhirAccessTest extends SmartHubTest {

  private static final String SCOPE = "system/*.read";

  @Autowired private HubSigningKeys hubKeys;

  @Test
  void withoutATokenTheFhirApiAnswers401WithAChallengeAndAnOperationOutcome() {
    Answer answer = system.get("/fhir/Practitioner", null);

    assertUnauthorized(answer);
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(answer.body().get("issue").get(0).get("diagnostics").asText())
        .contains("smart-configuration");
  }

  @Test
  void aGarbageTokenIsRefusedAsInvalid() {
    assertInvalidToken(system.get("/fhir/Practitioner", "not-a-token"));
  }

  @Test
  void aTokenSignedByAnyoneButTheHubIsRefused() {
    RSAKey forger = InsurerSystem.rsaKey(2048);
    String forged =
        mint(
            new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(forger))),
            forger.getKeyID(),
            "anyone",
            Instant.now().plusSeconds(300));

    assertInvalidToken(system.get("/fhir/Practitioner", forged));
  }

  @Test
  void anExpiredAccessTokenIsRefused() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key);
    String expired =
        mint(
            new NimbusJwtEncoder(new ImmutableJWKSet<>(hubKeys.keys())),
            hubKeys.activeKid(),
            clientId,
            Instant.now().minusSeconds(120));

    Answer answer = system.get("/fhir/Practitioner", expired);

    assertInvalidToken(answer);
    assertThat(answer.header("WWW-Authenticate")).contains("expired");
  }

  @Test
  void aValidTokenReachesTheFhirServer() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String token = system.accessToken(system.assertion(registerClient(key), key).sign(), SCOPE);

    // No FHIR server yet: past authentication, /fhir/Practitioner is simply not found.
    assertThat(system.get("/fhir/Practitioner", token).status()).isNotIn(401, 403);
    assertThat(system.get(SmartCallerProbe.PATH, token).status()).isEqualTo(200);
  }

  @Test
  void theTokenOfARevokedClientStopsWorkingAtOnce() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key);
    String token = system.accessToken(system.assertion(clientId, key).sign(), SCOPE);
    assertThat(system.get(SmartCallerProbe.PATH, token).status()).isEqualTo(200);

    operator().delete("/api/operator/clients/" + clientId).expect(204);

    Answer answer = system.get(SmartCallerProbe.PATH, token);
    assertInvalidToken(answer);
    assertThat(answer.header("WWW-Authenticate")).contains("revoked");
  }

  @Test
  void aTokenObtainedWithARevokedKeyStopsWorkingAtOnce() {
    RSAKey leaked = InsurerSystem.rsaKey(2048);
    RSAKey kept = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(leaked, kept);
    String leakedToken = system.accessToken(system.assertion(clientId, leaked).sign(), SCOPE);
    String keptToken = system.accessToken(system.assertion(clientId, kept).sign(), SCOPE);

    operator()
        .delete("/api/operator/clients/" + clientId + "/keys/" + leaked.getKeyID())
        .expect(204);

    assertInvalidToken(system.get(SmartCallerProbe.PATH, leakedToken));
    assertThat(system.get(SmartCallerProbe.PATH, keptToken).status()).isEqualTo(200);
  }

  @Test
  void theCapabilityStatementAndSmartConfigurationArePublicEvenWithAStaleToken() {
    assertThat(system.get("/fhir/metadata", null).status()).isNotIn(401, 403);
    assertThat(system.get("/fhir/.well-known/smart-configuration", "stale").status())
        .isEqualTo(200);
  }

  @Test
  void theSmartConfigurationNamesTheTokenEndpointAtThePublicAddress() {
    Answer answer =
        system.get(
            "/fhir/.well-known/smart-configuration",
            null,
            Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "docport.example"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("token_endpoint").asText())
        .isEqualTo("https://docport.example/oauth2/token");
    assertThat(answer.body().get("token_endpoint_auth_methods_supported").toString())
        .isEqualTo("[\"private_key_jwt\"]");
    assertThat(answer.body().get("token_endpoint_auth_signing_alg_values_supported").toString())
        .isEqualTo("[\"RS384\",\"ES384\"]");
    assertThat(answer.body().get("grant_types_supported").toString())
        .isEqualTo("[\"client_credentials\"]");
    assertThat(answer.body().get("scopes_supported").toString())
        .contains("system/*.read", "system/*.rs", "system/Practitioner.read");
    assertThat(answer.body().get("capabilities").toString())
        .contains("client-confidential-asymmetric", "permission-v1", "permission-v2");
  }

  @Test
  void theHubPublishesOnlyThePublicHalfOfItsSigningKey() {
    Answer answer = system.get("/oauth2/jwks", null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("keys").get(0).get("kid").asText()).isEqualTo(hubKeys.activeKid());
    assertThat(answer.body().get("keys").get(0).has("d")).isFalse();
  }

  @Test
  void anAccessTokenDoesNotOpenTheRestApi() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String token = system.accessToken(system.assertion(registerClient(key), key).sign(), SCOPE);

    assertThat(system.get("/api/insurers/" + insurerId, token).status()).isEqualTo(401);
  }

  /** An access token as the hub shapes them, signed with the given key. */
  private static String mint(
      NimbusJwtEncoder encoder, String kid, String clientId, Instant expiresAt) {
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .subject(clientId)
            .issuedAt(expiresAt.minusSeconds(300))
            .expiresAt(expiresAt)
            .claim(AccessTokenClaims.CLIENT_ID, clientId)
            .claim(AccessTokenClaims.INSURER, "someone")
            .claim(AccessTokenClaims.SCOPE, SCOPE)
            .build();
    JwsHeader header =
        JwsHeader.with(SignatureAlgorithm.RS256).type(AccessTokenClaims.TYPE).keyId(kid).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }

  private static void assertInvalidToken(Answer answer) {
    assertUnauthorized(answer);
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
  }

  private static void assertUnauthorized(Answer answer) {
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("Content-Type")).startsWith("application/fhir+json");
    assertThat(answer.body().get("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(answer.body().get("issue").get(0).get("severity").asText()).isEqualTo("error");
    assertThat(answer.body().get("issue").get(0).get("code").asText()).isEqualTo("login");
  }
}
