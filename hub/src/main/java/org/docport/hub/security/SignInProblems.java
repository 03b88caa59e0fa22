package org.docport.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.docport.hub.web.ApiException;
import org.docport.hub.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 from the security rules as problems, like every other refusal, where Spring
 * Security's own answers had an empty body. A 401 still challenges for HTTP Basic, except to the
 * web app.
 */
@Component
class SignInProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String CHALLENGE = "Basic realm=\"DocPort\", charset=\"UTF-8\"";

  /** Sent by the web app on every call it makes. */
  static final String WEB_APP_HEADER = "X-Requested-With";

  private final Problems problems;

  SignInProblems(Problems problems) {
    this.problems = problems;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    boolean webApp = request.getHeader(WEB_APP_HEADER) != null;
    if (!webApp) {
      // The web app signs in with its own form: a Basic challenge would make the browser ask.
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
    if (e instanceof InsufficientAuthenticationException) {
      problems.write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "Sign-in required",
          webApp
              ? "You are not signed in, or your session ended: sign in again."
              : "Sign in with HTTP Basic: send your DocPort username and password in an"
                  + " 'Authorization: Basic' header.");
    } else if (e instanceof BadCredentialsException) {
      problems.write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "Sign-in failed",
          "The username or password is wrong, or the Authorization header is not valid"
              + " HTTP Basic.");
    } else {
      ApiException refusal = SignInRefusals.of(e);
      refusal
          .retryAfter()
          .ifPresent(
              wait ->
                  response.setHeader(
                      HttpHeaders.RETRY_AFTER,
                      String.valueOf(ApiException.retryAfterSeconds(wait))));
      problems.write(request, response, refusal.status(), refusal.title(), refusal.getMessage());
    }
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    if (e instanceof CsrfException) {
      problems.write(
          request,
          response,
          HttpStatus.FORBIDDEN,
          "CSRF token missing or invalid",
          "A change made with the web app's session must echo its XSRF-TOKEN cookie in an"
              + " X-XSRF-TOKEN header. Reload the page and try again.");
      return;
    }
    problems.write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "Not allowed",
        "This account may not "
            + request.getMethod()
            + " "
            + request.getRequestURI()
            + ". The operator API and the actuator need an operator account; a doctor account"
            + " reaches only its own record.");
  }
}
