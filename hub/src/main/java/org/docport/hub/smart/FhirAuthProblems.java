package org.docport.hub.smart;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * How the FHIR API refuses a request before the FHIR server sees it: the status and {@code
 * WWW-Authenticate: Bearer ...} header of RFC 6750 (Spring Security's), with a FHIR {@code
 * OperationOutcome} body saying what is wrong, as a FHIR client expects from a FHIR server.
 */
final class FhirAuthProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String FHIR_JSON = "application/fhir+json;charset=UTF-8";

  private final BearerTokenAuthenticationEntryPoint bearer =
      new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
  private final ObjectMapper json;

  FhirAuthProblems(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    bearer.commence(request, response, e);
    String diagnostics =
        e instanceof OAuth2AuthenticationException oauth
                && oauth.getError().getDescription() != null
            ? "The access token was refused: " + oauth.getError().getDescription()
            : "This FHIR API needs a SMART Backend Services access token (Authorization: Bearer"
                + " <token>); see /fhir/.well-known/smart-configuration for how to get one.";
    write(response, response.getStatus() == 400 ? "invalid" : "login", diagnostics);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    denied.handle(request, response, e);
    write(response, "forbidden", "The access token does not allow this request.");
  }

  private void write(HttpServletResponse response, String code, String diagnostics)
      throws IOException {
    response.setContentType(FHIR_JSON);
    json.writeValue(
        response.getOutputStream(),
        Map.of(
            "resourceType",
            "OperationOutcome",
            "issue",
            List.of(Map.of("severity", "error", "code", code, "diagnostics", diagnostics))));
  }
}
