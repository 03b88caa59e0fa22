package org.docport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.testkit.HubClient;

/**
 * An insurer's system as a SMART Backend Services client: one registered client with an RSA key,
 * trading RS384-signed assertions for access tokens at the hub's token endpoint (the recipe of the
 * README's "Connect as an insurer over FHIR"). Thread-safe.
 */
final class SmartTokens {

  /** Tokens last five minutes; a client renews its token when it is this old. */
  static final Duration RENEW_AFTER = Duration.ofMinutes(4);

  private final String clientId;
  private final RSAKey key;
  private final String tokenEndpoint;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private SmartTokens(String clientId, RSAKey key, String tokenEndpoint) {
    this.clientId = clientId;
    this.key = key;
    this.tokenEndpoint = tokenEndpoint;
  }

  /** Registers a client for the insurer (as the operator) and finds the token endpoint. */
  static SmartTokens register(HubClient operator, String insurerId) {
    return register(operator, insurerId, List.of("system/*.read"));
  }

  /** Registers a client allowed {@code scopes}. */
  static SmartTokens register(HubClient operator, String insurerId, List<String> scopes) {
    RSAKey key;
    try {
      key = new RSAKeyGenerator(2048).keyID("bench-" + UUID.randomUUID()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Object> jwks = Map.of("keys", List.of(key.toPublicJWK().toJSONObject()));
    String clientId =
        operator
            .post(
                "/api/insurers/" + insurerId + "/clients",
                Map.of("name", "fhir benchmark", "jwks", jwks, "scopes", scopes))
            .expect(201)
            .body()
            .get("clientId")
            .asText();
    String tokenEndpoint =
        operator
            .get("/fhir/.well-known/smart-configuration")
            .expect(200)
            .body()
            .get("token_endpoint")
            .asText();
    return new SmartTokens(clientId, key, tokenEndpoint);
  }

  /** A new access token for {@code scope}, from a freshly signed assertion. */
  String accessToken(String scope) {
    String form =
        "grant_type=client_credentials&scope="
            + encode(scope)
            + "&client_assertion_type="
            + encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
            + "&client_assertion="
            + encode(assertion());
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(tokenEndpoint))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "token request refused: " + response.statusCode() + " " + response.body());
      }
      JsonNode body = HubClient.json().readTree(response.body());
      return body.get("access_token").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String assertion() {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS384)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              new JWTClaimsSet.Builder()
                  .issuer(clientId)
                  .subject(clientId)
                  .audience(tokenEndpoint)
                  .expirationTime(Date.from(Instant.now().plusSeconds(240)))
                  .issueTime(new Date())
                  .jwtID(UUID.randomUUID().toString())
                  .build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
