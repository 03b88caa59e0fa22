package org.docport.hub.smart;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Finds the public key a client signed an assertion with: in its inline JWK Set, or in the one it
 * serves at its JWKS URL. Fetched sets are cached for {@code docport.smart.jwks-cache-ttl}; an
 * assertion naming a {@code kid} the cached set lacks fetches the set again at once (the client may
 * have just rotated its key), at most twice per {@link #REFETCH_INTERVAL} per URL, so that
 * assertions with made-up key ids cannot make the hub hammer a client's server.
 */
@Component
class ClientKeys {

  static final Duration REFETCH_INTERVAL = Duration.ofSeconds(10);
  private static final long FETCH_TIMEOUT_MS = 15_000;

  private final Duration cacheTtl;
  private final JwksFetcher fetcher = new JwksFetcher();
  private final Map<String, JWKSource<SecurityContext>> remote = new ConcurrentHashMap<>();

  ClientKeys(SmartSettings settings) {
    this.cacheTtl = settings.jwksCacheTtl();
  }

  /**
   * The client's usable keys named {@code kid} (usually one).
   *
   * @throws AssertionRefused when the client's JWKS URL cannot be read
   */
  List<JWK> find(SmartClient client, String kid) {
    List<JWK> keys =
        client.jwksUrl() == null ? client.inlineKeys().getKeys() : fetched(client, kid);
    return ClientKeyRules.usable(new JWKSet(keys)).stream()
        .filter(k -> kid.equals(k.getKeyID()))
        .toList();
  }

  private List<JWK> fetched(SmartClient client, String kid) {
    JWKSource<SecurityContext> source =
        remote.computeIfAbsent(client.jwksUrl().toString(), this::source);
    try {
      return source.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
    } catch (RateLimitReachedException e) {
      return List.of(); // fetched just now, and the kid was not there
    } catch (KeySourceException e) {
      throw new AssertionRefused(
          "the client's JWK Set could not be read from "
              + client.jwksUrl()
              + ": "
              + e.getMessage());
    }
  }

  private JWKSource<SecurityContext> source(String url) {
    try {
      long ttl = cacheTtl.toMillis();
      return JWKSourceBuilder.<SecurityContext>create(URI.create(url).toURL(), fetcher)
          .cache(ttl, FETCH_TIMEOUT_MS)
          .refreshAheadCache(false)
          .rateLimited(Math.min(REFETCH_INTERVAL.toMillis(), ttl / 2))
          .retrying(false)
          .outageTolerant(false)
          .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new AssertionRefused("the client's JWKS URL is not a URL");
    }
  }
}
