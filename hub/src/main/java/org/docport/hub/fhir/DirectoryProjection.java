package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.insurer.InsurerContexts;
import org.docport.hub.platform.Digests;
import org.docport.hub.registry.Doctors;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.mappings.PlanNetMapper;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each insurer's view of the directory equal to what the mappings publish to it now: for a
 * changed doctor, every resource mapped for every insurer that may see the doctor is written when
 * its content changed (a new version, like an update at a FHIR server), and what the insurer may no
 * longer see is deleted (a tombstone version). A resource several doctors share (an affiliated
 * practice, its OrganizationAffiliation in a network) records the doctors it is published for
 * ({@code directory_owner}) and is deleted when the last of them goes; the insurer's own networks,
 * plans and Organization stay. The only writer of the {@code directory_*} tables.
 *
 * <p>Doctors are queued in {@code directory_pending} in the transaction that plans their
 * deliveries, and projected in the transaction that removes them from the queue: a crash loses
 * nothing, and the row lock keeps two replicas from projecting one doctor at once. An insurer whose
 * own profile changed is queued in {@code directory_insurer_pending} the same way, and only its own
 * resources are projected again: its doctors' did not change.
 *
 * <p>A doctor's resources include the insurer's own, mapped from the insurer as the projection
 * reads it. It reads the insurers under a share lock ({@link InsurerContexts#holding}): an edit of
 * the insurer waits for it to commit, so no projection that read the insurer before an edit can
 * write after the projection of that edit.
 *
 * <p>Each new version (a deletion too) is also an event for the insurer's subscriptions, appended
 * in the same transaction, as it commits ({@link SubscriptionStore#recordEvents}): subscribers are
 * told exactly what the insurer's view went through, fed by the same change capture as the
 * connectors.
 */
@Component
public class DirectoryProjection {

  private static final Logger log = LoggerFactory.getLogger(DirectoryProjection.class);

  /**
   * Doctor-owned resource types, withdrawn when the doctor is no longer visible. An Endpoint is the
   * doctor's own technical endpoint (no two doctors share one), so it is visible exactly when the
   * doctor is.
   */
  private static final Set<String> DOCTOR_OWNED =
      Set.of("Practitioner", "Location", "PractitionerRole", "HealthcareService", "Endpoint");

  /**
   * Business identifier systems of the insurer's own resources: its Organization, networks, plans.
   */
  private static final Set<String> INSURERS_OWN =
      Set.of(
          BusinessIdentifiers.INSURER,
          BusinessIdentifiers.NETWORK,
          BusinessIdentifiers.INSURANCE_PLAN);

  /** Tries of a batch that keeps losing deadlocks before the projector backs off. */
  private static final int ATTEMPTS = 5;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final FhirContext fhir;
  private final Doctors doctors;
  private final InsurerContexts insurers;
  private final InsurerVisibility visibility;
  private final SearchIndex index;
  private final SubscriptionStore subscriptions;

  DirectoryProjection(
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      FhirContext fhir,
      Doctors doctors,
      InsurerContexts insurers,
      InsurerVisibility visibility,
      SubscriptionStore subscriptions) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.fhir = fhir;
    this.doctors = doctors;
    this.insurers = insurers;
    this.visibility = visibility;
    this.index = new SearchIndex(fhir);
    this.subscriptions = subscriptions;
  }

  /** Queues doctors for projection; call inside the transaction that records their change. */
  public void enqueue(Collection<UUID> doctorIds) {
    if (doctorIds.isEmpty()) {
      return;
    }
    jdbc.update(
        "insert into directory_pending (doctor_id) select unnest(?::uuid[]) on conflict do nothing",
        (Object) doctorIds.toArray(UUID[]::new));
  }

  /**
   * Queues insurers whose own resources are to be projected again; call inside the transaction that
   * records their change.
   */
  public void enqueueInsurers(Collection<String> insurerIds) {
    if (insurerIds.isEmpty()) {
      return;
    }
    jdbc.update(
        "insert into directory_insurer_pending (insurer_id) select unnest(?::text[])"
            + " on conflict do nothing",
        (Object) insurerIds.toArray(String[]::new));
  }

  /**
   * Projects up to {@code max} queued doctors in one transaction, then up to {@code max} queued
   * insurers in another.
   *
   * @return how many were projected (0 when both queues are empty or held by other projections)
   */
  int projectNext(int max) {
    int doctors =
        inTransaction(
            """
            delete from directory_pending where doctor_id in (
              select doctor_id from directory_pending order by enqueued_at
              limit ? for update skip locked)
            returning doctor_id
            """,
            UUID.class,
            max,
            this::project);
    int changedInsurers =
        inTransaction(
            """
            delete from directory_insurer_pending where insurer_id in (
              select insurer_id from directory_insurer_pending order by enqueued_at
              limit ? for update skip locked)
            returning insurer_id
            """,
            String.class,
            max,
            this::projectInsurers);
    return doctors + changedInsurers;
  }

  /**
   * Claims up to {@code max} ids from a queue and projects them (in order) in one transaction. When
   * PostgreSQL breaks a deadlock with another projection (another replica or worker writing the
   * same shared resource), the transaction rolls back with the ids still queued, and is tried
   * again.
   */
  private <T extends Comparable<T>> int inTransaction(
      String claim, Class<T> type, int max, Consumer<List<T>> projection) {
    for (int attempt = 1; ; attempt++) {
      try {
        Integer projected =
            tx.execute(
                s -> {
                  List<T> claimed = jdbc.queryForList(claim, type, max);
                  if (!claimed.isEmpty()) {
                    projection.accept(claimed.stream().sorted().toList());
                  }
                  return claimed.size();
                });
        return projected == null ? 0 : projected;
      } catch (PessimisticLockingFailureException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        log.debug("Directory projection lost a deadlock; trying again", e);
      }
    }
  }

  /**
   * Writes the insurers' own resources (Organization, networks, InsurancePlans) as they are now: a
   * new version of each whose content changed. Only for an insurer that sees a doctor: nothing of
   * it is in its view before.
   */
  private void projectInsurers(List<String> insurerIds) {
    Map<String, InsurerContext> contexts = insurers.holding(insurerIds);
    Map<Key, Entry> wanted = new TreeMap<>(Key.ORDER);
    for (String insurerId : insurerIds) {
      InsurerContext insurer = contexts.get(insurerId);
      if (insurer == null || !visibility.seesAnyDoctor(insurerId)) {
        continue;
      }
      for (Resource r : insurersOwn(insurer)) {
        Key key = new Key(insurerId, r.fhirType(), r.getIdElement().getIdPart());
        wanted.put(key, entry(key, null, r, reference -> null));
      }
    }
    write(wanted, storedOf(wanted.keySet()));
  }

  private static List<Resource> insurersOwn(InsurerContext insurer) {
    try {
      return PlanNetMapper.insurer(insurer).resources();
    } catch (IllegalArgumentException unpublishable) {
      log.warn("Insurer {} cannot be published: {}", insurer.id(), unpublishable.getMessage());
      return List.of();
    }
  }

  /**
   * Projects the doctors (in id order) with a fixed number of statements, whatever their number:
   * each statement carries the whole batch. A shared resource two of them publish is written once,
   * as the later doctor maps it, which is what projecting them one after the other leaves.
   */
  private void project(List<UUID> doctorIds) {
    List<InsurerVisibility.Flow> visible = visibility.flowsOf(doctorIds);
    Map<String, InsurerContext> contexts =
        insurers.holding(
            visible.stream().map(InsurerVisibility.Flow::insurerId).collect(Collectors.toSet()));
    Map<UUID, List<InsurerVisibility.Flow>> flows =
        visible.stream().collect(Collectors.groupingBy(InsurerVisibility.Flow::doctorId));
    Map<Key, Entry> wanted = new TreeMap<>(Key.ORDER);
    Map<UUID, Set<Key>> wantedBy = new HashMap<>();
    for (UUID doctorId : doctorIds) {
      Map<Key, Resource> mine = mapped(doctorId, flows.getOrDefault(doctorId, List.of()), contexts);
      wantedBy.put(doctorId, mine.keySet());
      mine.forEach((key, r) -> wanted.put(key, entry(key, doctorId, r, published(mine, key))));
    }
    Map<UUID, Set<Key>> owned =
        keysOf("select doctor_id, insurer_id, type, id from directory_owner", doctorIds);
    Map<Key, Stored> stored = storedOf(wanted.keySet());
    stored.putAll(lock(sharedToLock(wanted, wantedBy, owned, stored)));
    Set<Key> written = write(wanted, stored);
    recordOwners(wanted, wantedBy, owned, stored);
    Set<Key> withdrawn = new TreeSet<>(Key.ORDER);
    keysOf(
            "select doctor_id, insurer_id, type, id from directory_resource where not deleted and",
            doctorIds)
        .forEach((doctorId, held) -> held.forEach(withdrawn::add));
    withdrawn.removeAll(wanted.keySet());
    withdrawn.addAll(disown(doctorIds, wantedBy, owned));
    withdrawn.removeAll(written);
    delete(withdrawn);
  }

  /** The resources mapped for the doctor, for every insurer that may see them now. */
  private Map<Key, Resource> mapped(
      UUID doctorId, List<InsurerVisibility.Flow> flows, Map<String, InsurerContext> insurers) {
    Map<Key, Resource> mine = new HashMap<>();
    Optional<DoctorSnapshot> doctor = flows.isEmpty() ? Optional.empty() : doctors.find(doctorId);
    if (doctor.isEmpty()) {
      return mine;
    }
    for (InsurerVisibility.Flow flow : flows) {
      InsurerContext insurer = insurers.get(flow.insurerId());
      if (insurer == null) {
        continue;
      }
      for (Resource r : publishable(doctor.get(), insurer)) {
        mine.put(new Key(flow.insurerId(), r.fhirType(), r.getIdElement().getIdPart()), r);
      }
    }
    return mine;
  }

  /**
   * Resolves a reference of a resource in the insurer's view to the doctor's own resource it points
   * at, if any: the targets whose chained values are indexed on the referring resource. A doctor's
   * resources only refer to the doctor's own resources of the doctor-owned types (the mappings
   * build them so), which is what lets a chain to those types be answered from this index.
   */
  private static Function<String, Resource> published(Map<Key, Resource> wanted, Key referrer) {
    if (!doctorOwned(referrer.type())) {
      return reference -> null;
    }
    return reference -> {
      String[] parts = reference.split("/", 2);
      return parts.length == 2 && doctorOwned(parts[0])
          ? wanted.get(new Key(referrer.insurerId(), parts[0], parts[1]))
          : null;
    };
  }

  /**
   * Whether resources of the type are derived from one doctor and withdrawn with them; the others
   * (networks, affiliated organisations) are shared.
   */
  static boolean doctorOwned(String type) {
    return DOCTOR_OWNED.contains(type);
  }

  /**
   * The doctor's resources for the insurer; none when the snapshot cannot be published (a profile
   * stored before the registry refused such profiles): what the insurer held is withdrawn, as a
   * connector dead-letters it, rather than left stale.
   */
  private static List<Resource> publishable(DoctorSnapshot doctor, InsurerContext insurer) {
    try {
      return PlanNetMapper.map(doctor, insurer).resources();
    } catch (IllegalArgumentException unpublishable) {
      log.warn(
          "Doctor {} cannot be published to {}: {}",
          doctor.id(),
          insurer.id(),
          unpublishable.getMessage());
      return List.of();
    }
  }

  /** The resource as stored: content without id and meta, its hash and its search values. */
  private Entry entry(
      Key key, UUID doctorId, Resource resource, Function<String, Resource> published) {
    Resource body = resource.copy();
    body.setId((String) null);
    body.getMeta().setVersionId(null).setLastUpdated(null);
    String content = fhir.newJsonParser().encodeResourceToString(body);
    List<SearchIndex.Value> values = index.valuesOf(resource, published);
    String indexHash =
        Digests.sha256Hex(
            values.stream()
                .map(v -> v.param() + "=" + v.value())
                .sorted()
                .collect(Collectors.joining("\n")));
    UUID owner = doctorOwned(key.type()) ? doctorId : null;
    boolean shared = owner == null && !insurersOwn(resource);
    return new Entry(key, owner, shared, content, Digests.sha256Hex(content), indexHash, values);
  }

  /**
   * The insurer's own resource (a network, a plan, its Organization): shown to it whoever is
   * published, never withdrawn with a doctor.
   */
  private static boolean insurersOwn(Resource resource) {
    return INSURERS_OWN.contains(BusinessIdentifiers.of(resource).getSystem());
  }

  /** Keys per doctor, from a query whose {@code where} (or {@code and}) ends the statement. */
  private Map<UUID, Set<Key>> keysOf(String select, List<UUID> doctorIds) {
    Map<UUID, Set<Key>> keys = new HashMap<>();
    String filter = select.endsWith(" and") ? " doctor_id = any(?)" : " where doctor_id = any(?)";
    jdbc.query(
        select + filter,
        rs -> {
          keys.computeIfAbsent(rs.getObject(1, UUID.class), d -> new HashSet<>())
              .add(new Key(rs.getString(2), rs.getString(3), rs.getString(4)));
        },
        (Object) doctorIds.toArray(UUID[]::new));
    return keys;
  }

  /** What the view holds now for these resources; absent ones were never written. */
  private Map<Key, Stored> storedOf(Collection<Key> keys) {
    return stored(
        """
        select r.insurer_id, r.type, r.id, r.deleted, r.content_hash, r.index_hash
        from directory_resource r
        where (r.insurer_id, r.type, r.id) in (select * from unnest(?::text[], ?::text[], ?::text[]))
        """,
        keys);
  }

  /**
   * Locks the shared resources this batch changes the sharing of, in key order so that two
   * projections wait for each other rather than deadlock, and reads them again as they are once
   * locked: another doctor's projection may just have withdrawn one (its last owner gone), which
   * this one must then publish again rather than merely record an owner of a tombstone. The lock is
   * the one an update takes ({@code no key update}): it queues projections of the resource behind
   * each other but not the foreign-key checks of rows that refer to it (a search value, an owner),
   * which {@code for update} would block until commit.
   */
  private Map<Key, Stored> lock(Collection<Key> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    return stored(
        """
        select r.insurer_id, r.type, r.id, r.deleted, r.content_hash, r.index_hash
        from directory_resource r
        where (r.insurer_id, r.type, r.id) in (select * from unnest(?::text[], ?::text[], ?::text[]))
        order by r.insurer_id, r.type, r.id
        for no key update of r
        """,
        keys);
  }

  private Map<Key, Stored> stored(String select, Collection<Key> keys) {
    Map<Key, Stored> stored = new HashMap<>();
    if (keys.isEmpty()) {
      return stored;
    }
    jdbc.query(
        select,
        rs -> {
          Key key = new Key(rs.getString(1), rs.getString(2), rs.getString(3));
          stored.put(key, new Stored(rs.getBoolean(4), rs.getString(5), rs.getString(6)));
        },
        keyArrays(keys));
    return stored;
  }

  /**
   * The shared resources whose sharing this batch changes: one a doctor publishes that is to be
   * written, or that has no record of the doctor yet, and one a doctor no longer publishes. A
   * shared resource that is unchanged and already records its doctor is left unlocked, so that
   * projections of doctors in one practice do not queue behind each other for nothing.
   */
  private static Set<Key> sharedToLock(
      Map<Key, Entry> wanted,
      Map<UUID, Set<Key>> wantedBy,
      Map<UUID, Set<Key>> owned,
      Map<Key, Stored> stored) {
    Set<Key> keys = new TreeSet<>(Key.ORDER);
    wantedBy.forEach(
        (doctorId, mine) -> {
          Set<Key> recorded = owned.getOrDefault(doctorId, Set.of());
          for (Key key : mine) {
            Entry entry = wanted.get(key);
            if (entry.shared() && (!recorded.contains(key) || changed(entry, stored.get(key)))) {
              keys.add(key);
            }
          }
          recorded.stream().filter(key -> !mine.contains(key)).forEach(keys::add);
        });
    return keys;
  }

  private static boolean changed(Entry entry, Stored stored) {
    return stored == null || stored.deleted() || !entry.hash().equals(stored.contentHash());
  }

  /**
   * Whether the view's index rows for the resource differ from its values now: it has none yet, a
   * withdrawal dropped them, or a value changed.
   */
  private static boolean indexChanged(Entry entry, Stored stored) {
    return stored == null || stored.deleted() || !entry.indexHash().equals(stored.indexHash());
  }

  /**
   * Writes what changed: a new version of each resource whose content changed (or that comes back
   * from a tombstone), and the index of each resource whose search values changed, its own or the
   * chained ones of what it refers to.
   *
   * @return the resources given a new version
   */
  private Set<Key> write(Map<Key, Entry> wanted, Map<Key, Stored> stored) {
    List<Entry> changed = new ArrayList<>();
    List<Entry> reindex = new ArrayList<>();
    for (Entry entry : wanted.values()) {
      Stored now = stored.get(entry.key());
      if (changed(entry, now)) {
        changed.add(entry);
      } else if (!entry.indexHash().equals(now.indexHash())) {
        reindex.add(entry);
      }
    }
    // Published again after a withdrawal: the owner kept on record there owns it no more.
    List<Key> revived =
        changed.stream()
            .filter(e -> e.shared() && stored.containsKey(e.key()) && stored.get(e.key()).deleted())
            .map(Entry::key)
            .toList();
    if (!revived.isEmpty()) {
      jdbc.update(
          """
          delete from directory_owner o using directory_resource r
          where (r.insurer_id, r.type, r.id) in
                (select * from unnest(?::text[], ?::text[], ?::text[]))
            and r.deleted
            and o.insurer_id = r.insurer_id and o.type = r.type and o.id = r.id
          """,
          keyArrays(revived));
    }
    Set<Key> versioned = upsert(changed);
    recordHistory(versioned);
    // A new version whose search values are the ones indexed (a new telephone number, say) keeps
    // its index rows: rewriting them was most of what an edit cost the projection.
    Set<Key> indexed = new TreeSet<>(Key.ORDER);
    versioned.stream()
        .filter(key -> indexChanged(wanted.get(key), stored.get(key)))
        .forEach(indexed::add);
    indexed.addAll(reindexed(reindex));
    reindex(indexed.stream().map(wanted::get).toList());
    // After the index: a subscription's filter is a search over it.
    versioned.forEach(key -> subscriptions.recordEvents(key.insurerId(), key.type(), key.id()));
    return versioned;
  }

  /** One statement for every changed resource; the guard keeps a racing no-op from versioning. */
  private Set<Key> upsert(List<Entry> changed) {
    if (changed.isEmpty()) {
      return Set.of();
    }
    Object[] keys = keyArrays(changed.stream().map(Entry::key).toList());
    return keysReturnedBy(
        """
        insert into directory_resource (insurer_id, type, id, doctor_id, version,
          last_updated, deleted, content, content_hash, index_hash)
        select w.insurer_id, w.type, w.id, w.doctor_id::uuid, 1, clock_timestamp(), false,
          w.content, w.content_hash, w.index_hash
        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
          as w(insurer_id, type, id, doctor_id, content, content_hash, index_hash)
        order by w.insurer_id, w.type, w.id
        on conflict (insurer_id, type, id) do update set
          version = directory_resource.version + 1, last_updated = clock_timestamp(),
          deleted = false, content = excluded.content, content_hash = excluded.content_hash,
          doctor_id = excluded.doctor_id, index_hash = excluded.index_hash
        where directory_resource.deleted
           or directory_resource.content_hash is distinct from excluded.content_hash
        returning insurer_id, type, id
        """,
        keys[0],
        keys[1],
        keys[2],
        changed.stream()
            .map(e -> e.owner() == null ? null : e.owner().toString())
            .toArray(String[]::new),
        changed.stream().map(Entry::content).toArray(String[]::new),
        changed.stream().map(Entry::hash).toArray(String[]::new),
        changed.stream().map(Entry::indexHash).toArray(String[]::new));
  }

  /**
   * The content is unchanged but what it refers to may not be (a role whose location moved city):
   * the index is rewritten without a new version, as an insurer's server would re-index it.
   *
   * @return the resources whose index is to be rewritten
   */
  private Set<Key> reindexed(List<Entry> entries) {
    if (entries.isEmpty()) {
      return Set.of();
    }
    Object[] keys = keyArrays(entries.stream().map(Entry::key).toList());
    return keysReturnedBy(
        """
        update directory_resource r set index_hash = w.index_hash
        from unnest(?::text[], ?::text[], ?::text[], ?::text[])
          as w(insurer_id, type, id, index_hash)
        where r.insurer_id = w.insurer_id and r.type = w.type and r.id = w.id
          and r.index_hash is distinct from w.index_hash
        returning r.insurer_id, r.type, r.id
        """,
        keys[0],
        keys[1],
        keys[2],
        entries.stream().map(Entry::indexHash).toArray(String[]::new));
  }

  /** Replaces the search values of these resources, in two statements. */
  private void reindex(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    deleteIndex(entries.stream().map(Entry::key).toList());
    List<String[]> rows = new ArrayList<>();
    for (Entry entry : entries) {
      for (SearchIndex.Value value : entry.values()) {
        Key key = entry.key();
        rows.add(
            new String[] {key.insurerId(), key.type(), key.id(), value.param(), value.value()});
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    Object[] columns = new Object[5];
    for (int c = 0; c < columns.length; c++) {
      int column = c;
      columns[c] = rows.stream().map(row -> row[column]).toArray(String[]::new);
    }
    jdbc.update(
        """
        insert into directory_search (insurer_id, type, id, param, value)
        select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
        """,
        columns);
  }

  private void deleteIndex(Collection<Key> keys) {
    jdbc.update(
        """
        delete from directory_search
        where (insurer_id, type, id) in (select * from unnest(?::text[], ?::text[], ?::text[]))
        """,
        keyArrays(keys));
  }

  /**
   * Records each doctor as an owner of the shared resources they publish, where not on record yet
   * (or where the record was just cleared because the resource comes back from a tombstone).
   */
  private void recordOwners(
      Map<Key, Entry> wanted,
      Map<UUID, Set<Key>> wantedBy,
      Map<UUID, Set<Key>> owned,
      Map<Key, Stored> stored) {
    List<Key> keys = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    wantedBy.forEach(
        (doctorId, mine) -> {
          Set<Key> recorded = owned.getOrDefault(doctorId, Set.of());
          for (Key key : mine) {
            Stored before = stored.get(key);
            boolean cleared = before != null && before.deleted();
            if (wanted.get(key).shared() && (cleared || !recorded.contains(key))) {
              keys.add(key);
              owners.add(doctorId.toString());
            }
          }
        });
    if (keys.isEmpty()) {
      return;
    }
    Object[] columns = keyArrays(keys);
    jdbc.update(
        """
        insert into directory_owner (insurer_id, type, id, doctor_id)
        select w.insurer_id, w.type, w.id, w.doctor_id::uuid
        from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as w(insurer_id, type, id, doctor_id)
        on conflict do nothing
        """,
        columns[0],
        columns[1],
        columns[2],
        owners.toArray(String[]::new));
  }

  /**
   * The doctors no longer share these resources. Where no other doctor does, the resource is to be
   * withdrawn and the last owner stays on record, so the tombstone stays as hidden as the doctor's
   * own resources. Runs after {@link #recordOwners}, so a doctor of this batch taking a resource
   * over keeps it published.
   *
   * @return the resources to withdraw
   */
  private List<Key> disown(
      List<UUID> doctorIds, Map<UUID, Set<Key>> wantedBy, Map<UUID, Set<Key>> owned) {
    List<Object[]> rows = new ArrayList<>();
    for (UUID doctorId : doctorIds) {
      owned.getOrDefault(doctorId, Set.of()).stream()
          .filter(key -> !wantedBy.get(doctorId).contains(key))
          .sorted(Key.ORDER)
          .forEach(key -> rows.add(new Object[] {key.insurerId(), key.type(), key.id(), doctorId}));
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    int[] others =
        jdbc.batchUpdate(
            """
            delete from directory_owner o
            where o.insurer_id = ? and o.type = ? and o.id = ? and o.doctor_id = ?
              and exists (select 1 from directory_owner p where p.insurer_id = o.insurer_id
                            and p.type = o.type and p.id = o.id and p.doctor_id <> o.doctor_id)
            """,
            rows);
    List<Key> lastOwned = new ArrayList<>();
    for (int i = 0; i < others.length; i++) {
      if (others[i] == 0) {
        Object[] row = rows.get(i);
        lastOwned.add(new Key((String) row[0], (String) row[1], (String) row[2]));
      }
    }
    return lastOwned;
  }

  /** Withdraws the resources still live among these: a tombstone version each. */
  private void delete(Collection<Key> keys) {
    if (keys.isEmpty()) {
      return;
    }
    Set<Key> deleted =
        keysReturnedBy(
            """
        update directory_resource set version = version + 1, last_updated = clock_timestamp(),
          deleted = true, content = null, content_hash = null
        where (insurer_id, type, id) in (select * from unnest(?::text[], ?::text[], ?::text[]))
          and not deleted
        returning insurer_id, type, id
        """,
            keyArrays(keys));
    if (deleted.isEmpty()) {
      return;
    }
    recordHistory(deleted);
    deleted.forEach(key -> subscriptions.recordEvents(key.insurerId(), key.type(), key.id()));
    deleteIndex(deleted);
  }

  private void recordHistory(Collection<Key> keys) {
    if (keys.isEmpty()) {
      return;
    }
    jdbc.update(
        """
        insert into directory_history
          (insurer_id, type, id, version, doctor_id, last_updated, deleted, content)
        select insurer_id, type, id, version, doctor_id, last_updated, deleted, content
        from directory_resource
        where (insurer_id, type, id) in (select * from unnest(?::text[], ?::text[], ?::text[]))
        """,
        keyArrays(keys));
  }

  /** The keys of the rows a statement returns (its first three columns), in key order. */
  private Set<Key> keysReturnedBy(String sql, Object... args) {
    Set<Key> keys = new TreeSet<>(Key.ORDER);
    jdbc.query(
        sql,
        rs -> {
          keys.add(new Key(rs.getString(1), rs.getString(2), rs.getString(3)));
        },
        args);
    return keys;
  }

  /** The keys as three parallel arrays, the arguments of an {@code unnest} of keys. */
  private static Object[] keyArrays(Collection<Key> keys) {
    return new Object[] {
      keys.stream().map(Key::insurerId).toArray(String[]::new),
      keys.stream().map(Key::type).toArray(String[]::new),
      keys.stream().map(Key::id).toArray(String[]::new)
    };
  }

  /** A resource as mapped now, ready to store. */
  private record Entry(
      Key key,
      UUID owner,
      boolean shared,
      String content,
      String hash,
      String indexHash,
      List<SearchIndex.Value> values) {}

  /** A resource as the view holds it. */
  private record Stored(boolean deleted, String contentHash, String indexHash) {}

  /** One resource in one insurer's view. */
  record Key(String insurerId, String type, String id) {
    static final Comparator<Key> ORDER =
        Comparator.comparing(Key::insurerId).thenComparing(Key::type).thenComparing(Key::id);
  }
}
