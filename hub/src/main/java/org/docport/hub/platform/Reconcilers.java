package org.docport.hub.platform;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs every {@link Reconciliation} at start-up and every {@code docport.reconcile-interval}. */
@Component
class Reconcilers {

  private static final Logger log = LoggerFactory.getLogger(Reconcilers.class);

  private final List<Reconciliation> reconciliations;

  Reconcilers(List<Reconciliation> reconciliations) {
    this.reconciliations = reconciliations;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStartUp() {
    runAll();
  }

  @Scheduled(
      fixedDelayString = "${docport.reconcile-interval:PT5M}",
      initialDelayString = "${docport.reconcile-interval:PT5M}")
  void runAll() {
    for (Reconciliation reconciliation : reconciliations) {
      try {
        reconciliation.reconcile();
      } catch (RuntimeException e) {
        log.warn(
            "{} failed; the next run tries again", reconciliation.getClass().getSimpleName(), e);
      }
    }
  }
}
