package org.docport.workflows.consent;

/** Where a consent's workflow stands; the last three end it. */
public enum ConsentStep {
  /** The doctor asked to join the insurer. */
  REQUESTED,
  /** The doctor's full profile is being delivered to the insurer. */
  ENROLLING,
  /** The insurer holds the profile and has yet to accept or reject the doctor. */
  AWAITING_DECISION,
  /** The insurer accepted: changes flow to it. */
  ACTIVE,
  /** The published data is being taken back from the insurer. */
  WITHDRAWING,
  /** The insurer said no; its data was withdrawn. */
  REJECTED,
  /** Something could not be done (see the reason); the insurer's data was withdrawn. */
  FAILED,
  /** The doctor opted out; the insurer's data was withdrawn. */
  REVOKED;

  public boolean isFinal() {
    return this == ACTIVE || this == REJECTED || this == FAILED || this == REVOKED;
  }
}
