package org.docport.hub.smart;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies the access tokens presented to the FHIR API: signed by the hub's key, of type {@value
 * AccessTokenClaims#TYPE}, not expired, carrying the client and insurer they were issued for, and
 * issued to a client (and through a key) that has not been revoked since. The signature is checked
 * once per token ({@link VerifiedTokens}); expiry and revocation on every request.
 */
final class AccessTokens {

  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private AccessTokens() {}

  static JwtDecoder decoder(HubSigningKeys signingKeys, SmartClients clients) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(AccessTokenClaims.TYPE)));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            HubSigningKeys.ALGORITHM, new ImmutableJWKSet<>(publicHalves(signingKeys.keys()))));
    // The claims are checked by the validators below, as Spring Security's own decoders do.
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    NimbusJwtDecoder signatures = new NimbusJwtDecoder(processor);
    signatures.setJwtValidator(AccessTokens::issuedToAClient);
    return new VerifiedTokens(
        signatures,
        firstFailure(
            List.of(new JwtTimestampValidator(CLOCK_SKEW), token -> standing(clients, token))));
  }

  /** The caller a valid token stands for. */
  static Converter<Jwt, AbstractAuthenticationToken> authentication() {
    return token ->
        new SmartAuthentication(
            new SmartCaller(
                token.getClaimAsString(AccessTokenClaims.INSURER),
                token.getClaimAsString(AccessTokenClaims.CLIENT_ID),
                new LinkedHashSet<>(
                    Arrays.asList(token.getClaimAsString(AccessTokenClaims.SCOPE).split(" ")))),
            token);
  }

  private static OAuth2TokenValidatorResult issuedToAClient(Jwt token) {
    boolean complete =
        token.getExpiresAt() != null
            && token.hasClaim(AccessTokenClaims.CLIENT_ID)
            && token.hasClaim(AccessTokenClaims.INSURER)
            && token.hasClaim(AccessTokenClaims.SCOPE);
    return complete ? OAuth2TokenValidatorResult.success() : invalid("not a DocPort access token");
  }

  private static OAuth2TokenValidatorResult standing(SmartClients clients, Jwt token) {
    return switch (clients.standing(
        token.getClaimAsString(AccessTokenClaims.CLIENT_ID),
        token.getClaimAsString(AccessTokenClaims.CLIENT_KEY))) {
      case ACTIVE -> OAuth2TokenValidatorResult.success();
      case CLIENT_REVOKED -> invalid("the client this token was issued to was revoked");
      case KEY_REVOKED -> invalid("the key this token was obtained with was revoked");
      case UNKNOWN -> invalid("the client this token was issued to no longer exists");
    };
  }

  /** Runs validators in order, stopping at the first failure (no revocation lookup for junk). */
  private static OAuth2TokenValidator<Jwt> firstFailure(List<OAuth2TokenValidator<Jwt>> all) {
    return token -> {
      for (OAuth2TokenValidator<Jwt> validator : all) {
        OAuth2TokenValidatorResult result = validator.validate(token);
        if (result.hasErrors()) {
          return result;
        }
      }
      return OAuth2TokenValidatorResult.success();
    };
  }

  private static OAuth2TokenValidatorResult invalid(String description) {
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
  }

  private static JWKSet publicHalves(JWKSet keys) {
    return keys.toPublicJWKSet();
  }
}
