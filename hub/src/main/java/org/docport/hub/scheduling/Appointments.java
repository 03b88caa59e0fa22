package org.docport.hub.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.docport.hub.consent.InsurerVisibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appointments insurers book into doctors' slots: the only writer of {@code appointment}. That a
 * doctor is never booked twice at once is PostgreSQL's to enforce (the exclusion constraint of
 * migration V25 over the doctor's booked time), so two insurers racing for one slot, or for
 * overlapping slots at two locations, get one appointment between them however their requests
 * interleave; the checks here only turn the refusal into a clear answer.
 *
 * <p>Every change of an appointment's time or status makes the slots it overlaps a new version
 * ({@link Slots#touch}), in the same transaction: a slot's status as insurers see it (free, busy,
 * busy-tentative) comes from the appointments over it, and its version says when that changed.
 */
@Component
public class Appointments {

  /** Who the audit trail says changed a calendar when a doctor did. */
  static final String DOCTOR_ACTOR = "doctor";

  /** Who the audit trail says changed a calendar when a hold ran out. */
  static final String HOLD_EXPIRY_ACTOR = "hold-expiry";

  /** The constraint that keeps a doctor's booked times apart. */
  static final String TIME_TAKEN = "appointment_doctor_time_taken";

  /** Where an appointment is in its life. */
  public enum Status {
    /** Held for the insurer until its hold runs out. */
    HELD,
    BOOKED,
    ARRIVED,
    FULFILLED,
    NOSHOW,
    CANCELLED,
    /** A hold that ran out before it was booked. */
    EXPIRED;

    /** The statuses in which an appointment holds the doctor's time (V25's constraint). */
    public static final Set<Status> HOLDING = EnumSet.of(HELD, BOOKED, ARRIVED, FULFILLED, NOSHOW);

    /** Those statuses as a SQL list: {@code ('HELD', ...)}. */
    public static final String HOLDING_SQL =
        HOLDING.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
  }

  /** How long a hold lasts when the insurer does not say. */
  public static final Duration DEFAULT_HOLD = Duration.ofMinutes(10);

  /** The longest hold an insurer may ask for. */
  public static final Duration MAX_HOLD = Duration.ofMinutes(60);

  /** What asking for an appointment came to. */
  public sealed interface Outcome {}

  /** It was done: the appointment it left. */
  public sealed interface Done extends Outcome {
    String appointmentId();
  }

  /** Booked (or rescheduled): the appointment's id. */
  public record Booked(String appointmentId) implements Done {}

  /** Held until then: the appointment's id. */
  public record Held(String appointmentId, Instant until) implements Done {}

  /** Cancelled: the appointment's id. */
  public record Cancelled(String appointmentId) implements Done {}

  /** The doctor recorded what happened (arrived, fulfilled, no-show): the appointment's id. */
  public record Recorded(String appointmentId) implements Done {}

  /** Someone holds or has booked that time already. */
  public record Taken(String slotId) implements Outcome {}

  /**
   * No such slot or appointment for this insurer: unknown, past, a doctor it may not see, or an
   * appointment another insurer booked (a 404 all).
   */
  public record NotFound(String id) implements Outcome {}

  /**
   * The slot exists but is not free (leave, a public holiday), or the appointment is past changing
   * (cancelled, fulfilled): why.
   */
  public record Unavailable(String id, String why) implements Outcome {}

  /**
   * An appointment as stored.
   *
   * @param patient the patient as the insurer supplied it (opaque JSON, the FHIR layer's form)
   * @param serviceType the service's standard code as JSON, or null
   * @param cancelledBy {@code INSURER} or {@code DOCTOR}, once cancelled
   */
  public record Stored(
      String id,
      UUID doctorId,
      String insurerId,
      String slotId,
      String locationId,
      String serviceId,
      Instant start,
      Instant end,
      Status status,
      Instant holdUntil,
      String patient,
      String coverage,
      String scheduleId,
      String serviceName,
      String serviceType,
      boolean telemedicine,
      String meetingLink,
      String cancellationReason,
      String cancelledBy,
      String rescheduleReason,
      long version,
      Instant created,
      Instant updated) {}

  /** What an insurer's appointment search asks; nulls ask nothing. */
  public record Query(
      Instant from,
      Instant to,
      Set<Status> statuses,
      UUID doctorId,
      String afterStart,
      int count) {}

  private static final String COLUMNS =
      "id, doctor_id, insurer_id, slot_id, location_id, service_id, lower(period), upper(period),"
          + " status, hold_until, patient, coverage, schedule_id, service_name, service_type,"
          + " telemedicine, meeting_link, cancellation_reason, cancelled_by, reschedule_reason,"
          + " version, created_at, updated_at";

  private final JdbcTemplate jdbc;
  private final InsurerVisibility visibility;
  private final Slots slots;
  private final Availabilities availabilities;
  private final CalendarVersions versions;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final TransactionTemplate savepoint;
  private final Clock clock = Clock.systemUTC();

  Appointments(
      JdbcTemplate jdbc,
      InsurerVisibility visibility,
      Slots slots,
      Availabilities availabilities,
      CalendarVersions versions,
      ApplicationEventPublisher events,
      ObjectMapper json,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.visibility = visibility;
    this.slots = slots;
    this.availabilities = availabilities;
    this.versions = versions;
    this.events = events;
    this.json = json;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Books the slot for the insurer's patient.
   *
   * @param patient the patient as the insurer supplies it (a reference or minimal demographics)
   */
  @Transactional
  public Outcome book(String insurerId, String slotId, JsonNode patient, JsonNode coverage) {
    return take(insurerId, slotId, patient, coverage, null);
  }

  /**
   * How long a hold the insurer asks for lasts: {@code minutes}, or {@link #DEFAULT_HOLD} when it
   * does not say; empty when it asks for less than a minute or more than {@link #MAX_HOLD}.
   */
  public static Optional<Duration> holdLength(Integer minutes) {
    Duration length = minutes == null ? DEFAULT_HOLD : Duration.ofMinutes(minutes);
    return length.isNegative() || length.isZero() || length.compareTo(MAX_HOLD) > 0
        ? Optional.empty()
        : Optional.of(length);
  }

  /**
   * Holds the slot for the insurer's patient until {@code until}: nobody else can take the time
   * meanwhile, and unless the insurer confirms it ({@link #confirm}) it is released then.
   */
  @Transactional
  public Outcome hold(
      String insurerId, String slotId, JsonNode patient, JsonNode coverage, Instant until) {
    return take(insurerId, slotId, patient, coverage, until);
  }

  /** Books what the insurer holds, if the hold has not run out. */
  @Transactional
  public Outcome confirm(String insurerId, String appointmentId) {
    return confirm("insurer_id", insurerId, appointmentId, insurerId, insurerId);
  }

  /**
   * The doctor confirms a held appointment, which is then booked (the booking insurer is told, as
   * of any change); one already booked stays as it is, so a repeated confirmation is harmless.
   */
  @Transactional
  public Outcome confirmByDoctor(UUID doctorId, String appointmentId) {
    Optional<Stored> booked =
        ofDoctor(doctorId, appointmentId).filter(a -> a.status() == Status.BOOKED);
    if (booked.isPresent()) {
      return new Booked(appointmentId);
    }
    return confirm("doctor_id", doctorId, appointmentId, null, DOCTOR_ACTOR);
  }

  private Outcome confirm(
      String column, Object owner, String appointmentId, String insurerId, String actor) {
    Optional<Stored> current = lock(column, owner, appointmentId);
    if (current.isEmpty()) {
      return new NotFound(appointmentId);
    }
    Stored held = current.get();
    if (held.status() != Status.HELD || !held.holdUntil().isAfter(clock.instant())) {
      return new Unavailable(appointmentId, "it is " + held.status() + ", not held");
    }
    jdbc.update(
        "update appointment set status = 'BOOKED', hold_until = null, version = version + 1,"
            + " updated_at = clock_timestamp(), calendar_version = ? where id = ?",
        versions.next(held.doctorId()),
        appointmentId);
    touch(held, insurerId, actor);
    return new Booked(appointmentId);
  }

  /**
   * Cancels the insurer's appointment (or releases its hold); one already cancelled stays as it is,
   * so a repeated cancel is harmless.
   */
  @Transactional
  public Outcome cancel(String insurerId, String appointmentId, String reason) {
    return cancel("insurer_id", insurerId, appointmentId, reason, "INSURER", insurerId);
  }

  /**
   * Moves the insurer's booked appointment to another slot, atomically: the appointment keeps its
   * id and takes the new time in one statement, which PostgreSQL refuses if the time is taken, so
   * the old time is released only when the new one is had.
   */
  @Transactional
  public Outcome reschedule(String insurerId, String appointmentId, String slotId) {
    Optional<Stored> current = lock(insurerId, appointmentId);
    if (current.isEmpty()) {
      return new NotFound(appointmentId);
    }
    if (current.get().status() != Status.BOOKED) {
      return new Unavailable(
          appointmentId, "it is " + current.get().status() + "; only a booked one can be moved");
    }
    if (current.get().slotId().equals(slotId)) {
      return new Booked(appointmentId);
    }
    Bookable target = bookable(insurerId, slotId);
    if (target.owned() == null) {
      return target.refusal();
    }
    Slot slot = target.owned().slot();
    try {
      savepoint.executeWithoutResult(
          status ->
              jdbc.update(
                  """
                  update appointment set doctor_id = ?, slot_id = ?, location_id = ?,
                    service_id = ?, period = tstzrange(?, ?, '[)'), schedule_id = ?,
                    service_name = ?, service_type = ?::jsonb, telemedicine = ?, meeting_link = ?,
                    version = version + 1, updated_at = clock_timestamp(), calendar_version = ?
                  where id = ?
                  """,
                  target.owned().doctorId(),
                  slotId,
                  slot.locationId(),
                  slot.serviceId(),
                  Timestamp.from(slot.start()),
                  Timestamp.from(slot.end()),
                  target.owned().scheduleId(),
                  target.owned().serviceName(),
                  target.owned().serviceType(),
                  target.owned().telemedicine(),
                  meetingLink(target.owned()),
                  versions.next(target.owned().doctorId()),
                  appointmentId));
    } catch (DataAccessException e) {
      if (timeTaken(e)) {
        return new Taken(slotId);
      }
      throw e;
    }
    touch(current.get(), insurerId, insurerId);
    slots.touch(target.owned().doctorId(), slot.start(), slot.end());
    versions.changed(target.owned().doctorId(), insurerId, insurerId);
    return new Booked(appointmentId);
  }

  /**
   * The doctor cancels an appointment (or releases a hold) and says why; the booking insurer learns
   * it from the appointment's new version. A repeated cancel is harmless.
   */
  @Transactional
  public Outcome cancelByDoctor(UUID doctorId, String appointmentId, String reason) {
    return cancel("doctor_id", doctorId, appointmentId, reason, "DOCTOR", DOCTOR_ACTOR);
  }

  /** Cancels the appointment if {@code column} is {@code owner}; {@code by} who cancels. */
  private Outcome cancel(
      String column, Object owner, String appointmentId, String reason, String by, String actor) {
    Optional<Stored> current = lock(column, owner, appointmentId);
    if (current.isEmpty()) {
      return new NotFound(appointmentId);
    }
    Status status = current.get().status();
    if (status == Status.CANCELLED || status == Status.EXPIRED) {
      return new Cancelled(appointmentId);
    }
    if (status != Status.HELD && status != Status.BOOKED) {
      return new Unavailable(appointmentId, "it is " + status + " and can no longer be cancelled");
    }
    jdbc.update(
        """
        update appointment set status = 'CANCELLED', hold_until = null, cancellation_reason = ?,
          cancelled_by = ?, version = version + 1, updated_at = clock_timestamp(),
          calendar_version = ?
        where id = ?
        """,
        reason,
        by,
        versions.next(current.get().doctorId()),
        appointmentId);
    touch(current.get(), by.equals("INSURER") ? actor : null, actor);
    return new Cancelled(appointmentId);
  }

  /**
   * The doctor records what happened: the patient arrived (from two hours before the start), was
   * seen (fulfilled) or did not come (no-show), the last two once the appointment has started.
   * Recording the same again is harmless.
   */
  @Transactional
  public Outcome record(UUID doctorId, String appointmentId, Status happened) {
    if (happened != Status.ARRIVED && happened != Status.FULFILLED && happened != Status.NOSHOW) {
      throw new IllegalArgumentException("a doctor records ARRIVED, FULFILLED or NOSHOW");
    }
    Optional<Stored> found = lock("doctor_id", doctorId, appointmentId);
    if (found.isEmpty()) {
      return new NotFound(appointmentId);
    }
    Stored current = found.get();
    if (current.status() == happened) {
      return new Recorded(appointmentId);
    }
    Set<Status> from =
        happened == Status.FULFILLED
            ? EnumSet.of(Status.BOOKED, Status.ARRIVED)
            : EnumSet.of(Status.BOOKED);
    if (!from.contains(current.status())) {
      return new Unavailable(
          appointmentId, "it is " + current.status() + ", and cannot become " + happened);
    }
    Instant earliest =
        happened == Status.ARRIVED ? current.start().minus(Duration.ofHours(2)) : current.start();
    if (clock.instant().isBefore(earliest)) {
      return new Unavailable(
          appointmentId,
          "it starts at " + current.start() + "; it can be " + happened + " from " + earliest);
    }
    jdbc.update(
        "update appointment set status = ?, version = version + 1, updated_at = clock_timestamp(),"
            + " calendar_version = ? where id = ?",
        happened.name(),
        versions.next(doctorId),
        appointmentId);
    versions.changed(doctorId, null, DOCTOR_ACTOR);
    events.publishEvent(new AppointmentChanged(current.insurerId(), appointmentId));
    return new Recorded(appointmentId);
  }

  /**
   * Marks the doctor's booked and held appointments whose slot is now unavailable (leave, a public
   * holiday) as needing another time, with the slot's reason, and clears the mark where the slot is
   * free again: each change is a new version of the appointment, which its insurer is told. Call
   * after the doctor's slots were generated again, in the same transaction.
   */
  void flagUnavailable(UUID doctorId) {
    List<AppointmentChanged> flagged =
        jdbc.query(
            """
        update appointment a set reschedule_reason = r.reason, version = a.version + 1,
          updated_at = clock_timestamp(), calendar_version = ?
        from (select x.id, case when s.status = 'BUSY_UNAVAILABLE'
                then coalesce(s.comment, 'the doctor is unavailable') end as reason
              from appointment x join slot s on s.id = x.slot_id
              where x.doctor_id = ? and x.status in ('HELD', 'BOOKED')) r
        where a.id = r.id and a.reschedule_reason is distinct from r.reason
        returning a.insurer_id, a.id
        """,
            (rs, n) -> new AppointmentChanged(rs.getString(1), rs.getString(2)),
            versions.next(doctorId),
            doctorId);
    if (!flagged.isEmpty()) {
      versions.changed(doctorId, null, Slots.CALENDAR_ACTOR);
    }
    flagged.forEach(events::publishEvent);
  }

  /** The doctor's appointment. */
  public Optional<Stored> ofDoctor(UUID doctorId, String appointmentId) {
    return jdbc
        .query(
            "select " + COLUMNS + " from appointment where id = ? and doctor_id = ?",
            Appointments::stored,
            appointmentId,
            doctorId)
        .stream()
        .findFirst();
  }

  /** The doctor's appointments, in any status, that start in {@code [from, to)}. */
  public List<Stored> ofDoctor(UUID doctorId, Instant from, Instant to) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from appointment where doctor_id = ? and lower(period) >= ?"
            + " and lower(period) < ? order by lower(period), id",
        Appointments::stored,
        doctorId,
        Timestamp.from(from),
        Timestamp.from(to));
  }

  /** Releases the holds that ran out before {@code now}; how many. */
  @Transactional
  public int expireHolds(Instant now) {
    // Doctor by doctor, in one order, each calendar locked first as every change of it does.
    List<UUID> doctors =
        jdbc.queryForList(
            "select distinct doctor_id from appointment where status = 'HELD' and hold_until <= ?"
                + " order by doctor_id",
            UUID.class,
            Timestamp.from(now));
    int expired = 0;
    for (UUID doctorId : doctors) {
      expired += expire(doctorId, now, null, null).size();
    }
    return expired;
  }

  /**
   * Releases the doctor's holds that ran out before {@code now}, those over {@code [start, end)}
   * when given; each releases its slots.
   */
  private List<Stored> expire(UUID doctorId, Instant now, Instant start, Instant end) {
    long version = versions.next(doctorId);
    List<Stored> expired =
        jdbc.query(
            "update appointment set status = 'EXPIRED', version = version + 1,"
                + " updated_at = clock_timestamp(), calendar_version = ?"
                + " where doctor_id = ? and status = 'HELD' and hold_until <= ?"
                + (start == null ? "" : " and period && tstzrange(?, ?, '[)')")
                + " returning "
                + COLUMNS,
            Appointments::stored,
            start == null
                ? new Object[] {version, doctorId, Timestamp.from(now)}
                : new Object[] {
                  version, doctorId, Timestamp.from(now), Timestamp.from(start), Timestamp.from(end)
                });
    expired.forEach(a -> touch(a, null, HOLD_EXPIRY_ACTOR));
    return expired;
  }

  /**
   * The insurer's appointment; another insurer's is not found. Read by id alone, so the primary key
   * answers it whatever the planner thinks of the insurer's share of the table.
   */
  public Optional<Stored> find(String insurerId, String appointmentId) {
    return jdbc
        .query(
            "select " + COLUMNS + " from appointment where id = ?",
            Appointments::stored,
            appointmentId)
        .stream()
        .filter(a -> a.insurerId().equals(insurerId))
        .findFirst();
  }

  /**
   * The insurer's appointments matching the query, in start order, after the cursor ({@code
   * start|id} of the last one of the previous page).
   */
  public List<Stored> ofInsurer(String insurerId, Query query) {
    StringBuilder sql =
        new StringBuilder("select " + COLUMNS + " from appointment where insurer_id = ?");
    List<Object> args = new ArrayList<>(List.of(insurerId));
    if (query.from() != null) {
      sql.append(" and lower(period) >= ?");
      args.add(Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      sql.append(" and lower(period) < ?");
      args.add(Timestamp.from(query.to()));
    }
    if (query.statuses() != null && !query.statuses().isEmpty()) {
      sql.append(" and status = any(?)");
      args.add(query.statuses().stream().map(Status::name).toArray(String[]::new));
    }
    if (query.doctorId() != null) {
      sql.append(" and doctor_id = ?");
      args.add(query.doctorId());
    }
    if (query.afterStart() != null) {
      String[] cursor = query.afterStart().split("\\|", 2);
      sql.append(" and (lower(period), id) > (?, ?)");
      args.add(Timestamp.from(Instant.parse(cursor[0])));
      args.add(cursor[1]);
    }
    sql.append(" order by lower(period), id limit ?");
    args.add(query.count());
    return jdbc.query(sql.toString(), Appointments::stored, args.toArray());
  }

  /**
   * The insurer's appointments with the doctor that changed after calendar version {@code since};
   * with null, all of them but holds that ran out (which an insurer that holds nothing yet need not
   * be told of).
   */
  public List<Stored> changedFor(String insurerId, UUID doctorId, Long since) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from appointment where doctor_id = ? and insurer_id = ?"
            + (since == null ? " and status <> 'EXPIRED'" : " and calendar_version > ?")
            + " order by lower(period), id",
        Appointments::stored,
        since == null
            ? new Object[] {doctorId, insurerId}
            : new Object[] {doctorId, insurerId, since});
  }

  /** The ids of all the insurer's appointments with the doctor, in any status. */
  public List<String> idsFor(String insurerId, UUID doctorId) {
    return jdbc.queryForList(
        "select id from appointment where doctor_id = ? and insurer_id = ?",
        String.class,
        doctorId,
        insurerId);
  }

  /** The appointments that hold the doctor's time (all but cancelled and expired ones). */
  public List<String> holding(UUID doctorId) {
    return jdbc.queryForList(
        "select id from appointment where doctor_id = ? and status in "
            + Status.HOLDING_SQL
            + " order by lower(period)",
        String.class,
        doctorId);
  }

  /** A slot the insurer may take now, or (owned null) why not. */
  private record Bookable(Slots.Owned owned, Outcome refusal) {}

  /** The slot if the insurer may take it now, else why not: not found, or not free. */
  private Bookable bookable(String insurerId, String slotId) {
    Instant now = clock.instant();
    Optional<Slots.Owned> found = slots.find(slotId);
    if (found.isPresent()) {
      // Read again under the calendar's lock: as the slot is now, not as it was before a change
      // of the doctor's hours that committed meanwhile.
      versions.next(found.get().doctorId());
      found = slots.find(slotId);
    }
    if (found.isEmpty()
        || !found.get().slot().start().isAfter(now)
        || !mayTake(found.get().slot(), insurerId)
        || !visibility.sees(found.get().doctorId(), insurerId)) {
      return new Bookable(null, new NotFound(slotId));
    }
    Slot slot = found.get().slot();
    if (slot.status() != Slot.Status.FREE) {
      return new Bookable(null, new Unavailable(slotId, slot.comment()));
    }
    // A hold that ran out no longer holds the time, whether or not the sweep got to it yet.
    expire(found.get().doctorId(), now, slot.start(), slot.end());
    return new Bookable(found.get(), null);
  }

  /** Whether the slot is open to all, or reserved for this insurer: one it may take. */
  private static boolean mayTake(Slot slot, String insurerId) {
    return slot.reservedFor() == null || slot.reservedFor().equals(insurerId);
  }

  /** Books ({@code holdUntil} null) or holds the slot. */
  private Outcome take(
      String insurerId, String slotId, JsonNode patient, JsonNode coverage, Instant holdUntil) {
    if (holdUntil != null && !holdUntil.isAfter(clock.instant())) {
      throw new IllegalArgumentException("a hold must end in the future, not at " + holdUntil);
    }
    Bookable target = bookable(insurerId, slotId);
    if (target.owned() == null) {
      return target.refusal();
    }
    Slots.Owned owned = target.owned();
    Slot slot = owned.slot();
    String id = UUID.randomUUID().toString();
    try {
      // In a savepoint: a refusal leaves the rest of the transaction usable.
      savepoint.executeWithoutResult(
          status ->
              jdbc.update(
                  """
                  insert into appointment (id, doctor_id, slot_id, location_id, service_id,
                    period, insurer_id, status, hold_until, patient, coverage, schedule_id,
                    service_name, service_type, telemedicine, meeting_link, calendar_version)
                  values (?, ?, ?, ?, ?, tstzrange(?, ?, '[)'), ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?,
                    ?::jsonb, ?, ?, ?)
                  """,
                  id,
                  owned.doctorId(),
                  slotId,
                  slot.locationId(),
                  slot.serviceId(),
                  Timestamp.from(slot.start()),
                  Timestamp.from(slot.end()),
                  insurerId,
                  holdUntil == null ? Status.BOOKED.name() : Status.HELD.name(),
                  holdUntil == null ? null : Timestamp.from(holdUntil),
                  write(patient),
                  coverage == null ? null : write(coverage),
                  owned.scheduleId(),
                  owned.serviceName(),
                  owned.serviceType(),
                  owned.telemedicine(),
                  meetingLink(owned),
                  versions.next(owned.doctorId())));
    } catch (DataAccessException e) {
      if (timeTaken(e)) {
        return new Taken(slotId);
      }
      throw e;
    }
    slots.touch(owned.doctorId(), slot.start(), slot.end());
    versions.changed(owned.doctorId(), insurerId, insurerId);
    events.publishEvent(new AppointmentChanged(insurerId, id));
    return holdUntil == null ? new Booked(id) : new Held(id, holdUntil);
  }

  /** The insurer's appointment, locked against a concurrent change until the commit. */
  private Optional<Stored> lock(String insurerId, String appointmentId) {
    return lock("insurer_id", insurerId, appointmentId);
  }

  /**
   * The appointment if {@code column} (its insurer or doctor) is {@code owner}, locked, after its
   * doctor's calendar ({@link CalendarVersions#next}): every change of a calendar locks the
   * calendar first, so two changes never wait for each other's locks in opposite orders.
   */
  private Optional<Stored> lock(String column, Object owner, String appointmentId) {
    String where = " from appointment where id = ? and " + column + " = ?";
    while (true) {
      Optional<UUID> doctorId =
          jdbc.queryForList("select doctor_id" + where, UUID.class, appointmentId, owner).stream()
              .findFirst();
      if (doctorId.isEmpty()) {
        return Optional.empty();
      }
      versions.next(doctorId.get());
      Optional<Stored> locked =
          jdbc
              .query(
                  "select " + COLUMNS + where + " for no key update",
                  Appointments::stored,
                  appointmentId,
                  owner)
              .stream()
              .findFirst();
      // Moved to another doctor meanwhile: lock that one's calendar instead.
      if (locked.isEmpty() || locked.get().doctorId().equals(doctorId.get())) {
        return locked;
      }
    }
  }

  /**
   * The appointment changed, and its time with it: its slots are a new version, its calendar
   * changed, and whoever listens is told.
   */
  private void touch(Stored appointment, String insurerId, String actor) {
    slots.touch(appointment.doctorId(), appointment.start(), appointment.end());
    versions.changed(appointment.doctorId(), insurerId, actor);
    events.publishEvent(new AppointmentChanged(appointment.insurerId(), appointment.id()));
  }

  /** The meeting link of a telemedicine slot's service, as the doctor set it now. */
  private String meetingLink(Slots.Owned owned) {
    if (!owned.telemedicine()) {
      return null;
    }
    return availabilities
        .get(owned.doctorId())
        .availability()
        .service(owned.slot().serviceId())
        .map(Availability.Service::meetingLink)
        .orElse(null);
  }

  /** Whether the statement broke the doctor's time constraint (SQLSTATE 23P01 on it). */
  private static boolean timeTaken(DataAccessException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && "23P01".equals(sql.getSQLState())
          && String.valueOf(sql.getMessage()).contains(TIME_TAKEN)) {
        return true;
      }
    }
    return false;
  }

  private static Stored stored(ResultSet rs, int row) throws SQLException {
    Timestamp holdUntil = rs.getTimestamp(10);
    return new Stored(
        rs.getString(1),
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant(),
        rs.getTimestamp(8).toInstant(),
        Status.valueOf(rs.getString(9)),
        holdUntil == null ? null : holdUntil.toInstant(),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15),
        rs.getBoolean(16),
        rs.getString(17),
        rs.getString(18),
        rs.getString(19),
        rs.getString(20),
        rs.getLong(21),
        rs.getTimestamp(22).toInstant(),
        rs.getTimestamp(23).toInstant());
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
