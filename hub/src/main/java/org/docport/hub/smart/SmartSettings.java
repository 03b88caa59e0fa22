package org.docport.hub.smart;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMART Backend Services settings.
 *
 * @param publicUrl the hub's base URL as insurers reach it (e.g. {@code https://docport.example});
 *     empty: each request's own, read through {@code Forwarded}/{@code X-Forwarded-*} headers. Set
 *     it in production: the token endpoint URL that client assertions must name as their audience
 *     is built from it, and request headers are the client's to choose
 * @param allowHttpJwksUrls whether a client's JWKS may be served over plain HTTP (development and
 *     tests only: over HTTP anyone on the path can swap the keys)
 * @param jwksCacheTtl how long keys fetched from a client's JWKS URL are used before they are
 *     fetched again (an unknown {@code kid} fetches them sooner)
 * @param jtiPruneInterval how often the assertion ids kept against replay are pruned once expired
 */
@ConfigurationProperties("docport.smart")
record SmartSettings(
    URI publicUrl, boolean allowHttpJwksUrls, Duration jwksCacheTtl, Duration jtiPruneInterval) {

  SmartSettings {
    jwksCacheTtl = jwksCacheTtl == null ? Duration.ofMinutes(5) : jwksCacheTtl;
    jtiPruneInterval = jtiPruneInterval == null ? Duration.ofMinutes(1) : jtiPruneInterval;
  }
}
