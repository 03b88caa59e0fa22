package org.docport.hub.smart;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.ForwardedHeaderUtils;

/**
 * The URLs insurers use, built from {@code docport.smart.public-url} or, when that is not set, from
 * the request as the client sent it through any proxies ({@code Forwarded}, {@code
 * X-Forwarded-Host/Proto/Port}).
 */
@Component
public class PublicUrls {

  private static final String FHIR_BASE = PublicUrls.class.getName() + ".fhirBase";

  private final URI configured;
  private final AuthorizationServerSettings endpoints;

  PublicUrls(SmartSettings settings, AuthorizationServerSettings endpoints) {
    this.configured = settings.publicUrl();
    this.endpoints = endpoints;
  }

  /** The hub's base URL, without a trailing slash (e.g. {@code https://docport.example}). */
  String base(HttpServletRequest request) {
    if (configured != null && !configured.toString().isBlank()) {
      return stripSlash(configured.toString());
    }
    URI seen = URI.create(request.getRequestURL().toString());
    String base =
        ForwardedHeaderUtils.adaptFromForwardedHeaders(
                seen, new ServletServerHttpRequest(request).getHeaders())
            .replacePath(request.getContextPath())
            .replaceQuery(null)
            .fragment(null)
            .build()
            .toUriString();
    return stripSlash(base);
  }

  /** The base URL for the request being served on this thread. */
  String base() {
    return base(currentRequest());
  }

  /** The token endpoint: the audience every client assertion must name. */
  String tokenEndpoint(HttpServletRequest request) {
    return base(request) + endpoints.getTokenEndpoint();
  }

  String tokenEndpoint() {
    return tokenEndpoint(currentRequest());
  }

  String jwksEndpoint(HttpServletRequest request) {
    return base(request) + endpoints.getJwkSetEndpoint();
  }

  /**
   * The FHIR API's base URL, which links in its answers (paging, exports, subscriptions) name.
   * Worked out once per request: HAPI asks for it again for every link and entry it writes, and
   * parsing the URL and the forwarding headers each time cost 6 % of a search's CPU.
   */
  public String fhirBase(HttpServletRequest request) {
    if (request.getAttribute(FHIR_BASE) instanceof String known) {
      return known;
    }
    String fhirBase = base(request) + "/fhir";
    request.setAttribute(FHIR_BASE, fhirBase);
    return fhirBase;
  }

  private static HttpServletRequest currentRequest() {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      return attributes.getRequest();
    }
    throw new IllegalStateException("no HTTP request is being served on this thread");
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
