package org.docport.hub.consent;

import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.docport.hub.platform.Reconciliation;
import org.docport.hub.platform.Workflows;
import org.docport.workflows.consent.ConsentKey;
import org.docport.workflows.consent.ConsentStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The registry is the truth; Temporal runs the work. At start-up and then on a schedule, every
 * consent a workflow should be working on gets its workflow (re)started: the in-process Temporal
 * server keeps nothing across restarts, and a crash between a registry change and a workflow start
 * must not strand a consent. Starting a workflow that runs already is harmless.
 */
@Component
class ConsentReconciler implements Reconciliation {

  private static final Logger log = LoggerFactory.getLogger(ConsentReconciler.class);

  private final ConsentManagement consents;
  private final ConsentSagas sagas;
  private final WorkflowClient temporal;

  ConsentReconciler(ConsentManagement consents, ConsentSagas sagas, WorkflowClient temporal) {
    this.consents = consents;
    this.sagas = sagas;
    this.temporal = temporal;
  }

  @Override
  public void reconcile() {
    int restarted = 0;
    for (Consent consent : consents.inFlight()) {
      ConsentKey key = new ConsentKey(consent.doctorId(), consent.insurerId());
      try {
        if (consent.status() == ConsentStatus.WITHDRAWING) {
          // An opt-in saga withdrawing after a rejection finishes on its own.
          if (!Workflows.isRunning(temporal, key.optInWorkflowId())
              && !Workflows.isRunning(temporal, key.optOutWorkflowId())) {
            sagas.startOptOut(
                key,
                consent.reason(),
                consent.ending() == null ? ConsentStep.REVOKED : consent.ending().step());
            restarted++;
          }
        } else if (!Workflows.isRunning(temporal, key.optInWorkflowId())) {
          // The decision time runs from the request, not from the restart.
          sagas.startOptIn(
              key,
              consent.requestedAt() == null
                  ? Duration.ZERO
                  : Duration.between(consent.requestedAt(), OffsetDateTime.now()));
          restarted++;
        }
      } catch (RuntimeException e) {
        log.warn("Could not reconcile the consent of {} to {}", key.doctorId(), key.insurerId(), e);
      }
    }
    if (restarted > 0) {
      log.info("Restarted {} consent workflows the registry says are in flight", restarted);
    }
  }
}
