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
import org.springframework.transaction.annotation.Transactional;

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

  /** Someone holds or has booked that time already. */
  public record Taken(String slotId) implements Outcome {}

  /** No such slot for this insurer: unknown, past, or a doctor it may not see (a 404 all). */
  public record NotFound(String slotId) implements Outcome {}

  /** The slot exists but is not free (leave, a public holiday). */
  public record Unavailable(String slotId, String why) implements Outcome {}

  private final JdbcTemplate jdbc;
  private final InsurerVisibility visibility;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();

  Appointments(JdbcTemplate jdbc, InsurerVisibility visibility, ObjectMapper json) {
    this.jdbc = jdbc;
    this.visibility = visibility;
    this.json = json;
  }

  /**
   * Books the slot for the insurer's patient.
   *
   * @param patient the patient as the insurer supplies it (a reference or minimal demographics)
   */
  @Transactional
  public Outcome book(String insurerId, String slotId, JsonNode patient, JsonNode coverage) {
    Optional<StoredSlot> found = slot(slotId);
    if (found.isEmpty()
        || !found.get().start().isAfter(clock.instant())
        || visibility.find(found.get().doctorId(), insurerId).isEmpty()) {
      return new NotFound(slotId);
    }
    StoredSlot slot = found.get();
    if (!slot.status().equals(Slot.Status.FREE.name())) {
      return new Unavailable(slotId, slot.comment());
    }
    String id = UUID.randomUUID().toString();
    try {
      jdbc.update(
          """
          insert into appointment (id, doctor_id, slot_id, location_id, service_id, period,
            insurer_id, status, patient, coverage)
          values (?, ?, ?, ?, ?, tstzrange(?, ?, '[)'), ?, 'BOOKED', ?::jsonb, ?::jsonb)
          """,
          id,
          slot.doctorId(),
          slotId,
          slot.locationId(),
          slot.serviceId(),
          Timestamp.from(slot.start()),
          Timestamp.from(slot.end()),
          insurerId,
          write(patient),
          coverage == null ? null : write(coverage));
    } catch (DataAccessException e) {
      if (timeTaken(e)) {
        return new Taken(slotId);
      }
      throw e;
    }
    return new Booked(id);
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

  private record StoredSlot(
      UUID doctorId,
      String locationId,
      String serviceId,
      Instant start,
      Instant end,
      String status,
      String comment) {}

  private Optional<StoredSlot> slot(String slotId) {
    return jdbc
        .query(
            """
            select doctor_id, location_id, service_id, starts_at, ends_at, status, comment
            from slot where id = ?
            """,
            (rs, n) ->
                new StoredSlot(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getTimestamp(5).toInstant(),
                    rs.getString(6),
                    rs.getString(7)),
            slotId)
        .stream()
        .findFirst();
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
