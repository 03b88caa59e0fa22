package org.docport.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.UUID;
import org.docport.hub.HubTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Workflows whose ids are business keys, started on the Temporal server the hub runs (by default
 * the in-process test server of temporal-testing). The workflow type has no worker: starting a
 * workflow does not need one.
 */
class WorkflowsTest extends HubTest {

  private static final String TYPE = "BusinessKeyProbe";
  private static final String QUEUE = "docport-workflows-test";

  @Autowired WorkflowClient temporal;

  private final String workflowId = "business-key-" + UUID.randomUUID();

  @AfterEach
  void endTheRun() {
    if (Workflows.isRunning(temporal, workflowId)) {
      temporal.newUntypedWorkflowStub(workflowId).terminate("test over");
    }
  }

  @Test
  void startingAWorkflowWhoseIdRunsAlreadyLeavesThatRunRunning() {
    WorkflowExecution first = start(Workflows.options(workflowId, QUEUE));
    WorkflowExecution second = start(Workflows.options(workflowId, QUEUE));

    assertThat(second.getRunId()).isEqualTo(first.getRunId());
    assertThat(Workflows.isRunning(temporal, workflowId)).isTrue();
  }

  @Test
  void aClosedRunDoesNotBlockANewOneWithTheSameId() {
    WorkflowExecution first = start(Workflows.options(workflowId, QUEUE));
    temporal.newUntypedWorkflowStub(workflowId).terminate("the consent ended");

    WorkflowExecution second = start(Workflows.options(workflowId, QUEUE));

    assertThat(second.getRunId()).isNotEqualTo(first.getRunId());
    assertThat(Workflows.isRunning(temporal, workflowId)).isTrue();
  }

  /** What the business key's conflict policy spares callers: with FAIL, a second start fails. */
  @Test
  void withoutTheBusinessKeysConflictPolicyASecondStartFails() {
    WorkflowOptions failing =
        Workflows.options(workflowId, QUEUE).toBuilder()
            .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
            .build();
    start(failing);

    assertThatThrownBy(() -> start(failing)).isInstanceOf(WorkflowExecutionAlreadyStarted.class);
  }

  private WorkflowExecution start(WorkflowOptions options) {
    return temporal.newUntypedWorkflowStub(TYPE, options).start();
  }
}
