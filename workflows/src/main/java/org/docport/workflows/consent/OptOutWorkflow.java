package org.docport.workflows.consent;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Opt-out ({@code consent-revoke-{doctorId}-{insurerId}}): delivery to the insurer has already
 * stopped when this starts (the hub ends it in the request that revokes); the workflow withdraws
 * the published resources and records the consent REVOKED. It also finishes a withdrawal whose
 * opt-in saga was lost, ending it as that saga meant to ({@code ending}; {@code null} is REVOKED).
 */
@WorkflowInterface
public interface OptOutWorkflow {

  String TASK_QUEUE = OptInWorkflow.TASK_QUEUE;

  @WorkflowMethod
  ConsentProgress revoke(ConsentKey key, String reason, ConsentStep ending);

  @QueryMethod
  ConsentProgress progress();
}
