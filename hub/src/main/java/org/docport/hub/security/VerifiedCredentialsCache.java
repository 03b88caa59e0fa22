package org.docport.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers, for a minute, credentials that Argon2 has just verified, so that a client sending HTTP
 * Basic on every call does not pay a deliberately slow hash per request. Only a keyed hash (HMAC
 * with a per-process random key) of the password is held, never the password. When an entry runs
 * out, one request verifies again while the others with the same credentials wait for its answer,
 * rather than all hashing at once.
 */
final class VerifiedCredentialsCache implements AuthenticationProvider {

  private static final Duration TTL = Duration.ofMinutes(1);
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Authentication authentication, Instant expires) {}

  private final AuthenticationProvider delegate;
  private final Map<String, Entry> verified = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Authentication>> verifying =
      new ConcurrentHashMap<>();
  private final byte[] key = new byte[32];

  VerifiedCredentialsCache(AuthenticationProvider delegate) {
    this.delegate = delegate;
    new SecureRandom().nextBytes(key);
  }

  @Override
  public Authentication authenticate(Authentication request) {
    String cacheKey = cacheKey(request);
    Entry hit = verified.get(cacheKey);
    if (hit != null && hit.expires().isAfter(Instant.now())) {
      return hit.authentication();
    }
    CompletableFuture<Authentication> mine = new CompletableFuture<>();
    CompletableFuture<Authentication> running = verifying.putIfAbsent(cacheKey, mine);
    if (running != null) {
      return awaitOther(running);
    }
    try {
      Authentication result = delegate.authenticate(request);
      if (result != null && result.isAuthenticated()) {
        remember(cacheKey, result);
      }
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      verifying.remove(cacheKey, mine);
    }
  }

  private void remember(String cacheKey, Authentication result) {
    if (verified.size() >= MAX_ENTRIES) {
      Instant now = Instant.now();
      verified.values().removeIf(e -> e.expires().isBefore(now));
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
    }
    verified.put(cacheKey, new Entry(result, Instant.now().plus(TTL)));
  }

  private static Authentication awaitOther(CompletableFuture<Authentication> running) {
    try {
      return running.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private String cacheKey(Authentication request) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(request.getName().getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(String.valueOf(request.getCredentials()).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
