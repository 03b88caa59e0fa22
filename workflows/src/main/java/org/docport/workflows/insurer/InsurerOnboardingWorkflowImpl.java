package org.docport.workflows.insurer;

import io.temporal.workflow.Workflow;
import org.docport.workflows.ActivityPolicies;
import org.docport.workflows.RequestIds;

/** See {@link InsurerOnboardingWorkflow}. */
public class InsurerOnboardingWorkflowImpl implements InsurerOnboardingWorkflow {

  private final InsurerOnboardingActivities registry =
      Workflow.newActivityStub(InsurerOnboardingActivities.class, ActivityPolicies.REGISTRY);
  private final InsurerOnboardingActivities remote =
      Workflow.newActivityStub(InsurerOnboardingActivities.class, ActivityPolicies.REMOTE);

  private InsurerOnboardingStep step = InsurerOnboardingStep.AWAITING_APPROVAL;
  private String reason;
  private ApprovalDecision decision;
  private boolean retest;

  @Override
  public InsurerOnboardingProgress onboard(InsurerOnboardingRequest request) {
    String insurerId = request.insurerId();
    if (request.approvedAlready()) {
      decision = new ApprovalDecision(true, null);
    } else {
      registry.record(insurerId, progress());
    }
    Workflow.await(() -> decision != null);
    if (!decision.approved()) {
      return moveTo(insurerId, InsurerOnboardingStep.REJECTED, decision.reason());
    }
    moveTo(insurerId, InsurerOnboardingStep.ISSUING_CREDENTIALS, null);
    registry.issueCredentials(insurerId, RequestIds.next("credentials-request-id"));
    while (true) {
      moveTo(insurerId, InsurerOnboardingStep.TESTING_CONNECTION, null);
      ConnectionCheck check = remote.testConnection(insurerId);
      if (check.ok()) {
        break;
      }
      moveTo(insurerId, InsurerOnboardingStep.CONNECTION_FAILED, check.detail());
      retest = false;
      Workflow.await(() -> retest);
    }
    registry.goLive(insurerId);
    return moveTo(insurerId, InsurerOnboardingStep.LIVE, null);
  }

  private InsurerOnboardingProgress moveTo(
      String insurerId, InsurerOnboardingStep next, String why) {
    step = next;
    reason = why;
    registry.record(insurerId, progress());
    return progress();
  }

  @Override
  public InsurerOnboardingProgress decide(ApprovalDecision answer) {
    decision = answer;
    return answer.approved()
        ? new InsurerOnboardingProgress(InsurerOnboardingStep.ISSUING_CREDENTIALS, null)
        : new InsurerOnboardingProgress(InsurerOnboardingStep.REJECTED, answer.reason());
  }

  @Override
  public void validateDecision(ApprovalDecision answer) {
    if (answer == null) {
      throw new IllegalArgumentException("a decision is required");
    }
    if (step != InsurerOnboardingStep.AWAITING_APPROVAL || decision != null) {
      throw new IllegalStateException(
          "the registration was decided already (the insurer is " + step + ")");
    }
    if (!answer.approved() && (answer.reason() == null || answer.reason().isBlank())) {
      throw new IllegalArgumentException("a rejection needs a reason the insurer can act on");
    }
  }

  @Override
  public InsurerOnboardingProgress retest() {
    retest = true;
    return new InsurerOnboardingProgress(InsurerOnboardingStep.TESTING_CONNECTION, null);
  }

  @Override
  public void validateRetest() {
    if (step != InsurerOnboardingStep.CONNECTION_FAILED || retest) {
      throw new IllegalStateException(
          "a connection test runs only after a failed one (the insurer is " + step + ")");
    }
  }

  @Override
  public InsurerOnboardingProgress progress() {
    return new InsurerOnboardingProgress(step, reason);
  }
}
