package org.docport.workflows.consent;

import org.docport.workflows.Replays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded histories against today's workflow code: a change that would break workflows
 * already running (non-determinism) fails here, not in production.
 */
class ConsentReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "opt-in-auto-accepted",
        "opt-in-accepted",
        "opt-in-rejected",
        "opt-in-timed-out",
        "opt-in-cancelled"
      })
  void optInHistoriesReplay(String name) throws Exception {
    Replays.replay(name, OptInWorkflowImpl.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"opt-out"})
  void optOutHistoriesReplay(String name) throws Exception {
    Replays.replay(name, OptOutWorkflowImpl.class);
  }
}
