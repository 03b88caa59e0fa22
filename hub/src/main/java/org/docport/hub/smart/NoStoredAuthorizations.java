package org.docport.hub.smart;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of issued tokens. Access tokens are self-contained JWTs that every hub replica
 * verifies with the shared signing key, there are no refresh tokens, codes or introspection, and
 * revocation is by client or key (checked per request), so a store would only grow: Spring
 * Authorization Server's in-memory default keeps every client_credentials authorization forever.
 */
final class NoStoredAuthorizations implements OAuth2AuthorizationService {

  @Override
  public void save(OAuth2Authorization authorization) {
    // nothing to keep
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    // nothing kept
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return null;
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    return null;
  }
}
