package org.docport.hub.insurer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.docport.connectors.MappingChoice;
import org.docport.mappings.snapshot.InsurerContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the mappings need of an insurer (name, identifier, networks, address), cached: every
 * delivery and every directory projection asks, and insurers change rarely. A change to an insurer
 * evicts it here; callers that know the insurer's current profile version (read with the data they
 * publish) ask by version, so a copy cached before an edit (on another replica, or a moment before
 * the eviction) is never published after it.
 */
@Component
public class InsurerContexts {

  /**
   * An insurer's context as of a version of its profile, with how its doctors are mapped (its
   * mapping profile and code maps, which are part of that version).
   */
  public record Versioned(InsurerContext context, long version, MappingChoice mapping) {}

  private final Insurers insurers;
  private final InsurerCodeMaps codeMaps;
  private final Map<String, Versioned> cached = new ConcurrentHashMap<>();

  InsurerContexts(Insurers insurers, InsurerCodeMaps codeMaps) {
    this.insurers = insurers;
    this.codeMaps = codeMaps;
  }

  /** The insurer as of {@code version} or newer: the cached copy only if it is that recent. */
  public Optional<InsurerContext> find(String insurerId, long version) {
    return findVersioned(insurerId, version).map(Versioned::context);
  }

  /** Like {@link #find}, with how the insurer's doctors are mapped as of that version. */
  public Optional<Versioned> findVersioned(String insurerId, long version) {
    Versioned hit = cached.get(insurerId);
    if (hit != null && hit.version() >= version) {
      return Optional.of(hit);
    }
    return current(insurerId);
  }

  /** The insurer as it is now, read from the registry (and cached). */
  public Optional<Versioned> current(String insurerId) {
    Optional<Versioned> loaded =
        insurers
            .versionedContext(insurerId)
            .map(
                v ->
                    new Versioned(
                        v.context(),
                        v.version(),
                        new MappingChoice(v.mapping().profile(), codeMaps.codeMap(insurerId))));
    loaded.ifPresent(v -> cached.merge(insurerId, v, (a, b) -> a.version() >= b.version() ? a : b));
    return loaded;
  }

  /**
   * These insurers as they are now, held until the caller's transaction ends: an edit of one waits
   * for it, so whatever the caller writes from them commits before anything the edit causes.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, InsurerContext> holding(Collection<String> insurerIds) {
    Map<String, InsurerContext> contexts = new HashMap<>();
    if (insurerIds.isEmpty()) {
      return contexts;
    }
    insurers
        .lockVersions(insurerIds)
        .forEach((id, version) -> find(id, version).ifPresent(c -> contexts.put(id, c)));
    return contexts;
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
