package org.docport.hub.consent;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.docport.hub.registry.Doctors;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one rule of who may see whose data: a doctor's data flows to an insurer while the doctor has
 * finished onboarding and their consent to that insurer is {@link #FLOWING} (enrolling, so the
 * insurer can decide, or active). Planning deliveries, re-checking at delivery time and serving the
 * FHIR API all ask here; none of them restates the rule in its own SQL. The architecture test lets
 * no class outside this feature read the consent table.
 */
@Component
@Primary
public class InsurerVisibility {

  /** Consent statuses under which data flows to the insurer. */
  public static final Set<ConsentStatus> FLOWING =
      EnumSet.of(ConsentStatus.ENROLLING, ConsentStatus.ACTIVE);

  /**
   * A doctor's data may flow to an insurer; {@code version} is the doctor's current version, {@code
   * calendarVersion} the doctor's calendar's (0 without one).
   */
  public record Flow(String insurerId, UUID doctorId, long version, long calendarVersion) {}

  /**
   * A doctor whose data may flow to an insurer, whether an operator has paused delivery to it, the
   * version of the insurer's profile at that moment, and the version of the doctor's calendar (0
   * when the doctor never had slots or appointments).
   */
  public record Visible(
      DoctorSnapshot doctor, boolean insurerPaused, long insurerVersion, long calendarVersion) {}

  private static final String FLOWING_SQL =
      FLOWING.stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", "));

  /**
   * The pairs whose data flows now, as a SQL relation with columns {@code insurer_id, doctor_id,
   * version}: queries that must honour the rule (searches over the registry) join it.
   */
  private static final String PAIRS =
      "(select c.insurer_id, c.doctor_id, d.version from consent c"
          + " join doctor d on d.id = c.doctor_id"
          + " where c.status in ("
          + FLOWING_SQL
          + ") and d.onboarding = 'ACTIVE')";

  /** Rows per round trip when streaming; PostgreSQL streams only inside a transaction. */
  private static final int FETCH_SIZE = 500;

  private final JdbcTemplate jdbc;
  private final JdbcTemplate streaming;
  private final TransactionTemplate readOnly;
  private final Doctors doctors;

  /**
   * The rule, asked on these connections: the registry's (this bean) or the delivery lanes' own,
   * whose statements are planned once (the delivery feature's second instance).
   */
  public InsurerVisibility(JdbcTemplate jdbc, TransactionTemplate tx, Doctors doctors) {
    this.jdbc = jdbc;
    this.doctors = doctors;
    this.streaming = new JdbcTemplate(jdbc.getDataSource());
    this.streaming.setFetchSize(FETCH_SIZE);
    this.readOnly = new TransactionTemplate(tx.getTransactionManager());
    this.readOnly.setReadOnly(true);
  }

  /**
   * The visible pairs as a SQL relation with columns {@code insurer_id, doctor_id, version}, for a
   * query that must honour the rule inside its own filters and paging (a FHIR search): join it, do
   * not restate it.
   */
  public String pairs() {
    return PAIRS;
  }

  /** For each of these doctors, every insurer their data may flow to now. */
  public List<Flow> flowsOf(Collection<UUID> doctorIds) {
    if (doctorIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        "select p.insurer_id, p.doctor_id, p.version, coalesce(c.version, 0) from "
            + PAIRS
            + " p left join doctor_calendar c on c.doctor_id = p.doctor_id"
            + " where p.doctor_id = any(?)",
        (rs, n) ->
            new Flow(rs.getString(1), rs.getObject(2, UUID.class), rs.getLong(3), rs.getLong(4)),
        (Object) doctorIds.toArray(UUID[]::new));
  }

  /**
   * Whether the insurer may see at least one doctor now: nothing of the insurer itself (its
   * Organization, networks, plans) is published to it before.
   */
  public boolean seesAnyDoctor(String insurerId) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from " + PAIRS + " p where p.insurer_id = ?)",
            Boolean.class,
            insurerId));
  }

  /** Those of the doctors whose data may flow to the insurer now. */
  public List<UUID> visibleAmong(String insurerId, UUID[] doctorIds) {
    return jdbc.queryForList(
        "select p.doctor_id from " + PAIRS + " p where p.insurer_id = ? and p.doctor_id = any(?)",
        UUID.class,
        insurerId,
        doctorIds);
  }

  /** Whether the doctor's data may flow to the insurer now, without reading the profile. */
  public boolean sees(UUID doctorId, String insurerId) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from "
                + PAIRS
                + " p where p.doctor_id = ? and p.insurer_id = ?)",
            Boolean.class,
            doctorId,
            insurerId));
  }

  /**
   * The doctor, only if their data may flow to the insurer: one query, so the rule, the insurer's
   * pause flag and the data read see the same moment.
   */
  public Optional<Visible> find(UUID doctorId, String insurerId) {
    return Optional.ofNullable(findAll(List.of(doctorId), insurerId).get(doctorId));
  }

  /**
   * {@link #find} for several doctors of one insurer in one query: doctor id to what is visible,
   * for those of {@code doctorIds} whose data may flow to the insurer now.
   */
  public Map<UUID, Visible> findAll(Collection<UUID> doctorIds, String insurerId) {
    Map<UUID, Visible> found = new HashMap<>();
    RowCallbackHandler row =
        rs ->
            found.put(
                rs.getObject(1, UUID.class),
                new Visible(
                    doctors.parse(rs.getString(2)),
                    rs.getBoolean(3),
                    rs.getLong(4),
                    rs.getLong(5)));
    jdbc.query(
        "select p.doctor_id, d.profile, i.paused, i.version, coalesce(dc.version, 0) from "
            + PAIRS
            + " p join doctor d on d.id = p.doctor_id join insurer i on i.id = p.insurer_id"
            + " left join doctor_calendar dc on dc.doctor_id = p.doctor_id"
            + " where p.doctor_id = any(?) and p.insurer_id = ?",
        row,
        doctorIds.toArray(UUID[]::new),
        insurerId);
    return found;
  }

  /**
   * Hands every doctor whose data may flow to the insurer now (only those of {@code among} when it
   * is not null), in doctor id order, as the rows arrive: one query in a read-only transaction with
   * a cursor, so a roster of 100,000 doctors is never held in memory. The insurer's pause flag and
   * the version of its profile are read first, in the same transaction: {@code atInsurerVersion}
   * answers, given that version, what to hand each doctor to.
   *
   * @return false, having handed over nothing, when the insurer is paused or does not exist
   */
  public boolean forEachVisible(
      String insurerId,
      Collection<UUID> among,
      LongFunction<Consumer<DoctorSnapshot>> atInsurerVersion) {
    return Boolean.TRUE.equals(
        readOnly.execute(
            status -> {
              List<Long> version =
                  jdbc.query(
                      "select version from insurer where id = ? and not paused",
                      (rs, n) -> rs.getLong(1),
                      insurerId);
              if (version.isEmpty()) {
                return false;
              }
              Consumer<DoctorSnapshot> each = atInsurerVersion.apply(version.get(0));
              String sql =
                  "select d.profile from "
                      + PAIRS
                      + " p join doctor d on d.id = p.doctor_id where p.insurer_id = ?"
                      + (among == null ? "" : " and p.doctor_id = any(?)")
                      + " order by p.doctor_id";
              RowCallbackHandler row = rs -> each.accept(doctors.parse(rs.getString(1)));
              if (among == null) {
                streaming.query(sql, row, insurerId);
              } else {
                streaming.query(sql, row, insurerId, among.toArray(UUID[]::new));
              }
              return true;
            }));
  }
}
