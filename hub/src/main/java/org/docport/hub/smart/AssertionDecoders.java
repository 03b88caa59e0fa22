package org.docport.hub.smart;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * Verifies the signed JWT a client authenticates with at the token endpoint ({@code
 * private_key_jwt}, RFC 7523 §3 as SMART Backend Services profiles it), for Spring Authorization
 * Server's {@code JwtClientAssertionAuthenticationProvider}.
 *
 * <p>Spring Authorization Server's own {@code JwtClientAssertionDecoderFactory} fetches keys from a
 * JWKS URL only, for one algorithm per client, and keeps no memory of assertions; SMART clients may
 * register their keys inline, sign with RS384 or ES384, and must never be able to replay an
 * assertion. Hence this factory: in order, the header ({@code alg}, {@code kid}, {@code jku}), the
 * key (unrevoked, from the client's JWK Set), the signature, the claims ({@code iss} = {@code sub}
 * = client id, {@code aud} = this token endpoint, {@code exp} present and at most five minutes
 * ahead), and last, once everything else holds, the {@code jti}: recorded so that it is never
 * accepted again. Each refusal says why, for the client's developer.
 */
@Component
class AssertionDecoders implements JwtDecoderFactory<RegisteredClient> {

  static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384);

  /** SMART: an assertion's exp is "no more than five minutes in the future". */
  static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

  /** Tolerated difference between the client's clock and the hub's. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private static final int MAX_JTI_LENGTH = 255;
  private static final Converter<Map<String, Object>, Map<String, Object>> CLAIM_TYPES =
      MappedJwtClaimSetConverter.withDefaults(Map.of());

  private final ClientKeys keys;
  private final SeenAssertions seen;
  private final PublicUrls urls;

  AssertionDecoders(ClientKeys keys, SeenAssertions seen, PublicUrls urls) {
    this.keys = keys;
    this.seen = seen;
    this.urls = urls;
  }

  @Override
  public JwtDecoder createDecoder(RegisteredClient registeredClient) {
    SmartClient client = RegisteredClients.smartClient(registeredClient);
    return assertion -> verify(client, assertion);
  }

  private Jwt verify(SmartClient client, String assertion) {
    SignedJWT jwt = parse(assertion);
    JWSHeader header = jwt.getHeader();
    checkHeader(client, header);
    checkSignature(client, jwt, header);
    JWTClaimsSet claims = claims(jwt);
    Instant expiry = checkClaims(client, claims);
    String jti = claims.getJWTID();
    if (!seen.firstUse(client.clientId(), jti, expiry.plus(CLOCK_SKEW))) {
      throw new AssertionRefused(
          "jti '" + jti + "' was used before: sign a new assertion, with a new jti, per request");
    }
    return Jwt.withTokenValue(assertion)
        .headers(h -> h.putAll(header.toJSONObject()))
        .claims(c -> c.putAll(CLAIM_TYPES.convert(claims.toJSONObject())))
        .build();
  }

  private static SignedJWT parse(String assertion) {
    try {
      return SignedJWT.parse(assertion);
    } catch (ParseException e) {
      throw new AssertionRefused("client_assertion is not a signed JWT: " + e.getMessage());
    }
  }

  private static void checkHeader(SmartClient client, JWSHeader header) {
    if (!ALGORITHMS.contains(header.getAlgorithm())) {
      throw new AssertionRefused("alg must be RS384 or ES384, not " + header.getAlgorithm());
    }
    if (header.getKeyID() == null || header.getKeyID().isBlank()) {
      throw new AssertionRefused("kid is required in the header: the key's id in your JWK Set");
    }
    if (header.getType() != null && !header.getType().toString().equalsIgnoreCase("JWT")) {
      throw new AssertionRefused("typ must be JWT (or absent), not " + header.getType());
    }
    URI jku = header.getJWKURL();
    if (jku != null && !jku.equals(client.jwksUrl())) {
      throw new AssertionRefused("jku names a JWKS URL this client did not register: " + jku);
    }
    if (client.isKeyRevoked(header.getKeyID())) {
      throw new AssertionRefused("the key '" + header.getKeyID() + "' was revoked");
    }
  }

  private void checkSignature(SmartClient client, SignedJWT jwt, JWSHeader header) {
    KeyType type =
        JWSAlgorithm.Family.RSA.contains(header.getAlgorithm()) ? KeyType.RSA : KeyType.EC;
    List<JWK> candidates =
        keys.find(client, header.getKeyID()).stream()
            .filter(k -> type.equals(k.getKeyType()))
            .toList();
    if (candidates.isEmpty()) {
      throw new AssertionRefused(
          "the client's JWK Set has no usable "
              + type
              + " key with kid '"
              + header.getKeyID()
              + "' (RSA of at least 2048 bits for RS384, EC P-384 for ES384)");
    }
    for (JWK key : candidates) {
      if (verifies(jwt, header, key)) {
        return;
      }
    }
    throw new AssertionRefused(
        "the signature does not verify with the key '" + header.getKeyID() + "'");
  }

  private static boolean verifies(SignedJWT jwt, JWSHeader header, JWK key) {
    try {
      return jwt.verify(
          new DefaultJWSVerifierFactory()
              .createJWSVerifier(header, ((AsymmetricJWK) key).toPublicKey()));
    } catch (JOSEException e) {
      return false;
    }
  }

  private static JWTClaimsSet claims(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AssertionRefused("the assertion's claims are not a JSON object: " + e.getMessage());
    }
  }

  /** Checks the claims; answers when the assertion expires. */
  private Instant checkClaims(SmartClient client, JWTClaimsSet claims) {
    String id = client.clientId();
    if (!id.equals(claims.getIssuer()) || !id.equals(claims.getSubject())) {
      throw new AssertionRefused("iss and sub must both be the client id, " + id);
    }
    String tokenEndpoint = urls.tokenEndpoint();
    if (claims.getAudience() == null || !claims.getAudience().contains(tokenEndpoint)) {
      throw new AssertionRefused(
          "aud must be the token endpoint, " + tokenEndpoint + ", not " + claims.getAudience());
    }
    Instant now = Instant.now();
    Instant expiry = instant(claims.getExpirationTime());
    if (expiry == null) {
      throw new AssertionRefused("exp is required");
    }
    if (expiry.isBefore(now.minus(CLOCK_SKEW))) {
      throw new AssertionRefused("the assertion expired at " + expiry);
    }
    if (expiry.isAfter(now.plus(MAX_LIFETIME).plus(CLOCK_SKEW))) {
      throw new AssertionRefused(
          "exp is more than 5 minutes ahead (" + expiry + "): assertions must be short-lived");
    }
    Instant notBefore = instant(claims.getNotBeforeTime());
    if (notBefore != null && notBefore.isAfter(now.plus(CLOCK_SKEW))) {
      throw new AssertionRefused("the assertion is not valid before " + notBefore);
    }
    String jti = claims.getJWTID();
    if (jti == null || jti.isBlank() || jti.length() > MAX_JTI_LENGTH) {
      throw new AssertionRefused(
          "jti is required: a unique id per assertion, up to 255 characters");
    }
    return expiry;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
