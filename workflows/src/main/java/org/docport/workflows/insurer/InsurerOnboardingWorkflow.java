package org.docport.workflows.insurer;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * An insurer's onboarding ({@code insurer-onboarding-{insurerId}}): registered, approved by an
 * operator, credentials issued, connection tested, live. A failed connection test says why and
 * waits for the endpoint to be fixed and tested again.
 */
@WorkflowInterface
public interface InsurerOnboardingWorkflow {

  String TASK_QUEUE = "docport-insurer-onboarding";

  static String workflowId(String insurerId) {
    return "insurer-onboarding-" + insurerId;
  }

  @WorkflowMethod
  InsurerOnboardingProgress onboard(InsurerOnboardingRequest request);

  /** An operator approves or rejects the registration. */
  @UpdateMethod
  InsurerOnboardingProgress decide(ApprovalDecision decision);

  @UpdateValidatorMethod(updateName = "decide")
  void validateDecision(ApprovalDecision decision);

  /** Tests the connection again, after a failed test. */
  @UpdateMethod
  InsurerOnboardingProgress retest();

  @UpdateValidatorMethod(updateName = "retest")
  void validateRetest();

  @QueryMethod
  InsurerOnboardingProgress progress();
}
