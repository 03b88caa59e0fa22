package org.docport.insurersim;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Enforces {@link AccessControl} on the FHIR endpoint: a missing or unknown bearer token is a 401
 * with {@code WWW-Authenticate: Bearer}. The CapabilityStatement stays public, as SMART servers
 * keep it, so clients can discover the server before they authenticate.
 */
final class BearerTokenFilter implements Filter {

  private static final String PREFIX = "Bearer ";

  private final AccessControl access;
  private final ErrorResponses errors;

  BearerTokenFilter(AccessControl access, ErrorResponses errors) {
    this.access = access;
    this.errors = errors;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (access.isOpen() || isCapabilityStatement(http) || access.accepts(bearerToken(http))) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletResponse httpResponse = (HttpServletResponse) response;
    httpResponse.setHeader("WWW-Authenticate", "Bearer realm=\"insurer-sim\"");
    errors.send(httpResponse, 401, "Missing or invalid bearer token");
  }

  private static boolean isCapabilityStatement(HttpServletRequest request) {
    return request.getMethod().equals("GET") && request.getRequestURI().endsWith("/metadata");
  }

  private static String bearerToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return "";
    }
    return header.substring(PREFIX.length()).trim();
  }
}
