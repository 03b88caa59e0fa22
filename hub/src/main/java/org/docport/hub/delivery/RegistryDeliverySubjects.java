package org.docport.hub.delivery;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.docport.connectors.DeliverySubject;
import org.docport.connectors.DeliverySubjects;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.insurer.InsurerEvent;
import org.docport.hub.insurer.Insurers;
import org.docport.mappings.snapshot.InsurerContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Answers the connectors from the registry: the doctor's current profile, read in the same query
 * that checks, at the moment of delivery, that the doctor is visible to the insurer ({@link
 * InsurerVisibility}) and whether the insurer is paused.
 */
@Component
class RegistryDeliverySubjects implements DeliverySubjects {

  private final InsurerVisibility visibility;
  private final Insurers insurers;
  private final Map<String, InsurerContext> insurerContexts = new ConcurrentHashMap<>();

  RegistryDeliverySubjects(InsurerVisibility visibility, Insurers insurers) {
    this.visibility = visibility;
    this.insurers = insurers;
  }

  @Override
  public Optional<DeliverySubject> find(String insurerId, UUID doctorId) {
    return visibility
        .find(doctorId, insurerId)
        .flatMap(
            c ->
                insurer(insurerId).map(i -> new DeliverySubject(c.doctor(), i, c.insurerPaused())));
  }

  /** Insurers change rarely; their context is cached until an operator changes them. */
  private Optional<InsurerContext> insurer(String insurerId) {
    InsurerContext cached = insurerContexts.get(insurerId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<InsurerContext> loaded = insurers.context(insurerId);
    loaded.ifPresent(c -> insurerContexts.put(insurerId, c));
    return loaded;
  }

  @EventListener
  void forget(InsurerEvent event) {
    insurerContexts.remove(event.insurerId());
  }
}
