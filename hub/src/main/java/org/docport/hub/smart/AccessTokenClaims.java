package org.docport.hub.smart;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes the access tokens the hub issues after RFC 9068 (JWT access tokens): {@code typ} {@value
 * #TYPE}, so that no other JWT signed with the hub's key passes as one; {@code client_id} and the
 * space-separated {@code scope}; and DocPort's own claims: the insurer the client acts for, and
 * which of the client's keys obtained the token, so that revoking that key ends the token at once.
 */
final class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  static final String TYPE = "at+jwt";
  static final String CLIENT_ID = "client_id";
  static final String SCOPE = "scope";
  static final String INSURER = "docport_insurer";
  static final String CLIENT_KEY = "docport_client_kid";

  private final HubSigningKeys signingKeys;
  private final PublicUrls urls;

  AccessTokenClaims(HubSigningKeys signingKeys, PublicUrls urls) {
    this.signingKeys = signingKeys;
    this.urls = urls;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    SmartClient client = RegisteredClients.smartClient(context.getRegisteredClient());
    context.getJwsHeader().type(TYPE).keyId(signingKeys.activeKid());
    String base = urls.base();
    context
        .getClaims()
        .issuer(base)
        .audience(List.of(base + "/fhir"))
        .claim(CLIENT_ID, client.clientId())
        .claim(INSURER, client.insurerId())
        .claim(SCOPE, String.join(" ", context.getAuthorizedScopes()));
    if (context.getPrincipal().getCredentials() instanceof Jwt assertion
        && assertion.getHeaders().get("kid") instanceof String kid) {
      context.getClaims().claim(CLIENT_KEY, kid);
    }
  }
}
