package org.docport.workflows.onboarding;

import org.docport.workflows.Replays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replays recorded onboarding histories against today's workflow code. */
class OnboardingReplayTest {

  @ParameterizedTest
  @ValueSource(strings = {"onboarding-approved", "onboarding-corrected", "onboarding-reminded"})
  void onboardingHistoriesReplay(String name) throws Exception {
    Replays.replay(name, OnboardingWorkflowImpl.class);
  }
}
