package org.docport.workflows;

import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records workflow histories for the replay tests. Off by default; {@code -Dhistories.update=true}
 * rewrites the recorded files from the current workflow code (check the diff: a changed history
 * means a changed workflow, which needs {@code Workflow.getVersion}).
 */
public final class WorkflowHistories {

  static final Path DIRECTORY = Path.of("src/test/resources/histories");

  public static void record(TestWorkflowEnvironment env, String workflowId, String name) {
    if (!Boolean.getBoolean("histories.update")) {
      return;
    }
    try {
      Files.createDirectories(DIRECTORY);
      Files.writeString(
          DIRECTORY.resolve(name + ".json"),
          env.getWorkflowClient().fetchHistory(workflowId).toJson(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private WorkflowHistories() {}
}
