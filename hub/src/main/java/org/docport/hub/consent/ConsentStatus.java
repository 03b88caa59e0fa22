package org.docport.hub.consent;

import java.util.Set;
import org.docport.workflows.consent.ConsentStep;

/** Where a doctor's consent to one insurer stands. */
public enum ConsentStatus {
  /** The doctor asked to join; the opt-in saga is starting. */
  REQUESTED,
  /** The doctor's profile is delivered to the insurer, which has yet to decide. */
  ENROLLING,
  /** The insurer accepted: every change flows to it. */
  ACTIVE,
  /** Delivery has stopped and what was published is being taken back. */
  WITHDRAWING,
  REJECTED,
  FAILED,
  REVOKED;

  /** Statuses a workflow is still working on (the reconciler restarts a missing one). */
  public static final Set<ConsentStatus> IN_FLIGHT = Set.of(REQUESTED, ENROLLING, WITHDRAWING);

  /** The registry's status for a step of the consent workflows (they share the ending names). */
  static ConsentStatus of(ConsentStep step) {
    return valueOf(step.name());
  }

  /** The workflow step for an ending status. */
  ConsentStep step() {
    return ConsentStep.valueOf(name());
  }

  /** An ended consent; the doctor may opt in again. */
  public boolean isEnded() {
    return this == REJECTED || this == FAILED || this == REVOKED;
  }
}
