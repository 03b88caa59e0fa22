package org.docport.hub.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web app's sign-in: a password, then the second factor when the account has one, held in a
 * server-side session behind an HttpOnly cookie. Operators must have a second factor: one who has
 * none yet is taken to enrol it before anything else. Machines keep using HTTP Basic or tokens.
 */
@RestController
class WebSessionController {

  /** A password sign-in; {@code username} may also be the account's e-mail address. */
  record PasswordSignIn(String username, String password) {}

  private final WebSessions sessions;

  WebSessionController(WebSessions sessions) {
    this.sessions = sessions;
  }

  @Operation(summary = "Who is signed in to the web app, and what sign-in still needs")
  @GetMapping("/api/session")
  WebSessions.SessionView current(
      HttpServletRequest request,
      Authentication authentication,
      @Parameter(hidden = true) CsrfToken csrf) {
    csrf.getToken(); // sets the XSRF-TOKEN cookie the web app echoes on every change
    return sessions
        .current(request, authentication)
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.UNAUTHORIZED, "Not signed in", "Sign in with your password."));
  }

  @Operation(summary = "Sign in to the web app with a password")
  @PostMapping("/api/session")
  WebSessions.SessionView signIn(
      @RequestBody PasswordSignIn body, HttpServletRequest request, HttpServletResponse response) {
    return sessions.signIn(body.username(), body.password(), request, response);
  }

  @Operation(summary = "Finish signing in with the second factor")
  @PostMapping("/api/session/second-factor")
  WebSessions.SessionView secondFactor(
      @RequestBody OneTimeCode body, HttpServletRequest request, HttpServletResponse response) {
    return sessions.secondFactor(body.code(), request, response);
  }

  @Operation(summary = "Sign out of this browser")
  @DeleteMapping("/api/session")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  @Operation(summary = "Sign out everywhere: end every session of this account, this one too")
  @DeleteMapping("/api/sessions")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void signOutEverywhere(HttpServletRequest request, Authentication authentication) {
    sessions.endAll(authentication.getName());
    signOut(request);
  }
}
