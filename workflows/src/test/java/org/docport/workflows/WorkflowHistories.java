package org.docport.workflows;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Records workflow histories for the replay tests. Off by default; with {@code
 * -Dhistories.update=true} a scenario whose history has a new shape (other commands: activities,
 * timers, markers, its end, than its newest recording) is recorded as a new generation, {@code
 * <name>@2.json} and on; a recording is never overwritten, so the histories of workflows started by
 * older code keep being replayed ({@link Replays} replays every generation). A new generation means
 * a changed workflow, which needs {@code Workflow.getVersion}.
 */
public final class WorkflowHistories {

  static final Path DIRECTORY = Path.of("src/test/resources/histories");

  public static void record(TestWorkflowEnvironment env, String workflowId, String name) {
    if (!Boolean.getBoolean("histories.update")) {
      return;
    }
    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(workflowId);
    try {
      Files.createDirectories(DIRECTORY);
      List<Path> generations = generations(DIRECTORY, name);
      if (!generations.isEmpty()
          && shape(
                  WorkflowExecutionHistory.fromJson(
                      Files.readString(generations.get(generations.size() - 1))))
              .equals(shape(history))) {
        return; // the same workflow as recorded: keep the recording
      }
      String file =
          generations.isEmpty() ? name + ".json" : name + "@" + (generations.size() + 1) + ".json";
      Files.writeString(DIRECTORY.resolve(file), history.toJson(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recordings of a scenario, oldest first: {@code name.json}, {@code name@2.json}, ... */
  static List<Path> generations(Path directory, String name) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(
              f -> {
                String file = f.getFileName().toString();
                return file.equals(name + ".json")
                    || file.matches(java.util.regex.Pattern.quote(name) + "@\\d+\\.json");
              })
          .sorted(java.util.Comparator.comparingInt(WorkflowHistories::generation))
          .toList();
    }
  }

  private static int generation(Path file) {
    String name = file.getFileName().toString();
    int at = name.lastIndexOf('@');
    return at < 0 ? 1 : Integer.parseInt(name.substring(at + 1, name.length() - 5));
  }

  /**
   * What replay compares: the commands the workflow gave, as their events (activities scheduled,
   * timers started, markers such as {@code Workflow.getVersion}'s, the end). Workflow tasks,
   * signals and activity progress interleave differently from run to run and are not the workflow's
   * doing.
   */
  private static List<String> shape(WorkflowExecutionHistory history) {
    return history.getEvents().stream()
        .map(WorkflowHistories::command)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  private static String command(HistoryEvent event) {
    return switch (event.getEventType()) {
      case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED ->
          "activity:" + event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
      case EVENT_TYPE_TIMER_STARTED -> "timer";
      case EVENT_TYPE_MARKER_RECORDED ->
          "marker:" + event.getMarkerRecordedEventAttributes().getMarkerName();
      case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
          EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
          EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW ->
          event.getEventType().name();
      default -> null;
    };
  }

  private WorkflowHistories() {}
}
