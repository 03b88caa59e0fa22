package org.docport.insurersim;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A minimal OAuth2 token endpoint for the client-credentials grant: enough for DocPort's connector
 * to exercise "fetch a token, then call FHIR with it". Credentials come from the form ({@code
 * client_secret_post}) or HTTP Basic ({@code client_secret_basic}); errors use the RFC 6749 error
 * codes.
 */
final class TokenEndpointServlet extends HttpServlet {

  private static final String BASIC = "Basic ";

  private final transient AccessControl access;

  TokenEndpointServlet(AccessControl access) {
    this.access = access;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"client_credentials".equals(request.getParameter("grant_type"))) {
      answer(response, 400, "{\"error\":\"unsupported_grant_type\"}");
      return;
    }
    Credentials credentials =
        basicCredentials(request)
            .orElseGet(
                () ->
                    new Credentials(
                        request.getParameter("client_id"), request.getParameter("client_secret")));
    Optional<String> token = access.issue(credentials.id(), credentials.secret());
    if (token.isEmpty()) {
      answer(response, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    answer(
        response,
        200,
        "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":%d}"
            .formatted(token.get(), AccessControl.TOKEN_LIFETIME.toSeconds()));
  }

  private record Credentials(String id, String secret) {}

  // RFC 6749 2.3.1: id and secret are form-encoded before they are joined and Base64-encoded.
  private static Optional<Credentials> basicCredentials(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Credentials(
            URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
            URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
  }

  private static void answer(HttpServletResponse response, int status, String json)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    // RFC 6749 5.1: token responses must not be cached.
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(json);
  }
}
