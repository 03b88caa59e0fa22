package org.docport.hub.insurer;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import java.util.List;
import java.util.Set;
import org.docport.hub.platform.Reconciliation;
import org.docport.hub.platform.Workflows;
import org.docport.hub.web.ApiException;
import org.docport.workflows.insurer.ApprovalDecision;
import org.docport.workflows.insurer.InsurerOnboardingProgress;
import org.docport.workflows.insurer.InsurerOnboardingRequest;
import org.docport.workflows.insurer.InsurerOnboardingStep;
import org.docport.workflows.insurer.InsurerOnboardingWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Insurers that register themselves: each application runs the insurer onboarding workflow ({@code
 * insurer-onboarding-{insurerId}}) until it is live or rejected. At start-up and on a schedule, any
 * application whose workflow is missing is resumed at the step the registry holds.
 */
@Service
public class InsurerApplications implements Reconciliation {

  private static final Logger log = LoggerFactory.getLogger(InsurerApplications.class);

  private static final Set<InsurerOnboardingStep> ENDED =
      Set.of(InsurerOnboardingStep.LIVE, InsurerOnboardingStep.REJECTED);

  private final Insurers insurers;
  private final WorkflowClient temporal;

  InsurerApplications(Insurers insurers, WorkflowClient temporal) {
    this.insurers = insurers;
    this.temporal = temporal;
  }

  /** Registers the insurer, not yet connected, and starts its onboarding. */
  public InsurerRegistration apply(InsurerRegistration application) {
    InsurerRegistration created =
        insurers.create(application, InsurerOnboardingStep.AWAITING_APPROVAL);
    Workflows.startAfterCommit(
        InsurerOnboardingWorkflow.workflowId(created.id()), () -> start(created.id(), false));
    return created;
  }

  public List<InsurerRegistration> pending() {
    return insurers.all().stream().filter(i -> !ENDED.contains(i.status())).toList();
  }

  public InsurerOnboardingProgress decide(String insurerId, ApprovalDecision decision) {
    insurers.get(insurerId);
    try {
      return stub(insurerId).decide(decision);
    } catch (WorkflowNotFoundException e) {
      throw notOnboarding(insurerId);
    } catch (WorkflowException e) {
      throw new ApiException(HttpStatus.CONFLICT, "Decision refused", Workflows.refusal(e));
    }
  }

  public InsurerOnboardingProgress retest(String insurerId) {
    insurers.get(insurerId);
    try {
      return stub(insurerId).retest();
    } catch (WorkflowNotFoundException e) {
      throw notOnboarding(insurerId);
    } catch (WorkflowException e) {
      throw new ApiException(HttpStatus.CONFLICT, "No connection test due", Workflows.refusal(e));
    }
  }

  @Override
  public void reconcile() {
    for (InsurerRegistration insurer : pending()) {
      try {
        if (!Workflows.isRunning(temporal, InsurerOnboardingWorkflow.workflowId(insurer.id()))) {
          start(insurer.id(), insurer.status() != InsurerOnboardingStep.AWAITING_APPROVAL);
          log.info("Resumed the onboarding of insurer {} at {}", insurer.id(), insurer.status());
        }
      } catch (RuntimeException e) {
        log.warn("Could not reconcile the onboarding of insurer {}", insurer.id(), e);
      }
    }
  }

  /** An insurer removed while still onboarding takes its workflow with it. */
  @EventListener
  void on(InsurerEvent.Removed removed) {
    String workflowId = InsurerOnboardingWorkflow.workflowId(removed.insurerId());
    if (Workflows.isRunning(temporal, workflowId)) {
      temporal.newUntypedWorkflowStub(workflowId).terminate("insurer removed by an operator");
    }
  }

  private void start(String insurerId, boolean approvedAlready) {
    InsurerOnboardingWorkflow workflow =
        temporal.newWorkflowStub(
            InsurerOnboardingWorkflow.class,
            Workflows.options(
                InsurerOnboardingWorkflow.workflowId(insurerId),
                InsurerOnboardingWorkflow.TASK_QUEUE));
    WorkflowClient.start(
        workflow::onboard, new InsurerOnboardingRequest(insurerId, approvedAlready));
  }

  private InsurerOnboardingWorkflow stub(String insurerId) {
    return temporal.newWorkflowStub(
        InsurerOnboardingWorkflow.class, InsurerOnboardingWorkflow.workflowId(insurerId));
  }

  private static ApiException notOnboarding(String insurerId) {
    return new ApiException(
        HttpStatus.CONFLICT,
        "No onboarding in progress",
        "Insurer " + insurerId + " is live or was rejected; its onboarding is over.");
  }
}
