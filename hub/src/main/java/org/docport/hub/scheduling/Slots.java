package org.docport.hub.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The slots doctors offer, as last generated: the only writer of {@code slot}. A slot generated
 * again unchanged keeps its version; one whose end, status or comment changed gets a new one; one
 * no longer generated, or over, is deleted.
 */
@Component
class Slots {

  /** A slot and the doctor it is of. */
  record Owned(UUID doctorId, Slot slot) {}

  /** The columns {@link #slot} reads, in its order. */
  private static final String COLUMNS =
      "id, location_id, service_id, starts_at, ends_at, status, comment";

  private final JdbcTemplate jdbc;

  Slots(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Makes the doctor's slots that start at or after {@code now} exactly these, and drops those that
   * ended before it (a slot under way stays).
   */
  void replace(UUID doctorId, Instant now, List<Slot> slots) {
    jdbc.update(
        "delete from slot where doctor_id = ? and (ends_at < ? or (starts_at >= ? and id <> all(?)))",
        doctorId,
        Timestamp.from(now),
        Timestamp.from(now),
        slots.stream().map(Slot::id).toArray(String[]::new));
    if (slots.isEmpty()) {
      return;
    }
    jdbc.update(
        """
        insert into slot (id, doctor_id, location_id, service_id, starts_at, ends_at, status,
          comment)
        select w.id, ?, w.location_id, w.service_id, w.starts_at, w.ends_at, w.status, w.comment
        from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                    ?::text[], ?::text[])
          as w(id, location_id, service_id, starts_at, ends_at, status, comment)
        on conflict (id) do update set ends_at = excluded.ends_at, status = excluded.status,
          comment = excluded.comment, version = slot.version + 1, updated_at = clock_timestamp()
        where (slot.ends_at, slot.status, slot.comment)
          is distinct from (excluded.ends_at, excluded.status, excluded.comment)
        """,
        doctorId,
        slots.stream().map(Slot::id).toArray(String[]::new),
        slots.stream().map(Slot::locationId).toArray(String[]::new),
        slots.stream().map(Slot::serviceId).toArray(String[]::new),
        slots.stream().map(s -> Timestamp.from(s.start())).toArray(Timestamp[]::new),
        slots.stream().map(s -> Timestamp.from(s.end())).toArray(Timestamp[]::new),
        slots.stream().map(s -> s.status().name()).toArray(String[]::new),
        slots.stream().map(Slot::comment).toArray(String[]::new));
  }

  /** The doctor's slots that start in {@code [from, to)}, in start order. */
  List<Slot> of(UUID doctorId, Instant from, Instant to) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from slot where doctor_id = ? and starts_at >= ? and starts_at < ?"
            + " order by starts_at, location_id, service_id",
        Slots::slot,
        doctorId,
        Timestamp.from(from),
        Timestamp.from(to));
  }

  /** The slot, if it is still offered. */
  Optional<Owned> find(String slotId) {
    return jdbc
        .query(
            "select " + COLUMNS + ", doctor_id from slot where id = ?",
            (rs, n) -> new Owned(rs.getObject(8, UUID.class), slot(rs, n)),
            slotId)
        .stream()
        .findFirst();
  }

  /** The slot's version: a new one each time it changes. */
  long version(String slotId) {
    return jdbc.queryForObject("select version from slot where id = ?", Long.class, slotId);
  }

  private static Slot slot(ResultSet rs, int row) throws SQLException {
    return new Slot(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getTimestamp(4).toInstant(),
        rs.getTimestamp(5).toInstant(),
        Slot.Status.valueOf(rs.getString(6)),
        rs.getString(7));
  }
}
