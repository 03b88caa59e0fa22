package org.docport.hub.smart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.docport.hub.smart.InsurerSystem.Answer;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint as SMART Backend Services clients meet it: a signed assertion in, a
 * five-minute access token out, and every kind of bad assertion refused with the standard error.
 */
class SmartTokenEndpointTest extends SmartHubTest {

  private static final String PRACTITIONERS = "system/Practitioner.read";

  @Test
  void anRs384ClientWithInlineKeysGetsAFiveMinuteTokenThatNamesItsInsurer() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key);

    Answer answer = system.requestToken(system.assertion(clientId, key).sign(), PRACTITIONERS);

    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
    assertThat(answer.body().get("token_type").asText()).isEqualToIgnoringCase("Bearer");
    assertThat(answer.body().get("expires_in").asLong()).isBetween(295L, 300L);
    assertThat(answer.body().get("scope").asText()).isEqualTo(PRACTITIONERS);
    assertThat(answer.header("Cache-Control")).contains("no-store");
    JsonNode caller =
        system.get(SmartCallerProbe.PATH, answer.body().get("access_token").asText()).body();
    assertThat(caller.get("insurerId").asText()).isEqualTo(insurerId);
    assertThat(caller.get("clientId").asText()).isEqualTo(clientId);
    assertThat(caller.get("scopes").toString()).isEqualTo("[\"" + PRACTITIONERS + "\"]");
    assertThat(caller.get("mayReadPractitioner").asBoolean()).isTrue();
    assertThat(caller.get("maySearchPractitioner").asBoolean()).isTrue();
    assertThat(caller.get("mayReadLocation").asBoolean()).isFalse();
  }

  @Test
  void anEs384ClientWhoseKeysAreAtAUrlGetsAToken() {
    ECKey key = InsurerSystem.ecKey(Curve.P_384);
    try (JwksServer jwks = JwksServer.start(key)) {
      String clientId = registerClient(Map.of("name", "eligibility", "jwksUrl", jwks.url()));

      Answer answer =
          system.requestToken(system.assertion(clientId, key).sign(), "system/Practitioner.rs");

      assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
      assertThat(answer.body().get("scope").asText()).isEqualTo("system/Practitioner.rs");
      JsonNode caller =
          system.get(SmartCallerProbe.PATH, answer.body().get("access_token").asText()).body();
      assertThat(caller.get("clientId").asText()).isEqualTo(clientId);
    }
  }

  @Test
  void aKeyRotatedAtTheJwksUrlIsFetchedAsSoonAsAnAssertionNamesIt() {
    RSAKey old = InsurerSystem.rsaKey(2048);
    RSAKey rotated = InsurerSystem.rsaKey(3072);
    try (JwksServer jwks = JwksServer.start(old)) {
      String clientId = registerClient(Map.of("name", "claims", "jwksUrl", jwks.url()));
      system.accessToken(system.assertion(clientId, old).sign(), PRACTITIONERS);
      int fetched = jwks.fetches();

      jwks.serve(rotated);
      Answer answer =
          system.requestToken(system.assertion(clientId, rotated).sign(), PRACTITIONERS);

      assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
      assertThat(jwks.fetches()).isEqualTo(fetched + 1);
      // the cached set serves known keys without fetching again
      system.accessToken(system.assertion(clientId, rotated).sign(), PRACTITIONERS);
      assertThat(jwks.fetches()).isEqualTo(fetched + 1);
    }
  }

  @Test
  void theClientMayNameItselfWithClientIdToo() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key);

    Answer answer =
        system.postForm(
            Map.of(
                "grant_type",
                "client_credentials",
                "scope",
                PRACTITIONERS,
                "client_id",
                clientId,
                "client_assertion_type",
                AssertionConverter.JWT_BEARER,
                "client_assertion",
                system.assertion(clientId, key).sign()));

    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
  }

  @Test
  void anExpiredAssertionIsRefused() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key);
    String assertion =
        system.assertion(clientId, key).expiringAt(Instant.now().minusSeconds(120)).sign();

    assertRefused(system.requestToken(assertion, PRACTITIONERS), 401, "invalid_client", "expired");
  }

  @Test
  void anAssertionExpiringMoreThanFiveMinutesAheadIsRefused() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key);
    String assertion =
        system.assertion(clientId, key).expiringAt(Instant.now().plusSeconds(15 * 60)).sign();

    assertRefused(
        system.requestToken(assertion, PRACTITIONERS), 401, "invalid_client", "5 minutes");
  }

  @Test
  void anAssertionForAnotherAudienceIsRefused() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key);
    String assertion =
        system.assertion(clientId, key).forAudience("https://other.example/oauth2/token").sign();

    assertRefused(system.requestToken(assertion, PRACTITIONERS), 401, "invalid_client", "aud");
  }

  @Test
  void anAssertionWhoseSignatureDoesNotVerifyIsRefused() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    RSAKey impostor = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key);
    String assertion = system.assertion(clientId, key).signedWith(impostor, key.getKeyID()).sign();

    assertRefused(
        system.requestToken(assertion, PRACTITIONERS), 401, "invalid_client", "signature");
  }

  @Test
  void anAssertionSignedWithAnUnknownKeyIsRefused() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    RSAKey unknown = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key);
    String assertion = system.assertion(clientId, unknown).sign();

    assertRefused(
        system.requestToken(assertion, PRACTITIONERS),
        401,
        "invalid_client",
        "kid '" + unknown.getKeyID() + "'");
  }

  @Test
  void anAssertionSignedWithAnAlgorithmSmartDoesNotUseIsRefused() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key);
    String assertion = system.assertion(clientId, key).algorithm(JWSAlgorithm.RS256).sign();

    assertRefused(system.requestToken(assertion, PRACTITIONERS), 401, "invalid_client", "RS384");
  }

  @Test
  void anAssertionSignedWithARevokedKeyIsRefusedWhileTheOtherKeysWork() {
    RSAKey revoked = InsurerSystem.rsaKey(2048);
    ECKey kept = InsurerSystem.ecKey(Curve.P_384);
    String clientId = registerClient(revoked, kept);

    insurerApi()
        .delete(
            "/api/insurers/" + insurerId + "/clients/" + clientId + "/keys/" + revoked.getKeyID())
        .expect(204);

    assertRefused(
        system.requestToken(system.assertion(clientId, revoked).sign(), PRACTITIONERS),
        401,
        "invalid_client",
        "revoked");
    assertThat(system.requestToken(system.assertion(clientId, kept).sign(), PRACTITIONERS).status())
        .isEqualTo(200);
  }

  @Test
  void aRevokedClientGetsNoToken() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key);

    insurerApi().delete("/api/insurers/" + insurerId + "/clients/" + clientId).expect(204);

    assertRefused(
        system.requestToken(system.assertion(clientId, key).sign(), PRACTITIONERS),
        401,
        "invalid_client",
        "unknown client");
  }

  @Test
  void aReplayedAssertionIsRefused() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key);
    String assertion = system.assertion(clientId, key).sign();
    assertThat(system.requestToken(assertion, PRACTITIONERS).status()).isEqualTo(200);

    assertRefused(
        system.requestToken(assertion, PRACTITIONERS), 401, "invalid_client", "used before");
  }

  @Test
  void aGrantTypeOtherThanClientCredentialsIsRefused() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key);

    Answer answer =
        system.postForm(
            Map.of(
                "grant_type", "password",
                "username", "someone",
                "password", "secret",
                "client_assertion_type", AssertionConverter.JWT_BEARER,
                "client_assertion", system.assertion(clientId, key).sign()));

    assertRefused(answer, 400, "unsupported_grant_type", null);
  }

  @Test
  void aScopeTheClientIsNotAllowedIsRefused() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId =
        registerClient(
            Map.of(
                "name",
                "directory",
                "jwks",
                InsurerSystem.jwks(key),
                "scopes",
                List.of("system/Practitioner.read")));

    assertRefused(
        system.requestToken(system.assertion(clientId, key).sign(), "system/Location.read"),
        400,
        "invalid_scope",
        "system/Practitioner.read");
  }

  @Test
  void theGrantedScopeIsWhatWasRequestedAndIsAllowed() {
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId = registerClient(key); // allowed system/*.read

    Answer answer =
        system.requestToken(
            system.assertion(clientId, key).sign(),
            "system/Practitioner.rs system/Location.r system/Organization.write patient/*.read");

    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
    assertThat(answer.body().get("scope").asText().split(" "))
        .containsExactlyInAnyOrder("system/Practitioner.rs", "system/Location.r");
  }

  @Test
  void aTokenRequestWithoutClientAuthenticationIsRefused() {
    Answer answer =
        system.postForm(
            Map.of(
                "grant_type",
                "client_credentials",
                "scope",
                PRACTITIONERS,
                "client_id",
                "someone",
                "client_secret",
                "guess"));

    assertRefused(answer, 401, "invalid_client", null);
  }

  private static void assertRefused(Answer answer, int status, String error, String because) {
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.body().get("error").asText()).isEqualTo(error);
    assertThat(answer.body().has("access_token")).isFalse();
    if (because != null) {
      assertThat(answer.body().get("error_description").asText()).contains(because);
    }
  }
}
