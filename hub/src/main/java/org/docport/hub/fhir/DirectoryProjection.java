package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.insurer.InsurerContexts;
import org.docport.hub.registry.Doctors;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.mappings.PlanNetMapper;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * nothing, and the row lock keeps two replicas from projecting one doctor at once.
 *
 * <p>Each new version (a deletion too) is also an event for the insurer's subscriptions, appended
 * in the same transaction, as it commits ({@link SubscriptionStore#recordEvents}): subscribers are
 * told exactly what the insurer's view went through, fed by the same change capture as the
 * connectors.
 */
@Component
public class DirectoryProjection {

  private static final Logger log = LoggerFactory.getLogger(DirectoryProjection.class);

  /** Doctor-owned resource types, withdrawn when the doctor is no longer visible. */
  private static final Set<String> DOCTOR_OWNED =
      Set.of("Practitioner", "Location", "PractitionerRole", "HealthcareService");

  /**
   * Business identifier systems of the insurer's own resources: its Organization, networks, plans.
   */
  private static final Set<String> INSURERS_OWN =
      Set.of(
          BusinessIdentifiers.INSURER,
          BusinessIdentifiers.NETWORK,
          BusinessIdentifiers.INSURANCE_PLAN);

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
   * Projects up to {@code max} queued doctors in one transaction.
   *
   * @return how many were projected (0 when the queue is empty or held by another replica)
   */
  int projectNext(int max) {
    Integer projected =
        tx.execute(
            s -> {
              List<UUID> claimed =
                  jdbc.queryForList(
                      """
                      delete from directory_pending where doctor_id in (
                        select doctor_id from directory_pending order by enqueued_at
                        limit ? for update skip locked)
                      returning doctor_id
                      """,
                      UUID.class,
                      max);
              // A fixed order, so two replicas writing one shared resource never deadlock.
              claimed.stream().sorted().forEach(this::project);
              return claimed.size();
            });
    return projected == null ? 0 : projected;
  }

  private void project(UUID doctorId) {
    Map<Key, Resource> wanted = new HashMap<>();
    Optional<DoctorSnapshot> doctor = doctors.find(doctorId);
    if (doctor.isPresent()) {
      for (InsurerVisibility.Flow flow : visibility.flowsOf(List.of(doctorId))) {
        Optional<InsurerContext> insurer = insurers.find(flow.insurerId());
        if (insurer.isEmpty()) {
          continue;
        }
        for (Resource r : publishable(doctor.get(), insurer.get())) {
          wanted.put(new Key(flow.insurerId(), r.fhirType(), r.getIdElement().getIdPart()), r);
        }
      }
    }
    Map<Key, String> held = heldOf(doctorId);
    Set<Key> owned = ownedBy(doctorId);
    wanted.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Key.ORDER))
        .forEach(e -> write(e.getKey(), doctorId, e.getValue(), published(wanted, e.getKey())));
    held.keySet().stream()
        .filter(key -> !wanted.containsKey(key))
        .sorted(Key.ORDER)
        .forEach(this::delete);
    owned.stream()
        .filter(key -> !wanted.containsKey(key))
        .sorted(Key.ORDER)
        .forEach(key -> disown(key, doctorId));
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

  /** The shared resources published for this doctor (affiliations), in every insurer's view. */
  private Set<Key> ownedBy(UUID doctorId) {
    Set<Key> owned = new HashSet<>();
    jdbc.query(
        "select insurer_id, type, id from directory_owner where doctor_id = ?",
        rs -> {
          owned.add(new Key(rs.getString(1), rs.getString(2), rs.getString(3)));
        },
        doctorId);
    return owned;
  }

  /**
   * The doctor no longer shares the resource. When no other doctor does, it is withdrawn and the
   * last owner stays on record, so the tombstone stays as hidden as the doctor's own resources.
   */
  private void disown(Key key, UUID doctorId) {
    int others =
        jdbc.update(
            """
            delete from directory_owner o
            where o.insurer_id = ? and o.type = ? and o.id = ? and o.doctor_id = ?
              and exists (select 1 from directory_owner p where p.insurer_id = o.insurer_id
                            and p.type = o.type and p.id = o.id and p.doctor_id <> o.doctor_id)
            """,
            key.insurerId(),
            key.type(),
            key.id(),
            doctorId);
    if (others == 0) {
      delete(key);
    }
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

  /** What the doctor's own resources are in every insurer's view now, with content hashes. */
  private Map<Key, String> heldOf(UUID doctorId) {
    Map<Key, String> held = new HashMap<>();
    jdbc.query(
        "select insurer_id, type, id, content_hash from directory_resource"
            + " where doctor_id = ? and not deleted",
        rs -> {
          held.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4));
        },
        doctorId);
    return held;
  }

  private void write(
      Key key, UUID doctorId, Resource resource, Function<String, Resource> published) {
    Resource body = resource.copy();
    body.setId((String) null);
    body.getMeta().setVersionId(null).setLastUpdated(null);
    String content = fhir.newJsonParser().encodeResourceToString(body);
    String hash = sha256(content);
    List<SearchIndex.Value> values = index.valuesOf(resource, published);
    String indexHash =
        sha256(
            values.stream()
                .map(v -> v.param() + "=" + v.value())
                .sorted()
                .collect(Collectors.joining("\n")));
    UUID owner = doctorOwned(key.type()) ? doctorId : null;
    boolean shared = owner == null && !insurersOwn(resource);
    if (shared) {
      // Published again after a withdrawal: the owner kept on record there owns it no more.
      jdbc.update(
          """
          delete from directory_owner o using directory_resource r
          where r.insurer_id = ? and r.type = ? and r.id = ? and r.deleted
            and o.insurer_id = r.insurer_id and o.type = r.type and o.id = r.id
          """,
          key.insurerId(),
          key.type(),
          key.id());
    }
    List<Long> versions =
        jdbc.queryForList(
            """
            insert into directory_resource (insurer_id, type, id, doctor_id, version,
              last_updated, deleted, content, content_hash, index_hash)
            values (?, ?, ?, ?, 1, clock_timestamp(), false, ?, ?, ?)
            on conflict (insurer_id, type, id) do update set
              version = directory_resource.version + 1, last_updated = clock_timestamp(),
              deleted = false, content = excluded.content, content_hash = excluded.content_hash,
              doctor_id = excluded.doctor_id, index_hash = excluded.index_hash
            where directory_resource.deleted
               or directory_resource.content_hash is distinct from excluded.content_hash
            returning version
            """,
            Long.class,
            key.insurerId(),
            key.type(),
            key.id(),
            owner,
            content,
            hash,
            indexHash);
    if (shared) {
      jdbc.update(
          "insert into directory_owner (insurer_id, type, id, doctor_id) values (?, ?, ?, ?)"
              + " on conflict do nothing",
          key.insurerId(),
          key.type(),
          key.id(),
          doctorId);
    }
    if (!versions.isEmpty()) {
      recordHistory(key);
    } else if (!reindexed(key, indexHash)) {
      return; // unchanged, and so are the chained values of the resources it refers to
    }
    jdbc.update(
        "delete from directory_search where insurer_id = ? and type = ? and id = ?",
        key.insurerId(),
        key.type(),
        key.id());
    List<Object[]> rows = new ArrayList<>();
    for (SearchIndex.Value value : values) {
      rows.add(new Object[] {key.insurerId(), key.type(), key.id(), value.param(), value.value()});
    }
    jdbc.batchUpdate(
        "insert into directory_search (insurer_id, type, id, param, value) values (?, ?, ?, ?, ?)",
        rows);
    if (!versions.isEmpty()) {
      // After the index: a subscription's filter is a search over it.
      subscriptions.recordEvents(key.insurerId(), key.type(), key.id());
    }
  }

  /**
   * The content is unchanged but what it refers to may not be (a role whose location moved city):
   * the index is rewritten without a new version, as an insurer's server would re-index it.
   */
  private boolean reindexed(Key key, String indexHash) {
    return jdbc.update(
            """
            update directory_resource set index_hash = ?
            where insurer_id = ? and type = ? and id = ? and index_hash is distinct from ?
            """,
            indexHash,
            key.insurerId(),
            key.type(),
            key.id(),
            indexHash)
        > 0;
  }

  /**
   * The insurer's own resource (a network, a plan, its Organization): shown to it whoever is
   * published, never withdrawn with a doctor.
   */
  private static boolean insurersOwn(Resource resource) {
    return INSURERS_OWN.contains(BusinessIdentifiers.of(resource).getSystem());
  }

  private void delete(Key key) {
    int deleted =
        jdbc.update(
            """
            update directory_resource set version = version + 1, last_updated = clock_timestamp(),
              deleted = true, content = null, content_hash = null
            where insurer_id = ? and type = ? and id = ? and not deleted
            """,
            key.insurerId(),
            key.type(),
            key.id());
    if (deleted == 0) {
      return;
    }
    recordHistory(key);
    subscriptions.recordEvents(key.insurerId(), key.type(), key.id());
    jdbc.update(
        "delete from directory_search where insurer_id = ? and type = ? and id = ?",
        key.insurerId(),
        key.type(),
        key.id());
  }

  private void recordHistory(Key key) {
    jdbc.update(
        """
        insert into directory_history
          (insurer_id, type, id, version, doctor_id, last_updated, deleted, content)
        select insurer_id, type, id, version, doctor_id, last_updated, deleted, content
        from directory_resource where insurer_id = ? and type = ? and id = ?
        """,
        key.insurerId(),
        key.type(),
        key.id());
  }

  private static String sha256(String content) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One resource in one insurer's view. */
  record Key(String insurerId, String type, String id) {
    static final Comparator<Key> ORDER =
        Comparator.comparing(Key::insurerId).thenComparing(Key::type).thenComparing(Key::id);
  }
}
