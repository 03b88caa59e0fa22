package org.docport.hub.insurer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, seals the connector secrets a registry written before sealing still holds in the
 * clear. First among the start-up listeners, before connectors read the settings.
 */
@Component
public class ConnectorSecretsMigration {

  private static final Logger log = LoggerFactory.getLogger(ConnectorSecretsMigration.class);

  private final Insurers insurers;
  private final ConnectorSecrets secrets;

  ConnectorSecretsMigration(Insurers insurers, ConnectorSecrets secrets) {
    this.insurers = insurers;
    this.secrets = secrets;
  }

  /**
   * Seals connector secrets stored before the registry sealed them. Idempotent, and a row changed
   * meanwhile is left as it is, so replicas may run it together.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void sealStoredSecrets() {
    for (Insurers.StoredConnector stored : insurers.storedConnectors()) {
      if (!ConnectorSecrets.allSealed(stored.settings())) {
        insurers.replaceStoredConnector(
            stored, secrets.opened(stored.insurerId(), stored.settings()));
        log.info("Sealed the connector secrets of insurer {}", stored.insurerId());
      }
    }
  }
}
