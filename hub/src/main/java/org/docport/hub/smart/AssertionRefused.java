package org.docport.hub.smart;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * Why a client assertion does not authenticate its client, in words for the client's developer; the
 * token endpoint answers it as {@code invalid_client} with this as the error description.
 */
final class AssertionRefused extends BadJwtException {

  AssertionRefused(String reason) {
    super(reason);
  }
}
