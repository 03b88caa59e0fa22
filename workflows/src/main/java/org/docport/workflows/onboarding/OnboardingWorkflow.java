package org.docport.workflows.onboarding;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A doctor's onboarding ({@code onboarding-{doctorId}}): draft, submitted, credential checks,
 * operator review, active. Checks or a reviewer may send it back with reasons the doctor can fix
 * and resubmit. While it waits for the doctor, durable timers send reminders.
 */
@WorkflowInterface
public interface OnboardingWorkflow {

  String TASK_QUEUE = "docport-onboarding";

  @WorkflowMethod
  OnboardingProgress onboard(OnboardingRequest request);

  /** The doctor submits (or resubmits) the profile for checks. */
  @UpdateMethod
  OnboardingProgress submit();

  @UpdateValidatorMethod(updateName = "submit")
  void validateSubmit();

  /** An operator's review decision. */
  @UpdateMethod
  OnboardingProgress review(ReviewDecision decision);

  @UpdateValidatorMethod(updateName = "review")
  void validateReview(ReviewDecision decision);

  /** The doctor changed the draft: the reminder clock starts again. */
  @SignalMethod
  void touched();

  @QueryMethod
  OnboardingProgress progress();
}
