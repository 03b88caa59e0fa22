package org.docport.workflows.insurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.docport.workflows.WorkflowHistories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

class InsurerOnboardingWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(InsurerOnboardingWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private static final String INSURER = "acme";

  private final InsurerOnboardingActivities activities =
      mock(InsurerOnboardingActivities.class, withSettings().withoutAnnotations());
  private TestWorkflowEnvironment env;
  private InsurerOnboardingWorkflow workflow;

  @BeforeEach
  void start(TestWorkflowEnvironment env, Worker worker) {
    this.env = env;
    when(activities.testConnection(INSURER)).thenReturn(new ConnectionCheck(true, null));
    worker.registerActivitiesImplementations(activities);
    env.start();
    workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                InsurerOnboardingWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(InsurerOnboardingWorkflow.workflowId(INSURER))
                    .setTaskQueue(worker.getTaskQueue())
                    .build());
    WorkflowClient.start(workflow::onboard, new InsurerOnboardingRequest(INSURER, false));
    await().until(() -> workflow.progress().step() == InsurerOnboardingStep.AWAITING_APPROVAL);
  }

  @Test
  void anApprovedInsurerGetsCredentialsPassesTheConnectionTestAndGoesLive() {
    workflow.decide(new ApprovalDecision(true, null));

    assertThat(result().step()).isEqualTo(InsurerOnboardingStep.LIVE);
    InOrder order = inOrder(activities);
    order.verify(activities).issueCredentials(eq(INSURER), any());
    order.verify(activities).testConnection(INSURER);
    order.verify(activities).goLive(INSURER);
    WorkflowHistories.record(
        env, InsurerOnboardingWorkflow.workflowId(INSURER), "insurer-onboarding-live-request-ids");
  }

  @Test
  void aRejectedRegistrationEndsWithTheReasonAndNothingIssued() {
    workflow.decide(new ApprovalDecision(false, "not a licensed insurer"));

    InsurerOnboardingProgress result = result();
    assertThat(result.step()).isEqualTo(InsurerOnboardingStep.REJECTED);
    assertThat(result.reason()).isEqualTo("not a licensed insurer");
    verify(activities, never()).issueCredentials(any(), any());
    verify(activities, never()).goLive(any());
  }

  @Test
  void aFailedConnectionTestSaysWhyAndWaitsForARetest() {
    when(activities.testConnection(INSURER))
        .thenReturn(new ConnectionCheck(false, "insurer unreachable: connection refused"))
        .thenReturn(new ConnectionCheck(true, null));
    workflow.decide(new ApprovalDecision(true, null));
    await().until(() -> workflow.progress().step() == InsurerOnboardingStep.CONNECTION_FAILED);
    assertThat(workflow.progress().reason()).isEqualTo("insurer unreachable: connection refused");
    verify(activities, never()).goLive(any());

    workflow.retest();

    assertThat(result().step()).isEqualTo(InsurerOnboardingStep.LIVE);
    verify(activities).goLive(INSURER);
    WorkflowHistories.record(
        env, InsurerOnboardingWorkflow.workflowId(INSURER), "insurer-onboarding-retested");
  }

  @Test
  void decisionsAndRetestsOutOfOrderAreRefused() {
    assertThatThrownBy(() -> workflow.retest())
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("only after a failed one");
    assertThatThrownBy(() -> workflow.decide(new ApprovalDecision(false, "")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("needs a reason");
    workflow.decide(new ApprovalDecision(true, null));
    assertThat(result().step()).isEqualTo(InsurerOnboardingStep.LIVE);
  }

  private InsurerOnboardingProgress result() {
    return WorkflowStub.fromTyped(workflow).getResult(InsurerOnboardingProgress.class);
  }
}
