package org.docport.hub.security;

import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;

/** What a refused sign-in says, the same for HTTP Basic and the web app. */
final class SignInRefusals {

  private SignInRefusals() {}

  static ApiException of(AuthenticationException e) {
    if (e instanceof SignInGuard.TooSoon wait) {
      return ApiException.tooManyRequests(
          "Too many attempts",
          "Too many failed sign-ins in a row: try again in "
              + ApiException.retryAfterSeconds(wait.retryAfter())
              + " s.",
          wait.retryAfter());
    }
    if (e instanceof LockedException) {
      return new ApiException(
          HttpStatus.UNAUTHORIZED,
          "Account locked",
          "This account is locked after "
              + SignInGuard.LOCK_AT
              + " failed sign-ins in a row. Follow the link we e-mailed to its address to unlock"
              + " it, or ask a DocPort operator.");
    }
    if (e instanceof PasswordChecks.EmailNotVerified) {
      return new ApiException(
          HttpStatus.FORBIDDEN,
          "Email not verified",
          "Confirm your e-mail address first: follow the link we sent you, or ask for a new one.");
    }
    if (e instanceof PasswordChecks.SecondFactorRequired) {
      return new ApiException(
          HttpStatus.UNAUTHORIZED,
          "Two-step sign-in required",
          "This account signs in with a password and a code, and HTTP Basic carries only the"
              + " password: sign in through the web app. A script needs an account of its own.");
    }
    return new ApiException(
        HttpStatus.UNAUTHORIZED, "Sign-in failed", "The username or password is wrong.");
  }
}
