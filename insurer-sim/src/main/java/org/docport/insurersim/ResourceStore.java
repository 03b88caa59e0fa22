package org.docport.insurersim;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.docport.insurersim.WriteLogEntry.Operation;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's in-memory, versioned resource store, shared by all resource providers.
 *
 * <p>Reads are lock-free: each id maps to an immutable list of its versions, replaced on write.
 * Writes take one lock for the whole store. Per-type locks would not do: a PractitionerRole write
 * checks that its Practitioner exists while a Practitioner delete checks that no role points at it,
 * and those two must not interleave. The critical section is microseconds of map work, far below
 * the ~500 writes/s a real HAPI JPA server sustains, so one lock costs nothing that matters.
 */
final class ResourceStore {

  /** A committed write and whether it created the resource (201) or changed it (200). */
  record Written(StoredResource stored, boolean created) {}

  private static final Logger log = LoggerFactory.getLogger(ResourceStore.class);

  private final FhirContext fhir;
  private final Clock clock;
  private final ReferenceIndex references;
  private final Map<String, Map<String, List<StoredResource>>> histories;
  private final ReentrantLock writeLock = new ReentrantLock();
  // Never reset: ids are never reused, not even across reset(), so a client that cached an id
  // from an earlier test cannot silently hit a different resource.
  private final AtomicLong lastServerId = new AtomicLong();
  private final WriteLog writeLog = new WriteLog();
  private volatile Consumer<List<WriteLogEntry>> commitListener = entries -> {};
  // While a transaction runs (under the write lock): how to undo each write, and its log entries,
  // recorded only once the whole transaction succeeded.
  private List<Runnable> undo;
  private List<Supplier<WriteLogEntry>> deferredLog;
  // type -> identifier value -> ids of live resources carrying it: conditional writes by
  // identifier look candidates up here rather than scanning every resource of the type.
  private final Map<String, Map<String, Set<String>>> idsByIdentifierValue =
      new ConcurrentHashMap<>();

  ResourceStore(FhirContext fhir, Clock clock, Set<String> hostedTypes) {
    this.fhir = fhir;
    this.clock = clock;
    this.references = new ReferenceIndex(fhir);
    this.histories = new ConcurrentHashMap<>();
    hostedTypes.forEach(type -> histories.put(type, new ConcurrentHashMap<>()));
  }

  Optional<StoredResource> latest(String type, String id) {
    List<StoredResource> versions = historyOf(type).get(id);
    return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  Optional<StoredResource> version(String type, String id, long version) {
    List<StoredResource> versions = historyOf(type).getOrDefault(id, List.of());
    return versions.stream().filter(v -> v.version() == version).findFirst();
  }

  /** Latest versions of live (not deleted) resources of a type that match, oldest first. */
  List<StoredResource> current(String type, Predicate<StoredResource> criteria) {
    return candidates(type, criteria)
        .filter(stored -> !stored.deleted() && criteria.test(stored))
        .sorted(Comparator.comparing(StoredResource::lastUpdated).thenComparing(StoredResource::id))
        .toList();
  }

  Written create(Resource resource) {
    Map<String, String> targets = references.targetsOf(resource);
    return locked(() -> new Written(put(newServerId(), resource, targets, null), true));
  }

  /** Conditional create ({@code If-None-Exist}): returns the existing match instead of a copy. */
  Written createIfNoneMatch(Resource resource, Predicate<StoredResource> criteria) {
    Map<String, String> targets = references.targetsOf(resource);
    return locked(
        () ->
            singleMatch(resource.fhirType(), criteria)
                .map(existing -> new Written(existing, false))
                .orElseGet(() -> new Written(put(newServerId(), resource, targets, null), true)));
  }

  /**
   * Update by id; creates the resource if the id is unknown (update-as-create).
   *
   * @param expectedVersion the {@code If-Match} version, or {@code null} for an unconditional write
   */
  Written update(String id, Long expectedVersion, Resource resource) {
    Map<String, String> targets = references.targetsOf(resource);
    return locked(
        () -> {
          StoredResource previous = latest(resource.fhirType(), id).orElse(null);
          if (previous == null) {
            requireClientAssignableId(resource.fhirType(), id, expectedVersion);
          } else if (expectedVersion != null && expectedVersion != previous.version()) {
            throw new ResourceVersionConflictException(
                "Trying to update %s/_history/%d but the current version is %d"
                    .formatted(previous.key(), expectedVersion, previous.version()));
          }
          return new Written(put(id, resource, targets, previous), previous == null);
        });
  }

  /** Conditional update: 0 matches creates, 1 updates it, more is a 412. */
  Written updateMatching(Predicate<StoredResource> criteria, Resource resource) {
    Map<String, String> targets = references.targetsOf(resource);
    return locked(
        () -> {
          Optional<StoredResource> match = singleMatch(resource.fhirType(), criteria);
          if (match.isEmpty()) {
            return new Written(put(newServerId(), resource, targets, null), true);
          }
          StoredResource previous = match.get();
          if (resource.hasIdElement()
              && !previous.id().equals(resource.getIdElement().getIdPart())) {
            throw new InvalidRequestException(
                "The resource id in the body does not match "
                    + previous.key()
                    + ", which the conditional URL matched");
          }
          return new Written(put(previous.id(), resource, targets, previous), false);
        });
  }

  /** Deletes by id. Empty when the resource was already deleted: deletes are idempotent. */
  Optional<StoredResource> delete(String type, String id) {
    return locked(
        () -> {
          StoredResource previous =
              latest(type, id)
                  .orElseThrow(() -> new ResourceNotFoundException(new IdType(type, id)));
          return previous.deleted() ? Optional.empty() : Optional.of(tombstone(previous));
        });
  }

  /** Conditional delete: 0 matches is a no-op, 1 is deleted, more is a 412. */
  Optional<StoredResource> deleteMatching(String type, Predicate<StoredResource> criteria) {
    return locked(() -> singleMatch(type, criteria).map(this::tombstone));
  }

  /**
   * Runs {@code work} (several writes) as one transaction: either every write it made stays, or,
   * when it throws, none does and the store is as it was.
   */
  <T> T atomically(Supplier<T> work) {
    return locked(
        () -> {
          List<Runnable> undoing = new ArrayList<>();
          List<Supplier<WriteLogEntry>> logging = new ArrayList<>();
          undo = undoing;
          deferredLog = logging;
          try {
            T result = work.get();
            List<WriteLogEntry> committed = logging.stream().map(Supplier::get).toList();
            if (!committed.isEmpty()) {
              tell(committed);
            }
            return result;
          } catch (RuntimeException e) {
            for (int i = undoing.size() - 1; i >= 0; i--) {
              undoing.get(i).run();
            }
            throw e;
          } finally {
            undo = null;
            deferredLog = null;
          }
        });
  }

  WriteLog writeLog() {
    return writeLog;
  }

  /** See {@link InsurerServer#onCommit}. */
  void onCommit(Consumer<List<WriteLogEntry>> listener) {
    commitListener = listener == null ? entries -> {} : listener;
  }

  /** A listener's failure must not turn a committed write into an error answer, nor undo it. */
  private void tell(List<WriteLogEntry> committed) {
    try {
      commitListener.accept(committed);
    } catch (RuntimeException e) {
      log.warn("A commit listener failed", e);
    }
  }

  void reset() {
    locked(
        () -> {
          histories.values().forEach(Map::clear);
          idsByIdentifierValue.clear();
          references.clear();
          writeLog.clear();
          return null;
        });
  }

  private StoredResource put(
      String id, Resource incoming, Map<String, String> targets, StoredResource previous) {
    requireTargetsExist(targets);
    long version = previous == null ? 1 : previous.version() + 1;
    StoredResource stored =
        StoredResource.freeze(fhir, incoming, id, version, clock.instant(), targets.keySet());
    boolean creates = previous == null || previous.deleted();
    append(stored, previous, creates ? Operation.CREATE : Operation.UPDATE);
    return stored;
  }

  private StoredResource tombstone(StoredResource previous) {
    Set<String> referrers = references.referrersOf(previous.key());
    if (!referrers.isEmpty()) {
      throw new ResourceVersionConflictException(
          "Unable to delete "
              + previous.key()
              + " because at least one resource has a reference to this resource. First reference"
              + " found was resource "
              + referrers.iterator().next());
    }
    StoredResource deleted = StoredResource.tombstone(previous, clock.instant());
    append(deleted, previous, Operation.DELETE);
    return deleted;
  }

  private void append(StoredResource stored, StoredResource previous, Operation operation) {
    Map<String, List<StoredResource>> history = historyOf(stored.type());
    List<StoredResource> before = history.get(stored.id());
    List<StoredResource> versions = new ArrayList<>(before == null ? List.of() : before);
    versions.add(stored);
    history.put(stored.id(), List.copyOf(versions));
    reindex(stored, previous);
    Set<String> previousTargets = previous == null ? Set.of() : previous.targets();
    references.relink(stored.key(), previousTargets, stored.targets());
    if (undo == null) {
      tell(List.of(writeLog.record(stored, operation)));
      return;
    }
    deferredLog.add(() -> writeLog.record(stored, operation));
    undo.add(
        () -> {
          if (before == null) {
            history.remove(stored.id());
          } else {
            history.put(stored.id(), before);
          }
          references.relink(stored.key(), stored.targets(), previousTargets);
          Map<String, Set<String>> index = idsByIdentifierValue.get(stored.type());
          stored.identifiers().forEach(i -> removeFromIndex(index, i.getValue(), stored.id()));
          if (previous != null && !previous.deleted()) {
            reindex(previous, null);
          }
        });
  }

  private void requireTargetsExist(Map<String, String> targets) {
    targets.forEach(
        (target, path) -> {
          String[] typeAndId = target.split("/", 2);
          boolean live =
              histories.containsKey(typeAndId[0])
                  && latest(typeAndId[0], typeAndId[1]).filter(t -> !t.deleted()).isPresent();
          if (!live) {
            throw new InvalidRequestException(
                "Resource " + target + " not found, specified in path: " + path);
          }
        });
  }

  // Mirrors the JPA server's default client id strategy: a purely numeric id could collide
  // with one the server assigns later.
  private static void requireClientAssignableId(String type, String id, Long expectedVersion) {
    if (expectedVersion != null) {
      throw new ResourceNotFoundException(new IdType(type, id));
    }
    if (id.chars().allMatch(Character::isDigit)) {
      throw new InvalidRequestException(
          "Can not create resource with ID["
              + id
              + "], no resource with this ID exists and"
              + " clients may only assign IDs which contain at least one non-numeric character");
    }
  }

  /** Latest versions that may match: from the identifier index when the criteria allow. */
  private java.util.stream.Stream<StoredResource> candidates(
      String type, Predicate<StoredResource> criteria) {
    Map<String, List<StoredResource>> history = historyOf(type);
    if (criteria instanceof SearchCriteria.Narrowed narrowed) {
      Map<String, Set<String>> index = idsByIdentifierValue.getOrDefault(type, Map.of());
      return narrowed.identifierValues().stream()
          .flatMap(value -> index.getOrDefault(value, Set.of()).stream())
          .distinct()
          .map(history::get)
          .filter(java.util.Objects::nonNull)
          .map(versions -> versions.get(versions.size() - 1));
    }
    return history.values().stream().map(versions -> versions.get(versions.size() - 1));
  }

  private void reindex(StoredResource stored, StoredResource previous) {
    Map<String, Set<String>> index =
        idsByIdentifierValue.computeIfAbsent(stored.type(), t -> new ConcurrentHashMap<>());
    if (previous != null) {
      previous.identifiers().forEach(i -> removeFromIndex(index, i.getValue(), stored.id()));
    }
    if (!stored.deleted()) {
      stored.identifiers().stream()
          .filter(i -> i.getValue() != null)
          .forEach(
              i ->
                  index
                      .computeIfAbsent(i.getValue(), v -> ConcurrentHashMap.newKeySet())
                      .add(stored.id()));
    }
  }

  private static void removeFromIndex(Map<String, Set<String>> index, String value, String id) {
    if (value == null) {
      return;
    }
    Set<String> ids = index.get(value);
    if (ids != null) {
      ids.remove(id);
    }
  }

  private Optional<StoredResource> singleMatch(String type, Predicate<StoredResource> criteria) {
    List<StoredResource> matches =
        candidates(type, criteria)
            .filter(stored -> !stored.deleted() && criteria.test(stored))
            .limit(2)
            .toList();
    if (matches.size() > 1) {
      throw new PreconditionFailedException(
          "Conditional operation failed: more than one " + type + " matches the criteria");
    }
    return matches.stream().findFirst();
  }

  private Map<String, List<StoredResource>> historyOf(String type) {
    Map<String, List<StoredResource>> history = histories.get(type);
    if (history == null) {
      throw new IllegalArgumentException("Resource type not hosted here: " + type);
    }
    return history;
  }

  private String newServerId() {
    return Long.toString(lastServerId.incrementAndGet());
  }

  private <T> T locked(Supplier<T> write) {
    writeLock.lock();
    try {
      return write.get();
    } finally {
      writeLock.unlock();
    }
  }
}
