package org.docport.hub.smart;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The token endpoint's answers to a client that did not authenticate (RFC 6749 §5.2): {@code
 * invalid_client} with 401, other errors with 400, always as the standard JSON error. Unlike Spring
 * Authorization Server's default, the description says why an assertion was refused (expired, wrong
 * audience, replayed...), so that the client's developer can fix it.
 */
final class TokenEndpointErrors implements AuthenticationFailureHandler, AuthenticationEntryPoint {

  private static final Logger log = LoggerFactory.getLogger(TokenEndpointErrors.class);

  private final OAuth2ErrorHttpMessageConverter converter = new OAuth2ErrorHttpMessageConverter();

  /** A failed client authentication. */
  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    OAuth2Error error =
        e instanceof OAuth2AuthenticationException oauth
            ? oauth.getError()
            : new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
    OAuth2Error answered = new OAuth2Error(error.getErrorCode(), describe(e, error), null);
    log.info(
        "Token request from {} refused: {}: {}",
        request.getRemoteAddr(),
        answered.getErrorCode(),
        answered.getDescription());
    write(response, answered);
  }

  /** A token request without client authentication at all. */
  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(
        response,
        new OAuth2Error(
            OAuth2ErrorCodes.INVALID_CLIENT,
            "authenticate with client_assertion_type="
                + AssertionConverter.JWT_BEARER
                + " and a client_assertion signed with your registered key",
            null));
  }

  private void write(HttpServletResponse response, OAuth2Error error) throws IOException {
    ServletServerHttpResponse http = new ServletServerHttpResponse(response);
    http.setStatusCode(
        OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())
            ? HttpStatus.UNAUTHORIZED
            : HttpStatus.BAD_REQUEST);
    converter.write(error, null, http);
  }

  private static String describe(AuthenticationException e, OAuth2Error error) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof AssertionRefused refused) {
        return "client_assertion refused: " + refused.getMessage();
      }
    }
    if (error.getDescription() != null && error.getDescription().endsWith(": client_id")) {
      return "unknown client, or one that was revoked";
    }
    return error.getDescription();
  }
}
