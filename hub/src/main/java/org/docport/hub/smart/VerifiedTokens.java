package org.docport.hub.smart;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * An access token's signature is checked once, its standing on every request. A client presents the
 * same token for every call until it expires, and checking an RS384 or ES384 signature took a
 * seventh of a FHIR read's CPU (docs/benchmarks.md); what can change while a token lives (its
 * expiry, the client's or key's revocation) is validated each time by {@code everyRequest}.
 */
final class VerifiedTokens implements JwtDecoder {

  private static final int MAX_CACHED = 10_000;

  private final JwtDecoder signatures;
  private final OAuth2TokenValidator<Jwt> everyRequest;
  private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

  /**
   * @param signatures decodes a token and checks what cannot change: signature, type, claims
   * @param everyRequest what can change while the token lives
   */
  VerifiedTokens(JwtDecoder signatures, OAuth2TokenValidator<Jwt> everyRequest) {
    this.signatures = signatures;
    this.everyRequest = everyRequest;
  }

  @Override
  public Jwt decode(String token) {
    Jwt jwt = verified.get(token);
    if (jwt == null) {
      jwt = signatures.decode(token);
      remember(token, jwt);
    }
    OAuth2TokenValidatorResult result = everyRequest.validate(jwt);
    if (result.hasErrors()) {
      verified.remove(token);
      OAuth2Error first = result.getErrors().iterator().next();
      throw new JwtValidationException(
          "An error occurred while attempting to decode the Jwt: " + first.getDescription(),
          result.getErrors());
    }
    return jwt;
  }

  /** Bounded: expired tokens go first, and everything if many clients hold live ones. */
  private void remember(String token, Jwt jwt) {
    if (verified.size() >= MAX_CACHED) {
      Instant now = Instant.now();
      verified.values().removeIf(cached -> cached.getExpiresAt().isBefore(now));
      if (verified.size() >= MAX_CACHED) {
        verified.clear();
      }
    }
    verified.put(token, jwt);
  }
}
