package org.docport.workflows.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.docport.workflows.WorkflowHistories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OnboardingWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(OnboardingWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private static final CredentialReport PASSED =
      new CredentialReport(List.of(), List.of("no registry for the Karnataka Medical Council"));

  private final UUID doctor = UUID.randomUUID();
  private final OnboardingActivities activities =
      mock(OnboardingActivities.class, withSettings().withoutAnnotations());
  private TestWorkflowEnvironment env;
  private OnboardingWorkflow workflow;

  @BeforeEach
  void start(TestWorkflowEnvironment env, Worker worker) {
    this.env = env;
    when(activities.checkCredentials(doctor)).thenReturn(PASSED);
    worker.registerActivitiesImplementations(activities);
    env.start();
    workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                OnboardingWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(OnboardingRequest.workflowId(doctor))
                    .setTaskQueue(worker.getTaskQueue())
                    .build());
    WorkflowClient.start(
        workflow::onboard,
        new OnboardingRequest(doctor, Duration.ofDays(3), Duration.ofDays(7), null));
    awaitStep(OnboardingStep.DRAFT);
  }

  @Test
  void aSubmittedDoctorWhoPassesTheChecksIsReviewedThenActive() {
    workflow.submit();
    awaitStep(OnboardingStep.IN_REVIEW);
    assertThat(workflow.progress().reviewNotes())
        .containsExactly("no registry for the Karnataka Medical Council");

    workflow.review(ReviewDecision.approve());

    assertThat(result().step()).isEqualTo(OnboardingStep.ACTIVE);
    verify(activities).activate(doctor);
    WorkflowHistories.record(env, OnboardingRequest.workflowId(doctor), "onboarding-approved");
  }

  @Test
  void failedChecksAndAReviewerSendTheDoctorBackUntilFixed() {
    when(activities.checkCredentials(doctor))
        .thenReturn(
            new CredentialReport(List.of("upload your degree certificate"), List.of()), PASSED);
    workflow.submit();
    awaitStep(OnboardingStep.CORRECTIONS_NEEDED);
    assertThat(workflow.progress().problems()).containsExactly("upload your degree certificate");

    workflow.submit();
    awaitStep(OnboardingStep.IN_REVIEW);
    workflow.review(ReviewDecision.reject("the licence copy is unreadable"));
    awaitStep(OnboardingStep.CORRECTIONS_NEEDED);
    assertThat(workflow.progress().problems()).containsExactly("the licence copy is unreadable");

    workflow.submit();
    awaitStep(OnboardingStep.IN_REVIEW);
    workflow.review(ReviewDecision.approve());

    assertThat(result().step()).isEqualTo(OnboardingStep.ACTIVE);
    verify(activities, times(3)).checkCredentials(doctor);
    verify(activities).activate(doctor);
    WorkflowHistories.record(env, OnboardingRequest.workflowId(doctor), "onboarding-corrected");
  }

  @Test
  void anUntouchedDraftIsRemindedAfterThreeDaysAndUnansweredCorrectionsAfterSeven() {
    env.sleep(Duration.ofDays(3).plusHours(1));
    verify(activities, times(1)).remind(eq(doctor), any(), any());

    when(activities.checkCredentials(doctor))
        .thenReturn(new CredentialReport(List.of("licence expired"), List.of()));
    workflow.submit();
    awaitStep(OnboardingStep.CORRECTIONS_NEEDED);
    env.sleep(Duration.ofDays(6));
    verify(activities, times(1)).remind(eq(doctor), any(), any());
    env.sleep(Duration.ofDays(1).plusHours(1));
    verify(activities, times(2)).remind(eq(doctor), any(), any());
    assertThat(workflow.progress().remindersSent()).isEqualTo(2);
    WorkflowHistories.record(env, OnboardingRequest.workflowId(doctor), "onboarding-reminded");
  }

  @Test
  void editingTheDraftStartsTheReminderClockAgain() {
    env.sleep(Duration.ofDays(2));
    workflow.touched();
    env.sleep(Duration.ofDays(2));

    verify(activities, never()).remind(any(), any(), any());
    env.sleep(Duration.ofDays(1).plusHours(1));
    verify(activities).remind(eq(doctor), any(), any());
  }

  @Test
  void stepsOutOfOrderAreRefusedWithTheReason() {
    assertThatThrownBy(() -> workflow.review(ReviewDecision.approve()))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("no review is due: the onboarding is DRAFT");
    workflow.submit();
    awaitStep(OnboardingStep.IN_REVIEW);
    assertThatThrownBy(() -> workflow.submit())
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("nothing to submit: the onboarding is IN_REVIEW");
    assertThatThrownBy(() -> workflow.review(new ReviewDecision(false, List.of(" "))))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("at least one reason");
  }

  @Test
  void aResumedOnboardingPicksUpWhereTheRegistrySaysItWas() {
    String id = "onboarding-resumed-" + doctor;
    OnboardingWorkflow resumed =
        env.getWorkflowClient()
            .newWorkflowStub(
                OnboardingWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(id)
                    .setTaskQueue(workflowTaskQueue())
                    .build());
    WorkflowClient.start(
        resumed::onboard,
        new OnboardingRequest(
            doctor,
            Duration.ofDays(3),
            Duration.ofDays(7),
            new OnboardingProgress(OnboardingStep.IN_REVIEW, List.of(), List.of("note"), 1)));
    await().until(() -> resumed.progress().step() == OnboardingStep.IN_REVIEW);

    resumed.review(ReviewDecision.approve());

    assertThat(WorkflowStub.fromTyped(resumed).getResult(OnboardingProgress.class).step())
        .isEqualTo(OnboardingStep.ACTIVE);
    verify(activities, never()).checkCredentials(doctor);
  }

  private String workflowTaskQueue() {
    return WorkflowStub.fromTyped(workflow).getOptions().orElseThrow().getTaskQueue();
  }

  private OnboardingProgress result() {
    return WorkflowStub.fromTyped(workflow).getResult(OnboardingProgress.class);
  }

  private void awaitStep(OnboardingStep step) {
    await().until(() -> workflow.progress().step() == step);
  }
}
