package org.docport.workflows.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.UUID;
import org.docport.workflows.WorkflowHistories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

class OptOutWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(OptOutWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final ConsentKey key = new ConsentKey(UUID.randomUUID(), "acme");
  private final ConsentActivities activities =
      mock(ConsentActivities.class, withSettings().withoutAnnotations());
  private TestWorkflowEnvironment env;
  private OptOutWorkflow workflow;

  @BeforeEach
  void start(TestWorkflowEnvironment env, Worker worker) {
    this.env = env;
    worker.registerActivitiesImplementations(activities);
    env.start();
    workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                OptOutWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(key.optOutWorkflowId())
                    .setTaskQueue(worker.getTaskQueue())
                    .build());
  }

  @Test
  void revocationWithdrawsThePublishedDataThenRecordsRevoked() {
    ConsentProgress result = workflow.revoke(key, "revoked by the doctor", null);

    assertThat(result.step()).isEqualTo(ConsentStep.REVOKED);
    InOrder order = inOrder(activities);
    order.verify(activities).withdraw(key, ConsentStep.REVOKED, "revoked by the doctor");
    order.verify(activities).conclude(key, ConsentStep.REVOKED, "revoked by the doctor");
    WorkflowHistories.record(env, key.optOutWorkflowId(), "opt-out");
  }

  @Test
  void aWithdrawalResumedForALostOptInSagaEndsAsThatSagaMeantTo() {
    ConsentProgress result = workflow.revoke(key, "licence not valid here", ConsentStep.REJECTED);

    assertThat(result.step()).isEqualTo(ConsentStep.REJECTED);
    verify(activities).withdraw(key, ConsentStep.REJECTED, "licence not valid here");
    verify(activities).conclude(key, ConsentStep.REJECTED, "licence not valid here");
  }

  @Test
  void aWithdrawalTheInsurerRefusesStillRevokesAndSaysWhatIsLeft() {
    doThrow(ApplicationFailure.newNonRetryableFailure("HTTP 403 forbidden", "Refused"))
        .when(activities)
        .withdraw(any(), any(), anyString());

    ConsentProgress result = workflow.revoke(key, "revoked by the doctor", null);

    assertThat(result.step()).isEqualTo(ConsentStep.REVOKED);
    assertThat(result.reason())
        .isEqualTo(
            "revoked by the doctor; withdrawing the published data failed: HTTP 403 forbidden");
    verify(activities).conclude(key, ConsentStep.REVOKED, result.reason());
  }
}
