package org.docport.workflows.insurer;

import org.docport.workflows.Replays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replays recorded insurer-onboarding histories against today's workflow code. */
class InsurerOnboardingReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        // recorded before credentials had request ids (Workflow.getVersion keeps them replaying)
        "insurer-onboarding-live",
        "insurer-onboarding-retested",
        "insurer-onboarding-live-request-ids"
      })
  void insurerOnboardingHistoriesReplay(String name) throws Exception {
    Replays.replay(name, InsurerOnboardingWorkflowImpl.class);
  }
}
