package org.docport.workflows.onboarding;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Starts a doctor's onboarding.
 *
 * @param draftReminder how long a draft may sit untouched before the doctor is reminded (3 days)
 * @param correctionReminder how long a request for corrections may go unanswered before the doctor
 *     is reminded (7 days)
 * @param resume where to pick up (after continue-as-new, or when the registry restarts a missing
 *     workflow); {@code null} starts at the draft
 */
public record OnboardingRequest(
    UUID doctorId, Duration draftReminder, Duration correctionReminder, OnboardingProgress resume) {

  public OnboardingRequest {
    Objects.requireNonNull(doctorId, "doctorId");
  }

  public OnboardingRequest resumingAt(OnboardingProgress progress) {
    return new OnboardingRequest(doctorId, draftReminder, correctionReminder, progress);
  }

  public static String workflowId(UUID doctorId) {
    return "onboarding-" + doctorId;
  }
}
