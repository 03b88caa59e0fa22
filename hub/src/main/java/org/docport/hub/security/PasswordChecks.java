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

  private final SignInGuard guard;
  private final AuthenticationProvider delegate;

  PasswordChecks(SignInGuard guard, AuthenticationProvider delegate) {
    this.guard = guard;
    this.delegate = delegate;
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
    }
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return delegate.supports(authentication);
  }
}
