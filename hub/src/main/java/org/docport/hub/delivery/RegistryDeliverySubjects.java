package org.docport.hub.delivery;

import java.util.Optional;
import java.util.UUID;
import org.docport.connectors.DeliverySubject;
import org.docport.connectors.DeliverySubjects;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.insurer.InsurerContexts;
import org.springframework.stereotype.Component;

/**
 * Answers the connectors from the registry: the doctor's current profile, read in the same query
 * that checks, at the moment of delivery, that the doctor is visible to the insurer ({@link
 * InsurerVisibility}) and whether the insurer is paused.
 */
@Component
class RegistryDeliverySubjects implements DeliverySubjects {

  private final InsurerVisibility visibility;
  private final InsurerContexts insurers;

  RegistryDeliverySubjects(InsurerVisibility visibility, InsurerContexts insurers) {
    this.visibility = visibility;
    this.insurers = insurers;
  }

  @Override
  public Optional<DeliverySubject> find(String insurerId, UUID doctorId) {
    return visibility
        .find(doctorId, insurerId)
        .flatMap(
            c ->
                insurers
                    .find(insurerId)
                    .map(i -> new DeliverySubject(c.doctor(), i, c.insurerPaused())));
  }
}
