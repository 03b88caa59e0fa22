package org.docport.workflows.consent;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The opt-in saga ({@code consent-{doctorId}-{insurerId}}): requested, enrolled at the insurer
 * (full profile delivered), the insurer's decision, active. Every forward step registers its
 * compensation first; a rejection, a timeout or a failure withdraws what was published and ends the
 * consent REJECTED or FAILED with the reason.
 */
@WorkflowInterface
public interface OptInWorkflow {

  String TASK_QUEUE = "docport-consent";

  @WorkflowMethod
  ConsentProgress optIn(OptInRequest request);

  /** The insurer's decision; refused (the caller gets why) unless an enrolment awaits it. */
  @UpdateMethod
  ConsentProgress decide(InsurerDecision decision);

  @UpdateValidatorMethod(updateName = "decide")
  void validateDecision(InsurerDecision decision);

  /** The doctor withdrew the request before it became active. */
  @SignalMethod
  void cancel(String reason);

  @QueryMethod
  ConsentProgress progress();
}
