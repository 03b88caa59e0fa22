package org.docport.workflows.onboarding;

import org.docport.workflows.Replays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replays recorded onboarding histories against today's workflow code. */
class OnboardingReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "onboarding-approved",
        "onboarding-corrected",
        "onboarding-reminded",
        // Recorded with the code before reminders carried request ids (b683b27^): the
        // Workflow.getVersion branch that running workflows of that code still take.
        "onboarding-reminded-before-request-ids"
      })
  void onboardingHistoriesReplay(String name) throws Exception {
    Replays.replay(name, OnboardingWorkflowImpl.class);
  }
}
