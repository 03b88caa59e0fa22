package org.docport.hub.smart;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.docport.testkit.HubClient;

/**
 * An insurer's system as a SMART Backend Services client sees the hub: it makes keys, signs
 * assertions, asks the token endpoint for access tokens and calls the FHIR API with them.
 */
public final class InsurerSystem {

  /** An HTTP answer: status, headers and the JSON body (null when empty or not JSON). */
  public record Answer(int status, HttpHeaders headers, JsonNode body) {

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public Answer expect(int expected) {
      if (status != expected) {
        throw new IllegalStateException(
            "expected HTTP " + expected + " but got " + status + ": " + body);
      }
      return this;
    }

    /** A problem's detail. */
    public String detail() {
      return body.get("detail").asText();
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;

  public InsurerSystem(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String tokenEndpoint() {
    return baseUrl + "/oauth2/token";
  }

  public static RSAKey rsaKey(int bits) {
    try {
      return new RSAKeyGenerator(bits, bits < 2048).keyID("rsa-" + UUID.randomUUID()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static ECKey ecKey(Curve curve) {
    try {
      return new ECKeyGenerator(curve).keyID("ec-" + UUID.randomUUID()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JWK Set a client registers: the public halves of its keys. */
  public static Map<String, Object> jwks(JWK... keys) {
    return Map.of("keys", List.of(keys).stream().map(k -> k.toPublicJWK().toJSONObject()).toList());
  }

  /** An assertion as SMART prescribes it, to vary before {@link Assertion#sign}. */
  public Assertion assertion(String clientId, JWK key) {
    JWSAlgorithm alg = key instanceof RSAKey ? JWSAlgorithm.RS384 : JWSAlgorithm.ES384;
    return new Assertion(
        key,
        alg,
        key.getKeyID(),
        clientId,
        tokenEndpoint(),
        Instant.now().plusSeconds(240),
        UUID.randomUUID().toString());
  }

  /** A client assertion's parts. */
  public record Assertion(
      JWK key, JWSAlgorithm alg, String kid, String clientId, String aud, Instant exp, String jti) {

    Assertion expiringAt(Instant when) {
      return new Assertion(key, alg, kid, clientId, aud, when, jti);
    }

    Assertion forAudience(String audience) {
      return new Assertion(key, alg, kid, clientId, audience, exp, jti);
    }

    Assertion signedWith(JWK other, String kidInHeader) {
      return new Assertion(other, alg, kidInHeader, clientId, aud, exp, jti);
    }

    Assertion algorithm(JWSAlgorithm algorithm) {
      return new Assertion(key, algorithm, kid, clientId, aud, exp, jti);
    }

    public String sign() {
      try {
        SignedJWT jwt =
            new SignedJWT(
                new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder()
                    .issuer(clientId)
                    .subject(clientId)
                    .audience(aud)
                    .expirationTime(Date.from(exp))
                    .issueTime(new Date())
                    .jwtID(jti)
                    .build());
        jwt.sign(new DefaultJWSSignerFactory().createJWSSigner(key, alg));
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A token request with a signed assertion, as SMART clients send it (no client_id). */
  Answer requestToken(String signedAssertion, String scope) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("scope", scope);
    form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    form.put("client_assertion", signedAssertion);
    return postForm(form);
  }

  Answer postForm(Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(tokenEndpoint()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The access token of a successful token request. */
  public String accessToken(String signedAssertion, String scope) {
    Answer answer = requestToken(signedAssertion, scope);
    if (answer.status() != 200) {
      throw new IllegalStateException("token request refused: " + answer.body());
    }
    return answer.body().get("access_token").asText();
  }

  /** GETs a hub path with {@code Authorization: Bearer token} (no header when token is null). */
  Answer get(String path, String token) {
    return get(path, token, Map.of());
  }

  Answer get(String path, String token, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", "application/fhir+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return send(request.GET());
  }

  /** Sends the request (30 seconds at most) as the insurer's system does: its answer. */
  public static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = null;
      if (!response.body().isBlank()) {
        try {
          body = HubClient.json().readTree(response.body());
        } catch (IOException notJson) {
          body = null;
        }
      }
      return new Answer(response.statusCode(), response.headers(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
