package org.docport.workflows.consent;

/** An insurer's answer to a doctor's enrolment; a rejection says why. */
public record InsurerDecision(boolean accepted, String reason) {

  public static InsurerDecision accept() {
    return new InsurerDecision(true, null);
  }

  public static InsurerDecision reject(String reason) {
    return new InsurerDecision(false, reason);
  }
}
