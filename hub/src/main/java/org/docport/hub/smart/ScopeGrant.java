package org.docport.hub.smart;

import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;

/**
 * Decides which scopes a {@code client_credentials} request is granted, then lets Spring
 * Authorization Server issue the token: the requested scopes that the client's allowed scopes cover
 * (so a client allowed {@code system/*.read} may ask for {@code system/Practitioner.rs}), or {@code
 * invalid_scope} when that leaves nothing. Spring Authorization Server alone compares scopes as
 * plain strings and refuses the whole request for one scope too many.
 */
final class ScopeGrant implements AuthenticationProvider {

  private static final String SCOPE_ERRORS =
      "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

  private final OAuth2ClientCredentialsAuthenticationProvider issuer;

  ScopeGrant(OAuth2ClientCredentialsAuthenticationProvider issuer) {
    this.issuer = issuer;
    issuer.setAuthenticationValidator(ScopeGrant::grantedOnlyWhatIsAllowed);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    var request = (OAuth2ClientCredentialsAuthenticationToken) authentication;
    if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client)
        || !client.isAuthenticated()
        || client.getRegisteredClient() == null) {
      throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
    }
    if (request.getAdditionalParameters().containsKey("dpop_proof")) {
      throw error(
          OAuth2ErrorCodes.INVALID_REQUEST,
          "DPoP-bound tokens are not offered: send the request without a DPoP header");
    }
    Set<String> allowed = client.getRegisteredClient().getScopes();
    if (request.getScopes().isEmpty()) {
      throw error(
          OAuth2ErrorCodes.INVALID_SCOPE,
          "scope is required; this client may ask for " + String.join(" ", allowed));
    }
    Set<String> granted = SmartScope.grant(request.getScopes(), allowed);
    if (granted.isEmpty()) {
      throw error(
          OAuth2ErrorCodes.INVALID_SCOPE,
          "none of the requested scopes is allowed; this client may ask for "
              + String.join(" ", allowed));
    }
    return issuer.authenticate(
        new OAuth2ClientCredentialsAuthenticationToken(
            client, granted, request.getAdditionalParameters()));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return OAuth2ClientCredentialsAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** A second look, where Spring Authorization Server checks scopes: only covered ones pass. */
  private static void grantedOnlyWhatIsAllowed(
      OAuth2ClientCredentialsAuthenticationContext context) {
    OAuth2ClientCredentialsAuthenticationToken request = context.getAuthentication();
    Set<String> scopes = request.getScopes();
    Set<String> allowed = context.getRegisteredClient().getScopes();
    if (scopes.isEmpty() || !SmartScope.grant(scopes, allowed).equals(scopes)) {
      throw error(OAuth2ErrorCodes.INVALID_SCOPE, "a scope was not allowed");
    }
  }

  private static OAuth2AuthenticationException error(String code, String description) {
    return new OAuth2AuthenticationException(new OAuth2Error(code, description, SCOPE_ERRORS));
  }
}
