package org.docport.hub.smart;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;

/**
 * A client an insurer registered to get access tokens, with the public keys its assertions are
 * signed with: inline ({@code jwks}) or at a URL ({@code jwksUrl}), never both.
 *
 * @param jwks the client's public JWK Set as JSON; null when it publishes one at {@code jwksUrl}
 * @param scopes the scopes the client may be granted (it asks for some of them per token)
 * @param revokedKeys the keys (by {@code kid}) that no longer authenticate the client
 */
record SmartClient(
    String clientId,
    String insurerId,
    String name,
    String jwks,
    URI jwksUrl,
    List<String> scopes,
    Instant createdAt,
    String createdBy,
    Instant revokedAt,
    String revokedBy,
    List<KeyRevocation> revokedKeys) {

  /** A key withdrawn from a client, e.g. because it leaked. */
  record KeyRevocation(String kid, Instant revokedAt, String revokedBy) {}

  SmartClient {
    scopes = List.copyOf(scopes);
    revokedKeys = List.copyOf(revokedKeys);
  }

  boolean isRevoked() {
    return revokedAt != null;
  }

  /** The inline JWK Set; only for a client registered with one ({@code jwks} not null). */
  JWKSet inlineKeys() {
    try {
      return JWKSet.parse(jwks);
    } catch (ParseException e) {
      throw new IllegalStateException("unreadable stored JWKS of client " + clientId, e);
    }
  }

  boolean isKeyRevoked(String kid) {
    return revokedKeys.stream().anyMatch(k -> k.kid().equals(kid));
  }
}
