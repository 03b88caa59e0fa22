package org.docport.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.docport.hub.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 from the security rules as problems, like every other refusal, where Spring
 * Security's own answers had an empty body. A 401 still challenges for HTTP Basic.
 */
@Component
class SignInProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String CHALLENGE = "Basic realm=\"DocPort\", charset=\"UTF-8\"";

  private final Problems problems;

  SignInProblems(Problems problems) {
    this.problems = problems;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    if (e instanceof InsufficientAuthenticationException) {
      problems.write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "Sign-in required",
          "Sign in with HTTP Basic: send your DocPort username and password in an"
              + " 'Authorization: Basic' header.");
    } else {
      problems.write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "Sign-in failed",
          e instanceof BadCredentialsException
              ? "The username or password is wrong, or the Authorization header is not valid"
                  + " HTTP Basic."
              : "DocPort could not sign this account in.");
    }
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
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
