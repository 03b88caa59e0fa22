package org.docport.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class VerifiedCredentialsCacheTest {

  private final AtomicInteger hashes = new AtomicInteger();

  @Test
  void verifiedCredentialsAreNotHashedAgainWithinTheMinute() {
    var cache = new VerifiedCredentialsCache(provider(new CountDownLatch(0), "secret"));
    cache.authenticate(login("secret"));
    cache.authenticate(login("secret"));
    assertThat(hashes).hasValue(1);
  }

  @Test
  void aWrongPasswordIsNeverServedFromTheCache() {
    var cache = new VerifiedCredentialsCache(provider(new CountDownLatch(0), "secret"));
    cache.authenticate(login("secret"));
    assertThatThrownBy(() -> cache.authenticate(login("guess")))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> cache.authenticate(login("guess")))
        .isInstanceOf(BadCredentialsException.class);
    assertThat(hashes).hasValue(3);
  }

  @Test
  void concurrentRequestsWithTheSameCredentialsHashOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    var cache = new VerifiedCredentialsCache(provider(release, "secret"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Authentication>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      results.add(pool.submit(() -> cache.authenticate(login("secret"))));
    }
    release.countDown();
    for (Future<Authentication> result : results) {
      assertThat(result.get(10, TimeUnit.SECONDS).isAuthenticated()).isTrue();
    }
    pool.shutdown();
    // The first request hashes; the others either waited for it or found its cached answer.
    assertThat(hashes).hasValue(1);
  }

  private AuthenticationProvider provider(CountDownLatch release, String password) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication request) {
        hashes.incrementAndGet();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (!password.equals(request.getCredentials())) {
          throw new BadCredentialsException("bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(
            request.getName(), null, List.of());
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return true;
      }
    };
  }

  private static Authentication login(String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated("dr-test", password);
  }
}
