package org.docport.hub.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts: doctors sign themselves up with an e-mail address they then verify; operators create
 * accounts directly (already verified); locked accounts are unlocked by the owner's e-mailed link
 * or by an operator.
 */
@RestController
class AccountController {

  /** A new account: a doctor signing up gives {@code email}; an operator may give a username. */
  record SignUp(String username, String email, String password) {}

  /** The created account, without secrets. */
  record AccountView(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String username,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String role) {}

  /** A token from an e-mailed link. */
  record LinkToken(String token) {}

  /** Whom to send a new verification link. */
  record Resend(String email) {}

  private static final String EMAIL = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+";

  private final Accounts accounts;
  private final AccountMail mail;
  private final AccountTokens tokens;
  private final SignInGuard guard;

  AccountController(Accounts accounts, AccountMail mail, AccountTokens tokens, SignInGuard guard) {
    this.accounts = accounts;
    this.mail = mail;
    this.tokens = tokens;
    this.guard = guard;
  }

  @Operation(
      summary =
          "Sign up as a doctor (an e-mailed link verifies the address), or, as an operator,"
              + " create a doctor account that is verified at once")
  @PostMapping("/api/accounts")
  @ResponseStatus(HttpStatus.CREATED)
  AccountView signUp(@RequestBody SignUp request, Authentication caller) {
    boolean byOperator =
        caller != null
            && caller.isAuthenticated()
            && caller.getAuthorities().stream()
                .anyMatch(a -> "ROLE_OPERATOR".equals(a.getAuthority()));
    String email = request.email() == null ? null : request.email().trim().toLowerCase(Locale.ROOT);
    List<ApiException.FieldError> errors = new ArrayList<>();
    if (byOperator && request.email() == null) {
      if (request.username() == null || !request.username().matches("[A-Za-z0-9._@-]{3,64}")) {
        errors.add(new ApiException.FieldError("username", "3 to 64 letters, digits or . _ @ -"));
      }
    } else if (email == null || email.length() > 254 || !email.matches(EMAIL)) {
      errors.add(
          new ApiException.FieldError("email", "an e-mail address such as asha@example.org"));
    }
    if (request.password() == null
        || request.password().length() < 12
        || request.password().length() > 128) {
      errors.add(new ApiException.FieldError("password", "12 to 128 characters"));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid account", "See errors.", errors);
    }
    if (byOperator && request.email() == null) {
      DocPortUser user =
          accounts.create(request.username(), request.password(), DocPortUser.Role.DOCTOR);
      return new AccountView(user.username(), user.role().name());
    }
    accounts.register(email, request.password());
    if (byOperator) {
      accounts.verifyEmail(email);
    } else {
      mail.sendVerificationLink(email, email);
    }
    return new AccountView(email, DocPortUser.Role.DOCTOR.name());
  }

  @Operation(summary = "Verify an account's e-mail address with the token from the e-mailed link")
  @PostMapping("/api/accounts/verification")
  AccountView verify(@RequestBody LinkToken request) {
    String username =
        redeem(
            request,
            AccountTokens.Purpose.VERIFY_EMAIL,
            "This verification link is wrong, used or expired. Ask for a new one.");
    accounts.verifyEmail(username);
    return new AccountView(username, DocPortUser.Role.DOCTOR.name());
  }

  @Operation(
      summary = "Send a new verification link (answered 202 whether or not the address is known)")
  @PostMapping("/api/accounts/verification/resend")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void resend(@RequestBody Resend request) {
    if (request.email() != null) {
      String email = request.email().trim().toLowerCase(Locale.ROOT);
      accounts.awaitingVerification(email).ifPresent(u -> mail.sendVerificationLink(u, email));
    }
  }

  @Operation(summary = "Unlock an account with the token from the e-mailed link")
  @PostMapping("/api/accounts/unlock")
  AccountView unlock(@RequestBody LinkToken request) {
    String username =
        redeem(
            request,
            AccountTokens.Purpose.UNLOCK,
            "This unlock link is wrong, used or expired. Ask an operator to unlock the account.");
    guard.unlock(username);
    return new AccountView(username, accounts.loadUserByUsername(username).role().name());
  }

  @Operation(summary = "Unlock an account locked by repeated failed sign-ins (operators)")
  @PostMapping("/api/operator/accounts/{username}/unlock")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unlockByOperator(@PathVariable String username) {
    if (!guard.unlock(username)) {
      throw new ApiException(
          HttpStatus.NOT_FOUND, "No such account", "There is no account '" + username + "'.");
    }
  }

  private String redeem(LinkToken link, AccountTokens.Purpose purpose, String whenNot) {
    return tokens
        .redeem(link.token(), purpose)
        .orElseThrow(() -> new ApiException(HttpStatus.GONE, "Link not valid", whenNot));
  }
}
