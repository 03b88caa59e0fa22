package org.docport.hub.insurer;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.docport.mappings.snapshot.InsurerContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the mappings need of an insurer (name, identifier, networks), cached: every delivery and
 * every directory projection asks, and insurers change rarely. A change to an insurer evicts it.
 */
@Component
public class InsurerContexts {

  private final Insurers insurers;
  private final Map<String, InsurerContext> cached = new ConcurrentHashMap<>();

  InsurerContexts(Insurers insurers) {
    this.insurers = insurers;
  }

  public Optional<InsurerContext> find(String insurerId) {
    InsurerContext hit = cached.get(insurerId);
    if (hit != null) {
      return Optional.of(hit);
    }
    Optional<InsurerContext> loaded = insurers.context(insurerId);
    loaded.ifPresent(c -> cached.put(insurerId, c));
    return loaded;
  }

  @EventListener
  void forget(InsurerEvent event) {
    cached.remove(event.insurerId());
  }

  /**
   * A profile change is announced inside its transaction: forgotten again once it commits, as a
   * projection between the two would have cached the insurer as it was.
   */
  @TransactionalEventListener
  void forgetCommitted(InsurerEvent.ProfileChanged event) {
    cached.remove(event.insurerId());
  }
}
