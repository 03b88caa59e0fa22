package org.docport.hub.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account's second factor: enrol (QR code, first code), recovery codes, turn off. */
@RestController
class SecondFactorController {

  /** Recovery codes, shown once. */
  record RecoveryCodes(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> recoveryCodes) {}

  private final SecondFactor secondFactor;
  private final WebSessions sessions;
  private final Accounts accounts;

  SecondFactorController(SecondFactor secondFactor, WebSessions sessions, Accounts accounts) {
    this.secondFactor = secondFactor;
    this.sessions = sessions;
    this.accounts = accounts;
  }

  @Operation(summary = "Begin enrolling an authenticator app: its key as a QR code and as text")
  @PostMapping("/api/me/second-factor")
  SecondFactor.AuthenticatorKey begin(HttpServletRequest request, Authentication caller) {
    return secondFactor.begin(sessions.enrollingAccount(request, caller));
  }

  @Operation(summary = "Confirm enrolment with the app's first code; answers the recovery codes")
  @PutMapping("/api/me/second-factor")
  RecoveryCodes confirm(
      @RequestBody OneTimeCode body,
      HttpServletRequest request,
      HttpServletResponse response,
      Authentication caller) {
    String username = sessions.enrollingAccount(request, caller);
    List<String> codes = secondFactor.confirm(username, body.code());
    if (codes.isEmpty()) {
      throw ApiException.invalidField(
          "Wrong code",
          "code",
          "not the current code of the key just shown: scan the QR code (or type the key) into"
              + " your authenticator app and enter the 6 digits it shows");
    }
    sessions.enrolled(username, request, response);
    return new RecoveryCodes(codes);
  }

  @Operation(summary = "Turn the second factor off (doctors; operators must keep theirs)")
  @DeleteMapping("/api/me/second-factor")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void disable(@RequestBody OneTimeCode body, Authentication caller) {
    String username = caller.getName();
    if (accounts.loadUserByUsername(username).isOperator()) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Second factor required",
          "Operators must keep a second factor. Enrol a new authenticator app instead.");
    }
    requireCode(username, body.code());
    secondFactor.disable(username);
  }

  @Operation(summary = "Replace the recovery codes (needs a current code)")
  @PostMapping("/api/me/recovery-codes")
  RecoveryCodes newRecoveryCodes(@RequestBody OneTimeCode body, Authentication caller) {
    requireCode(caller.getName(), body.code());
    return new RecoveryCodes(secondFactor.newRecoveryCodes(caller.getName()));
  }

  private void requireCode(String username, String code) {
    if (!secondFactor.verify(username, code)) {
      throw ApiException.invalidField(
          "Wrong code", "code", "not a current code from your authenticator app");
    }
  }
}
