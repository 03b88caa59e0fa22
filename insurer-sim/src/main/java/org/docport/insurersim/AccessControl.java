package org.docport.insurersim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may call the FHIR endpoint: anyone (the default), holders of one fixed bearer token, and/or
 * holders of tokens issued by the client-credentials endpoint. Thread-safe; settings are read per
 * request so tests can switch them while the server runs.
 */
final class AccessControl {

  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

  private record Client(String id, String secret) {}

  private final Clock clock;
  private final Map<String, Instant> issuedTokens = new ConcurrentHashMap<>();
  private volatile String fixedToken;
  private volatile Client client;

  AccessControl(Clock clock) {
    this.clock = clock;
  }

  void requireToken(String token) {
    fixedToken = token;
  }

  void requireClientCredentials(String clientId, String secret) {
    client = new Client(clientId, secret);
  }

  void allowAnonymous() {
    fixedToken = null;
    client = null;
    issuedTokens.clear();
  }

  boolean isOpen() {
    return fixedToken == null && client == null;
  }

  boolean accepts(String token) {
    String fixed = fixedToken;
    if (fixed != null && constantTimeEquals(fixed, token)) {
      return true;
    }
    Instant expiry = issuedTokens.get(token);
    if (expiry != null && clock.instant().isAfter(expiry)) {
      issuedTokens.remove(token);
      return false;
    }
    return expiry != null && client != null;
  }

  /** Issues a token for valid client credentials; empty when they are wrong or not configured. */
  Optional<String> issue(String clientId, String secret) {
    Client expected = client;
    if (expected == null
        || clientId == null
        || secret == null
        || !expected.id().equals(clientId)
        || !constantTimeEquals(expected.secret(), secret)) {
      return Optional.empty();
    }
    String token = UUID.randomUUID().toString();
    issuedTokens.put(token, clock.instant().plus(TOKEN_LIFETIME));
    return Optional.of(token);
  }

  private static boolean constantTimeEquals(String expected, String actual) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
