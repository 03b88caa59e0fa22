package org.docport.hub.consent;

import java.util.List;
import java.util.UUID;
import org.docport.hub.insurer.InsurerEvent;
import org.docport.hub.registry.RegistryEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an insurer's own published data changes (its address, its plans' product types), every
 * doctor it sees is published to it again: one outbox row per doctor, in the transaction of the
 * change, so change capture re-projects the insurer's view (its Organization and InsurancePlans get
 * new versions) exactly as for a doctor's own change, and a crash loses nothing.
 *
 * <p>Lives in the consent feature because "which doctors this insurer sees" is its rule.
 */
@Component
class InsurerRepublishing {

  private final InsurerVisibility visibility;
  private final RegistryEvents events;

  InsurerRepublishing(InsurerVisibility visibility, RegistryEvents events) {
    this.visibility = visibility;
    this.events = events;
  }

  @EventListener
  void on(InsurerEvent.ProfileChanged changed) {
    List<InsurerVisibility.Flow> flows = visibility.flowsTo(changed.insurerId());
    if (flows.isEmpty()) {
      return; // nothing of the insurer is published until one of its doctors is
    }
    List<UUID> doctors = flows.stream().map(InsurerVisibility.Flow::doctorId).toList();
    List<Long> versions = flows.stream().map(InsurerVisibility.Flow::version).toList();
    events.recordEach(
        doctors,
        versions,
        RegistryEvents.Kind.INSURER_CHANGED,
        changed.insurerId(),
        changed.actor());
  }
}
