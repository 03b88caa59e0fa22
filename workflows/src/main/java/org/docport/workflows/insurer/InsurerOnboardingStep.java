package org.docport.workflows.insurer;

/** Where an insurer's onboarding stands. */
public enum InsurerOnboardingStep {
  /** Registered through the API; an operator has yet to approve it. */
  AWAITING_APPROVAL,
  /** Approved: its API credentials are being issued. */
  ISSUING_CREDENTIALS,
  /** DocPort is calling the insurer's endpoint with its connector settings. */
  TESTING_CONNECTION,
  /** The connection test failed (see the reason); fix the endpoint and test again. */
  CONNECTION_FAILED,
  /** Connected: doctors may opt in and changes flow. */
  LIVE,
  /** An operator declined the registration. */
  REJECTED
}
