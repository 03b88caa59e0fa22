package org.docport.hub.onboarding;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;
import java.util.Optional;
import java.util.UUID;
import org.docport.hub.platform.Workflows;
import org.docport.hub.registry.DoctorChanged;
import org.docport.hub.web.ApiException;
import org.docport.workflows.onboarding.OnboardingProgress;
import org.docport.workflows.onboarding.OnboardingRequest;
import org.docport.workflows.onboarding.OnboardingWorkflow;
import org.docport.workflows.onboarding.ReviewDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/** Starts and steers doctors' onboarding workflows ({@code onboarding-{doctorId}}). */
@Service
@EnableConfigurationProperties(OnboardingSettings.class)
public class OnboardingWorkflows {

  private static final Logger log = LoggerFactory.getLogger(OnboardingWorkflows.class);

  private final WorkflowClient temporal;
  private final OnboardingSettings settings;

  OnboardingWorkflows(WorkflowClient temporal, OnboardingSettings settings) {
    this.temporal = temporal;
    this.settings = settings;
  }

  /** A doctor who signed up starts onboarding; later edits restart the reminder clock. */
  @TransactionalEventListener
  void on(DoctorChanged change) {
    if (!change.onboarding()) {
      return;
    }
    if (change.created()) {
      Workflows.startAfterCommit(
          OnboardingRequest.workflowId(change.doctorId()), () -> start(change.doctorId(), null));
    } else {
      try {
        stub(change.doctorId()).touched();
      } catch (WorkflowNotFoundException e) {
        // onboarded already, or entered by an operator: no onboarding to tell
      } catch (RuntimeException e) {
        // The edit is committed; a missed nudge only means an earlier reminder.
        log.warn(
            "Could not tell the onboarding of {} about an edit: {}",
            change.doctorId(),
            e.toString());
      }
    }
  }

  /** Starts (or resumes at {@code from}) a doctor's onboarding unless it runs already. */
  void start(UUID doctorId, OnboardingProgress from) {
    OnboardingWorkflow workflow =
        temporal.newWorkflowStub(
            OnboardingWorkflow.class,
            Workflows.options(
                OnboardingRequest.workflowId(doctorId), OnboardingWorkflow.TASK_QUEUE));
    OnboardingRequest request =
        new OnboardingRequest(
            doctorId, settings.draftReminder(), settings.correctionReminder(), from);
    WorkflowClient.start(workflow::onboard, request);
  }

  boolean isRunning(UUID doctorId) {
    return Workflows.isRunning(temporal, OnboardingRequest.workflowId(doctorId));
  }

  /** The running workflow's own view of the onboarding (its query), if one runs. */
  Optional<OnboardingProgress> progress(UUID doctorId) {
    try {
      return Optional.of(stub(doctorId).progress());
    } catch (WorkflowNotFoundException | WorkflowQueryException e) {
      return Optional.empty();
    }
  }

  /** The doctor submits the profile for checks. */
  public OnboardingProgress submit(UUID doctorId) {
    try {
      return stub(doctorId).submit();
    } catch (WorkflowNotFoundException e) {
      throw noOnboarding(doctorId);
    } catch (WorkflowException e) {
      throw new ApiException(HttpStatus.CONFLICT, "Cannot submit", Workflows.refusal(e));
    }
  }

  /** An operator's review. */
  public OnboardingProgress review(UUID doctorId, ReviewDecision decision) {
    try {
      return stub(doctorId).review(decision);
    } catch (WorkflowNotFoundException e) {
      throw noOnboarding(doctorId);
    } catch (WorkflowException e) {
      throw new ApiException(HttpStatus.CONFLICT, "Review refused", Workflows.refusal(e));
    }
  }

  private OnboardingWorkflow stub(UUID doctorId) {
    return temporal.newWorkflowStub(
        OnboardingWorkflow.class, OnboardingRequest.workflowId(doctorId));
  }

  private static ApiException noOnboarding(UUID doctorId) {
    return new ApiException(
        HttpStatus.CONFLICT,
        "No onboarding in progress",
        "Doctor " + doctorId + " is onboarded already (or was entered by an operator).");
  }
}
