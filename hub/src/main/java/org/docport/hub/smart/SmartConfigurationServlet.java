package org.docport.hub.smart;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /fhir/.well-known/smart-configuration}: how a SMART Backend Services client finds the
 * token endpoint and what it accepts (SMART App Launch 2.x, "Conformance"). Public, and built per
 * request from the hub's public URL.
 *
 * <p>A servlet with an exact mapping rather than a controller: the FHIR server is a HAPI {@code
 * RestfulServer} mapped to {@code /fhir/*}, and in the Servlet specification an exact mapping wins
 * over a path mapping, so this document stays reachable whatever the FHIR server serves.
 */
final class SmartConfigurationServlet extends HttpServlet {

  static final String PATH = "/fhir/.well-known/smart-configuration";

  private final transient PublicUrls urls;
  private final transient ObjectMapper json;

  SmartConfigurationServlet(PublicUrls urls, ObjectMapper json) {
    this.urls = urls;
    this.json = json;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("issuer", urls.base(request));
    document.put("jwks_uri", urls.jwksEndpoint(request));
    document.put("token_endpoint", urls.tokenEndpoint(request));
    document.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
    document.put(
        "token_endpoint_auth_signing_alg_values_supported",
        AssertionDecoders.ALGORITHMS.stream().map(Object::toString).toList());
    document.put("grant_types_supported", List.of("client_credentials"));
    document.put("scopes_supported", SmartScope.supported());
    document.put(
        "capabilities",
        List.of("client-confidential-asymmetric", "permission-v1", "permission-v2"));
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "max-age=300");
    json.writeValue(response.getOutputStream(), document);
  }
}
