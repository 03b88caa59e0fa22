package org.docport.workflows;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.nio.file.Path;
import java.util.List;

/** Replays recorded workflow histories against today's workflow code. */
public final class Replays {

  /**
   * The SDK calls a workflow thread that holds on for over a second a potential deadlock; a build
   * machine under load can pause the first replay that long while it loads classes, which is not a
   * determinism problem. Replays therefore allow a minute: a real nondeterminism still fails at
   * once, whatever this says.
   */
  private static final long DEADLOCK_DETECTION_MILLIS = 60_000;

  private Replays() {}

  /**
   * Replays every recorded generation of {@code histories/<name>.json} ({@link WorkflowHistories})
   * with these workflow implementations.
   */
  public static void replay(String name, Class<?>... workflows) throws Exception {
    Path directory = Path.of(Replays.class.getResource("/histories").toURI());
    List<Path> generations = WorkflowHistories.generations(directory, name);
    if (generations.isEmpty()) {
      throw new IllegalStateException("no recorded history " + name);
    }
    for (Path generation : generations) {
      try (TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance()) {
        Worker worker =
            environment.newWorker(
                "replay",
                WorkerOptions.newBuilder()
                    .setDefaultDeadlockDetectionTimeout(DEADLOCK_DETECTION_MILLIS)
                    .build());
        worker.registerWorkflowImplementationTypes(workflows);
        WorkflowReplayer.replayWorkflowExecutionFromResource(
            "histories/" + generation.getFileName(), worker);
      }
    }
  }
}
