package org.docport.hub.consent;

import org.docport.hub.insurer.InsurerEvent;
import org.docport.hub.registry.RegistryEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an insurer's own published data changes (its address, its plans' product types), one outbox
 * row records it for the insurer, in the transaction of the change, so a crash loses nothing and
 * change capture republishes the insurer's own resources (its Organization, networks and
 * InsurancePlans) to it once, however many doctors it sees. Its doctors' own resources did not
 * change, so nothing is recorded for them.
 *
 * <p>Lives in the consent feature because "whether this insurer sees any doctor" is its rule:
 * nothing of an insurer is published to it before it sees one.
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
    if (visibility.seesAnyDoctor(changed.insurerId())) {
      events.recordInsurerChange(changed.insurerId(), changed.version(), changed.actor());
    }
  }
}
