package org.docport.hub.platform;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every feature does with Temporal workflows whose ids are business keys. */
public final class Workflows {

  private static final Logger log = LoggerFactory.getLogger(Workflows.class);

  private Workflows() {}

  /**
   * Options for a workflow with a business-key id: starting it while a run with that id is open
   * leaves that run running and answers it (starting twice is harmless), and a closed run does not
   * block a new one (a consent may end and be requested again).
   */
  public static WorkflowOptions options(String workflowId, String taskQueue) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(taskQueue)
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .build();
  }

  /**
   * Starts a workflow for a change the registry has just committed. If Temporal cannot be reached
   * now, the change stands and the reconcilers start the workflow later, so the caller still gets
   * its answer.
   */
  public static void startAfterCommit(String what, Runnable start) {
    try {
      start.run();
    } catch (RuntimeException e) {
      log.warn("Could not start {} now; the reconciler will: {}", what, e.toString());
    }
  }

  /** Whether the latest run of the workflow is still running. */
  public static boolean isRunning(WorkflowClient temporal, String workflowId) {
    try {
      return temporal
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(temporal.getOptions().getNamespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .build())
              .getWorkflowExecutionInfo()
              .getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /** Why a workflow refused an update, as its validator phrased it. */
  public static String refusal(WorkflowException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure failure) {
        return failure.getOriginalMessage();
      }
    }
    return e.getMessage();
  }
}
