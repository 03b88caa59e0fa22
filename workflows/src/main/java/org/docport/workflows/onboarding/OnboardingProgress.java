package org.docport.workflows.onboarding;

import java.util.List;

/**
 * What the web app shows of a doctor's onboarding.
 *
 * @param problems what the doctor must fix before resubmitting, one sentence each
 * @param reviewNotes what the checks could not settle and the reviewer must (e.g. a licence with no
 *     registry to verify it against)
 * @param remindersSent reminders sent while the onboarding waited for the doctor
 */
public record OnboardingProgress(
    OnboardingStep step, List<String> problems, List<String> reviewNotes, int remindersSent) {

  public OnboardingProgress {
    problems = List.copyOf(problems);
    reviewNotes = List.copyOf(reviewNotes);
  }
}
