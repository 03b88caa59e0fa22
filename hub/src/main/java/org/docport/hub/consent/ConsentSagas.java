package org.docport.hub.consent;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import org.docport.hub.insurer.InsurerRegistration;
import org.docport.hub.insurer.Insurers;
import org.docport.hub.platform.Workflows;
import org.docport.hub.web.ApiException;
import org.docport.workflows.consent.ConsentKey;
import org.docport.workflows.consent.ConsentProgress;
import org.docport.workflows.consent.ConsentStep;
import org.docport.workflows.consent.InsurerDecision;
import org.docport.workflows.consent.OptInRequest;
import org.docport.workflows.consent.OptInWorkflow;
import org.docport.workflows.consent.OptOutWorkflow;
import org.springframework.stereotype.Service;

/**
 * Starts and steers the consent workflows. The registry changes first, in the request (so a
 * revocation stops delivery at that instant); the workflows then do the slow part. Workflow ids are
 * business keys, so starting one twice is harmless.
 */
@Service
public class ConsentSagas {

  static final String REVOKED_BY_DOCTOR = "revoked by the doctor";

  private final WorkflowClient temporal;
  private final ConsentManagement consents;
  private final Insurers insurers;

  ConsentSagas(WorkflowClient temporal, ConsentManagement consents, Insurers insurers) {
    this.temporal = temporal;
    this.consents = consents;
    this.insurers = insurers;
  }

  /** The doctor asks to join the insurer. */
  public Consent optIn(ConsentKey key, String actor) {
    Consent consent = consents.request(key, actor);
    Workflows.startAfterCommit(key.optInWorkflowId(), () -> startOptIn(key));
    return consent;
  }

  /** The doctor opts out (or withdraws a request still in progress). */
  public Consent revoke(ConsentKey key, String actor) {
    ConsentStatus before = consents.withdrawByDoctor(key, REVOKED_BY_DOCTOR, actor);
    // Delivery has stopped already; the withdrawal at the insurer follows.
    Workflows.startAfterCommit(
        key.optOutWorkflowId(),
        () -> {
          if (before == ConsentStatus.ACTIVE || !cancelOptIn(key)) {
            startOptOut(key, REVOKED_BY_DOCTOR, ConsentStep.REVOKED);
          }
        });
    return consents.get(key);
  }

  /**
   * The insurer's decision on an enrolment, as it sent it: accepted or not, and for a rejection a
   * reason the doctor can act on (at most 1,000 characters).
   *
   * @throws ApiException 400 naming the field that is missing or too long; 409 when no enrolment of
   *     this doctor awaits the insurer's decision
   */
  public ConsentProgress decide(ConsentKey key, Boolean accepted, String reason) {
    if (accepted == null) {
      throw ApiException.invalidField("Invalid decision", "accepted", "required: true or false");
    }
    if (!accepted && (reason == null || reason.isBlank())) {
      throw ApiException.invalidField(
          "Invalid decision", "reason", "required for a rejection: what the doctor should fix");
    }
    if (reason != null && reason.length() > 1000) {
      throw ApiException.invalidField("Invalid decision", "reason", "at most 1000 characters");
    }
    return decide(key, new InsurerDecision(accepted, reason));
  }

  /**
   * The insurer's decision on an enrolment.
   *
   * @throws ApiException 409 when no enrolment of this doctor awaits the insurer's decision
   */
  public ConsentProgress decide(ConsentKey key, InsurerDecision decision) {
    OptInWorkflow saga = temporal.newWorkflowStub(OptInWorkflow.class, key.optInWorkflowId());
    try {
      return saga.decide(decision);
    } catch (WorkflowNotFoundException e) {
      throw ConsentManagement.conflict(
          "No enrolment awaits a decision",
          "Doctor " + key.doctorId() + " has no enrolment in progress at " + key.insurerId() + ".");
    } catch (WorkflowException e) {
      throw ConsentManagement.conflict("Decision refused", Workflows.refusal(e));
    }
  }

  /** Starts the opt-in saga unless it runs already. */
  void startOptIn(ConsentKey key) {
    startOptIn(key, Duration.ZERO);
  }

  /**
   * Starts the opt-in saga unless it runs already; a saga restarted after the doctor has waited
   * {@code waited} gets only what is left of the insurer's decision time (at least a minute).
   */
  void startOptIn(ConsentKey key, Duration waited) {
    InsurerRegistration.Enrolment enrolment = insurers.get(key.insurerId()).enrolmentOrDefault();
    Duration left = enrolment.decisionTimeoutOrDefault().minus(waited);
    Duration timeout = left.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : left;
    OptInWorkflow saga =
        temporal.newWorkflowStub(
            OptInWorkflow.class,
            Workflows.options(key.optInWorkflowId(), OptInWorkflow.TASK_QUEUE));
    WorkflowClient.start(
        saga::optIn, new OptInRequest(key, enrolment.autoAcceptOrDefault(), timeout));
  }

  /** Starts the opt-out workflow unless it runs already; it ends the consent as {@code ending}. */
  void startOptOut(ConsentKey key, String reason, ConsentStep ending) {
    OptOutWorkflow workflow =
        temporal.newWorkflowStub(
            OptOutWorkflow.class,
            Workflows.options(key.optOutWorkflowId(), OptOutWorkflow.TASK_QUEUE));
    WorkflowClient.start(workflow::revoke, key, reason, ending);
  }

  /** Tells a running opt-in saga the doctor withdrew; false when none is running. */
  boolean cancelOptIn(ConsentKey key) {
    try {
      temporal
          .newWorkflowStub(OptInWorkflow.class, key.optInWorkflowId())
          .cancel(REVOKED_BY_DOCTOR);
      return true;
    } catch (WorkflowNotFoundException e) {
      return false;
    }
  }
}
