package org.docport.workflows.onboarding;

import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/** The registry, checks and e-mail work of onboarding, implemented by the hub; all idempotent. */
@ActivityInterface
public interface OnboardingActivities {

  /** Records the step (and what the doctor must fix) in the registry, for the API to show. */
  void record(UUID doctorId, OnboardingProgress progress);

  /**
   * Checks the doctor's credentials: registration and licence numbers (format, validity, expiry not
   * within 30 days, the issuing authority's registry where one is configured) and the required
   * documents.
   */
  CredentialReport checkCredentials(UUID doctorId);

  /** Makes the doctor active: visible to the insurers they opt in to. */
  void activate(UUID doctorId);

  /**
   * E-mails the doctor that their onboarding waits for them, and why; once per {@code requestId},
   * however often the call is retried.
   */
  void remind(UUID doctorId, OnboardingProgress progress, UUID requestId);
}
