package org.docport.workflows.onboarding;

/** Where a doctor's onboarding stands. */
public enum OnboardingStep {
  /** The doctor is filling in the profile and uploading documents. */
  DRAFT,
  /** Submitted: credential checks are running. */
  CHECKING,
  /** The checks or the reviewer found something the doctor must fix, then resubmit. */
  CORRECTIONS_NEEDED,
  /** Checks passed: an operator reviews the doctor. */
  IN_REVIEW,
  /** Approved: the doctor can opt in to insurers. */
  ACTIVE
}
