package org.docport.workflows;

import io.temporal.workflow.Workflow;
import java.util.UUID;

/** Request ids for activities with side effects outside the registry (e-mails). */
public final class RequestIds {

  private RequestIds() {}

  /**
   * A new request id, the same on every replay. Drawing it consumes the workflow's random numbers,
   * which also name its activities, so it is a change to the workflow's commands: runs that began
   * before the {@code change} must not draw one (they get {@code null}), or their replay would no
   * longer match their history. {@code ConsentReplayTest} and its siblings catch the omission.
   */
  public static UUID next(String change) {
    return Workflow.getVersion(change, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION
        ? null
        : Workflow.randomUUID();
  }
}
