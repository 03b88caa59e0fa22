package org.docport.hub.security;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 *
 * <p>A Caffeine cache of verifications: an entry is the verification's future, so requests that
 * arrive while it runs share it; a failed verification (wrong password) is dropped as soon as it
 * completes, so it is never served to a later request.
 */
final class VerifiedCredentialsCache implements AuthenticationProvider {

  private static final Duration TTL = Duration.ofMinutes(1);
  private static final int MAX_ENTRIES = 10_000;

  private final AuthenticationProvider delegate;
  private final AsyncCache<String, Authentication> verified =
      Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(MAX_ENTRIES).buildAsync();
  private final byte[] key = new byte[32];

  VerifiedCredentialsCache(AuthenticationProvider delegate) {
    this.delegate = delegate;
    new SecureRandom().nextBytes(key);
  }

  @Override
  public Authentication authenticate(Authentication request) {
    String cacheKey = cacheKey(request);
    CompletableFuture<Authentication> mine = new CompletableFuture<>();
    CompletableFuture<Authentication> answer = verified.get(cacheKey, (k, executor) -> mine);
    if (answer == mine) {
      verify(request, cacheKey, mine);
    }
    return await(answer);
  }

  /** Verifies in the caller's thread, never the cache's executor, and answers every waiter. */
  private void verify(
      Authentication request, String cacheKey, CompletableFuture<Authentication> mine) {
    try {
      Authentication result = delegate.authenticate(request);
      mine.complete(result);
      if (result != null && !result.isAuthenticated()) {
        verified.asMap().remove(cacheKey, mine);
      }
    } catch (RuntimeException | Error e) {
      // Completed either way: the waiters get the same failure, and the cache drops the entry.
      mine.completeExceptionally(e);
    }
  }

  private static Authentication await(CompletableFuture<Authentication> answer) {
    try {
      return answer.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
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
