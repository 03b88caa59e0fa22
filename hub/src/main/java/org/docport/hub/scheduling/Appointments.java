package org.docport.hub.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.docport.hub.consent.InsurerVisibility;
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
 */
@Component
public class Appointments {

  /** The constraint that keeps a doctor's booked times apart. */
  static final String TIME_TAKEN = "appointment_doctor_time_taken";

  /** What booking a slot came to. */
  public sealed interface Outcome {}

  /** Booked: the appointment's id. */
  public record Booked(String appointmentId) implements Outcome {}

  /** Held until then: the appointment's id. */
  public record Held(String appointmentId, Instant until) implements Outcome {}

  /** Someone holds or has booked that time already. */
  public record Taken(String slotId) implements Outcome {}

  /** No such slot for this insurer: unknown, past, or a doctor it may not see (a 404 all). */
  public record NotFound(String slotId) implements Outcome {}

  /** The slot exists but is not free (leave, a public holiday). */
  public record Unavailable(String slotId, String why) implements Outcome {}

  private final JdbcTemplate jdbc;
  private final InsurerVisibility visibility;
  private final Slots slots;
  private final ObjectMapper json;
  private final TransactionTemplate savepoint;
  private final Clock clock = Clock.systemUTC();

  Appointments(
      JdbcTemplate jdbc,
      InsurerVisibility visibility,
      Slots slots,
      ObjectMapper json,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.visibility = visibility;
    this.slots = slots;
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
    int confirmed =
        jdbc.update(
            """
            update appointment set status = 'BOOKED', hold_until = null, version = version + 1,
              updated_at = clock_timestamp()
            where id = ? and insurer_id = ? and status = 'HELD' and hold_until > ?
            """,
            appointmentId,
            insurerId,
            Timestamp.from(clock.instant()));
    return confirmed == 1 ? new Booked(appointmentId) : new NotFound(appointmentId);
  }

  /** Releases the holds that ran out before {@code now}; how many. */
  @Transactional
  public int expireHolds(Instant now) {
    return jdbc.update(
        """
        update appointment set status = 'EXPIRED', version = version + 1,
          updated_at = clock_timestamp()
        where status = 'HELD' and hold_until <= ?
        """,
        Timestamp.from(now));
  }

  /** Books ({@code holdUntil} null) or holds the slot. */
  private Outcome take(
      String insurerId, String slotId, JsonNode patient, JsonNode coverage, Instant holdUntil) {
    Instant now = clock.instant();
    if (holdUntil != null && !holdUntil.isAfter(now)) {
      throw new IllegalArgumentException("a hold must end in the future, not at " + holdUntil);
    }
    Optional<Slots.Owned> found = slots.find(slotId);
    if (found.isEmpty()
        || !found.get().slot().start().isAfter(now)
        || visibility.find(found.get().doctorId(), insurerId).isEmpty()) {
      return new NotFound(slotId);
    }
    UUID doctorId = found.get().doctorId();
    Slot slot = found.get().slot();
    if (slot.status() != Slot.Status.FREE) {
      return new Unavailable(slotId, slot.comment());
    }
    // A hold that ran out no longer holds the time, whether or not the sweep got to it yet.
    jdbc.update(
        """
        update appointment set status = 'EXPIRED', version = version + 1,
          updated_at = clock_timestamp()
        where doctor_id = ? and status = 'HELD' and hold_until <= ?
          and period && tstzrange(?, ?, '[)')
        """,
        doctorId,
        Timestamp.from(now),
        Timestamp.from(slot.start()),
        Timestamp.from(slot.end()));
    String id = UUID.randomUUID().toString();
    try {
      // In a savepoint: a refusal leaves the rest of the transaction usable.
      savepoint.executeWithoutResult(
          status ->
              jdbc.update(
                  """
                  insert into appointment (id, doctor_id, slot_id, location_id, service_id,
                    period, insurer_id, status, hold_until, patient, coverage)
                  values (?, ?, ?, ?, ?, tstzrange(?, ?, '[)'), ?, ?, ?, ?::jsonb, ?::jsonb)
                  """,
                  id,
                  doctorId,
                  slotId,
                  slot.locationId(),
                  slot.serviceId(),
                  Timestamp.from(slot.start()),
                  Timestamp.from(slot.end()),
                  insurerId,
                  holdUntil == null ? "BOOKED" : "HELD",
                  holdUntil == null ? null : Timestamp.from(holdUntil),
                  write(patient),
                  coverage == null ? null : write(coverage)));
    } catch (DataAccessException e) {
      if (timeTaken(e)) {
        return new Taken(slotId);
      }
      throw e;
    }
    return holdUntil == null ? new Booked(id) : new Held(id, holdUntil);
  }

  /** The appointments that hold the doctor's time (all but cancelled and expired ones). */
  public List<String> holding(UUID doctorId) {
    return jdbc.queryForList(
        """
        select id from appointment where doctor_id = ?
          and status in ('HELD', 'BOOKED', 'ARRIVED', 'FULFILLED', 'NOSHOW')
        order by lower(period)
        """,
        String.class,
        doctorId);
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

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
