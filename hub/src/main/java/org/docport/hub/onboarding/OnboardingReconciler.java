package org.docport.hub.onboarding;

import org.docport.hub.platform.Reconciliation;
import org.docport.workflows.onboarding.OnboardingStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Restarts the onboarding workflow of every doctor the registry says is onboarding but whose
 * workflow is missing (the in-process Temporal server keeps nothing across restarts), resuming at
 * the recorded step; at start-up and then on a schedule.
 */
@Component
class OnboardingReconciler implements Reconciliation {

  private static final Logger log = LoggerFactory.getLogger(OnboardingReconciler.class);

  private final Onboardings onboardings;
  private final OnboardingWorkflows workflows;

  OnboardingReconciler(Onboardings onboardings, OnboardingWorkflows workflows) {
    this.onboardings = onboardings;
    this.workflows = workflows;
  }

  @Override
  public void reconcile() {
    int restarted = 0;
    for (Onboardings.Onboarding onboarding : onboardings.inFlight()) {
      try {
        if (!workflows.isRunning(onboarding.doctorId())) {
          workflows.start(
              onboarding.doctorId(),
              onboarding.step() == OnboardingStep.DRAFT ? null : onboarding.progress());
          restarted++;
        }
      } catch (RuntimeException e) {
        log.warn("Could not reconcile the onboarding of {}", onboarding.doctorId(), e);
      }
    }
    if (restarted > 0) {
      log.info("Restarted {} onboarding workflows the registry says are in flight", restarted);
    }
  }
}
