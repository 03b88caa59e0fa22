package org.docport.workflows.consent;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import org.docport.workflows.ActivityPolicies;

/** See {@link OptOutWorkflow}. */
public class OptOutWorkflowImpl implements OptOutWorkflow {

  private final ConsentActivities registry =
      Workflow.newActivityStub(ConsentActivities.class, ActivityPolicies.REGISTRY);
  private final ConsentActivities insurer =
      Workflow.newActivityStub(ConsentActivities.class, ActivityPolicies.REMOTE);

  private ConsentStep step = ConsentStep.WITHDRAWING;
  private String reason;

  @Override
  public ConsentProgress revoke(ConsentKey key, String why, ConsentStep ending) {
    ConsentStep end = ending == null ? ConsentStep.REVOKED : ending;
    reason = why;
    try {
      insurer.withdraw(key, end, why);
    } catch (ActivityFailure e) {
      // Delivery stopped when the doctor revoked; only the clean-up at the insurer failed.
      reason = why + "; withdrawing the published data failed: " + OptInWorkflowImpl.reasonOf(e);
    }
    registry.conclude(key, end, reason);
    step = end;
    return progress();
  }

  @Override
  public ConsentProgress progress() {
    return new ConsentProgress(step, reason);
  }
}
