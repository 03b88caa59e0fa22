package org.docport.workflows.insurer;

import io.temporal.testing.WorkflowReplayer;
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
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/" + name + ".json", InsurerOnboardingWorkflowImpl.class);
  }
}
