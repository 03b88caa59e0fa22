package org.docport.hub.security;

import java.util.UUID;
import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Decides whether the caller may act on a doctor's record: operators always, doctors on their own.
 */
@Component
public class DoctorAccess {

  private final Accounts accounts;

  DoctorAccess(Accounts accounts) {
    this.accounts = accounts;
  }

  /** The caller's current account (read afresh: a doctor's link to a record may be new). */
  public DocPortUser caller(Authentication authentication) {
    return accounts
        .find(authentication.getName())
        .orElseThrow(
            () -> new ApiException(HttpStatus.UNAUTHORIZED, "Unknown account", "Sign in again."));
  }

  /**
   * @throws ApiException 403 when the caller may not act on this doctor
   */
  public DocPortUser require(Authentication authentication, UUID doctorId) {
    DocPortUser user = caller(authentication);
    if (!user.mayActOn(doctorId)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "Not your record",
          "A doctor account can read and change only its own doctor record.");
    }
    return user;
  }
}
