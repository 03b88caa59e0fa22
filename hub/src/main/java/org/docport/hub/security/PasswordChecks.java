package org.docport.hub.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Every password check DocPort makes, HTTP Basic and the web app's sign-in alike, goes through the
 * {@link SignInGuard}: a locked or waiting account is refused before its password is looked at, a
 * wrong password is counted, and a right one clears the count. An account whose e-mail address is
 * not verified yet is refused only after its password proved right, so the refusal tells a stranger
 * nothing.
 */
final class PasswordChecks implements AuthenticationProvider {

  /** The password was right, but the account's e-mail address is not verified yet. */
  static final class EmailNotVerified extends AuthenticationException {
    EmailNotVerified() {
      super("Confirm your e-mail address first: follow the link DocPort sent you.");
    }
  }

  /** The password was right, but the account has a second factor, which HTTP Basic cannot carry. */
  static final class SecondFactorRequired extends AuthenticationException {
    SecondFactorRequired() {
      super("This account signs in with a second factor: use the web app.");
    }
  }

  /** Where the password comes from. */
  enum Channel {
    /** The web app's sign-in, which asks for the second factor next when the account has one. */
    WEB_APP,
    /** HTTP Basic on the REST API: the password is all there is. */
    HTTP_BASIC
  }

  private final SignInGuard guard;
  private final AuthenticationProvider delegate;
  private final Channel channel;

  PasswordChecks(SignInGuard guard, AuthenticationProvider delegate, Channel channel) {
    this.guard = guard;
    this.delegate = delegate;
    this.channel = channel;
  }

  @Override
  public Authentication authenticate(Authentication request) {
    String username = request.getName();
    var standing = guard.admit(username);
    Authentication result;
    try {
      result = delegate.authenticate(request);
    } catch (BadCredentialsException e) {
      standing.ifPresent(s -> guard.failed(username));
      throw e;
    }
    if (result != null && standing.isPresent()) {
      guard.succeeded(username, standing.get());
      if (!standing.get().emailVerified()) {
        throw new EmailNotVerified();
      }
      // A second factor that a password alone could skip would protect nothing.
      if (channel == Channel.HTTP_BASIC && standing.get().secondFactor()) {
        throw new SecondFactorRequired();
      }
    }
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return delegate.supports(authentication);
  }
}
