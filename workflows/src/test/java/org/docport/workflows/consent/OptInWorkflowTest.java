package org.docport.workflows.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
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
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.UUID;
import org.docport.workflows.WorkflowHistories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

class OptInWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(OptInWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final ConsentKey key = new ConsentKey(UUID.randomUUID(), "acme");
  private final ConsentActivities activities =
      mock(ConsentActivities.class, withSettings().withoutAnnotations());
  private TestWorkflowEnvironment env;
  private OptInWorkflow workflow;

  @BeforeEach
  void start(TestWorkflowEnvironment env, Worker worker) {
    this.env = env;
    when(activities.confirmEnrolled(any())).thenReturn(true);
    when(activities.activate(any())).thenReturn(true);
    worker.registerActivitiesImplementations(activities);
    env.start();
    workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                OptInWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(key.optInWorkflowId())
                    .setTaskQueue(worker.getTaskQueue())
                    .build());
  }

  @Test
  void anAutoAcceptingInsurerMakesTheConsentActiveAfterEnrolment() {
    ConsentProgress result = workflow.optIn(request(true));

    assertThat(result.step()).isEqualTo(ConsentStep.ACTIVE);
    InOrder order = inOrder(activities);
    order.verify(activities).enrol(key);
    order.verify(activities).confirmEnrolled(key);
    order.verify(activities).activate(key);
    verify(activities, never()).withdraw(any(), any(), any());
    verify(activities, never()).conclude(any(), any(), any());
    WorkflowHistories.record(env, key.optInWorkflowId(), "opt-in-auto-accepted");
  }

  @Test
  void theInsurersAcceptanceActivatesTheConsent() {
    WorkflowClient.start(workflow::optIn, request(false));
    awaitStep(ConsentStep.AWAITING_DECISION);

    workflow.decide(InsurerDecision.accept());

    assertThat(result().step()).isEqualTo(ConsentStep.ACTIVE);
    verify(activities).activate(key);
    verify(activities, never()).withdraw(any(), any(), any());
    WorkflowHistories.record(env, key.optInWorkflowId(), "opt-in-accepted");
  }

  @Test
  void aRejectionWithdrawsThePublishedDataThenEndsRejectedWithTheReason() {
    WorkflowClient.start(workflow::optIn, request(false));
    awaitStep(ConsentStep.AWAITING_DECISION);

    workflow.decide(InsurerDecision.reject("licence not valid in our region"));

    ConsentProgress result = result();
    assertThat(result.step()).isEqualTo(ConsentStep.REJECTED);
    assertThat(result.reason()).isEqualTo("licence not valid in our region");
    InOrder order = inOrder(activities);
    order.verify(activities).withdraw(key, ConsentStep.REJECTED, "licence not valid in our region");
    order.verify(activities).conclude(key, ConsentStep.REJECTED, "licence not valid in our region");
    verify(activities, never()).activate(any());
    WorkflowHistories.record(env, key.optInWorkflowId(), "opt-in-rejected");
  }

  @Test
  void anInsurerThatNeverDecidesTimesOutAndTheDataIsWithdrawn() {
    WorkflowClient.start(workflow::optIn, request(false));
    awaitStep(ConsentStep.AWAITING_DECISION);

    env.sleep(Duration.ofDays(15));

    ConsentProgress result = result();
    assertThat(result.step()).isEqualTo(ConsentStep.FAILED);
    assertThat(result.reason()).isEqualTo("the insurer did not decide within 14 days");
    verify(activities).withdraw(key, ConsentStep.FAILED, result.reason());
    verify(activities).conclude(key, ConsentStep.FAILED, result.reason());
    WorkflowHistories.record(env, key.optInWorkflowId(), "opt-in-timed-out");
  }

  @Test
  void anEnrolmentTheInsurerRefusesFailsWithItsReasonAndIsWithdrawn() {
    doThrow(
            ApplicationFailure.newNonRetryableFailure(
                "the insurer refused the profile (HTTP 422): NPI unknown", "EnrolmentRefused"))
        .when(activities)
        .confirmEnrolled(key);

    ConsentProgress result = workflow.optIn(request(true));

    assertThat(result.step()).isEqualTo(ConsentStep.FAILED);
    assertThat(result.reason())
        .isEqualTo("the insurer refused the profile (HTTP 422): NPI unknown");
    verify(activities).withdraw(key, ConsentStep.FAILED, result.reason());
    verify(activities).conclude(key, ConsentStep.FAILED, result.reason());
    verify(activities, never()).activate(any());
  }

  @Test
  void aFailedEnrolStepIsStillCompensatedBecauseItMayHaveHalfSucceeded() {
    doThrow(ApplicationFailure.newNonRetryableFailure("registry unavailable", "Boom"))
        .when(activities)
        .enrol(key);

    ConsentProgress result = workflow.optIn(request(true));

    assertThat(result.step()).isEqualTo(ConsentStep.FAILED);
    verify(activities).withdraw(key, ConsentStep.FAILED, "registry unavailable");
    verify(activities).conclude(key, ConsentStep.FAILED, "registry unavailable");
  }

  @Test
  void theDoctorWithdrawingBeforeTheDecisionRevokesAndWithdraws() {
    WorkflowClient.start(workflow::optIn, request(false));
    awaitStep(ConsentStep.AWAITING_DECISION);

    workflow.cancel(null);

    ConsentProgress result = result();
    assertThat(result.step()).isEqualTo(ConsentStep.REVOKED);
    assertThat(result.reason()).isEqualTo(OptInWorkflowImpl.WITHDRAWN);
    verify(activities).withdraw(key, ConsentStep.REVOKED, OptInWorkflowImpl.WITHDRAWN);
    verify(activities).conclude(key, ConsentStep.REVOKED, OptInWorkflowImpl.WITHDRAWN);
    WorkflowHistories.record(env, key.optInWorkflowId(), "opt-in-cancelled");
  }

  @Test
  void aWithdrawalSeenByTheRegistryFirstAlsoEndsRevoked() {
    when(activities.confirmEnrolled(key)).thenReturn(false);

    ConsentProgress result = workflow.optIn(request(true));

    assertThat(result.step()).isEqualTo(ConsentStep.REVOKED);
    verify(activities).withdraw(key, ConsentStep.REVOKED, OptInWorkflowImpl.WITHDRAWN);
    verify(activities, never()).activate(any());
  }

  @Test
  void aFailingWithdrawalIsReportedInTheReason() {
    doThrow(ApplicationFailure.newNonRetryableFailure("HTTP 403 forbidden", "Refused"))
        .when(activities)
        .withdraw(any(), any(), anyString());
    WorkflowClient.start(workflow::optIn, request(false));
    awaitStep(ConsentStep.AWAITING_DECISION);

    workflow.decide(InsurerDecision.reject("not in network"));

    ConsentProgress result = result();
    assertThat(result.step()).isEqualTo(ConsentStep.REJECTED);
    assertThat(result.reason())
        .isEqualTo("not in network; withdrawing the published data failed: HTTP 403 forbidden");
  }

  @Test
  void decisionsThatMakeNoSenseAreRefusedWithTheReason() {
    WorkflowClient.start(workflow::optIn, request(false));
    awaitStep(ConsentStep.AWAITING_DECISION);

    assertThatThrownBy(() -> workflow.decide(new InsurerDecision(false, " ")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("a rejection needs a reason");
    workflow.decide(InsurerDecision.accept());
    assertThat(result().step()).isEqualTo(ConsentStep.ACTIVE);
    assertThatThrownBy(() -> workflow.decide(InsurerDecision.reject("changed our mind")))
        .isInstanceOf(RuntimeException.class);
  }

  private OptInRequest request(boolean autoAccept) {
    return new OptInRequest(key, autoAccept, Duration.ofDays(14));
  }

  private ConsentProgress result() {
    return WorkflowStub.fromTyped(workflow).getResult(ConsentProgress.class);
  }

  /** Waits in real time: without a client blocked on the result, workflow time stands still. */
  private void awaitStep(ConsentStep step) {
    await().until(() -> workflow.progress().step() == step);
  }
}
