package org.docport.hub.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.docport.hub.platform.Secrets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The calendars doctors keep elsewhere, and the busy times last read from them: the only writer of
 * {@code external_calendar}. The URL is sealed ({@link Secrets}); it is shown back only as its
 * host.
 */
@Component
class ExternalCalendars {

  /** A registered calendar as the doctor is shown it. */
  record Shown(
      UUID id,
      String name,
      String host,
      Instant polledAt,
      Instant changedAt,
      int busyPeriods,
      String lastError) {}

  /** A calendar to poll: where, and what the last answer said of its version. */
  record Due(UUID id, UUID doctorId, String url, String etag, String lastModified) {}

  private static final TypeReference<List<BusyTimes.Busy>> BUSY = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final Secrets secrets;
  private final ObjectMapper json;

  ExternalCalendars(JdbcTemplate jdbc, Secrets secrets, ObjectMapper json) {
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.json = json;
  }

  UUID add(UUID doctorId, String url, String name) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "insert into external_calendar (id, doctor_id, url, name) values (?, ?, ?, ?)",
        id,
        doctorId,
        secrets.seal(url, sealedAs(id)),
        name);
    return id;
  }

  /** What {@link #shown} reads. */
  private static final String SHOWN =
      "select id, name, url, polled_at, changed_at, jsonb_array_length(busy), last_error"
          + " from external_calendar where doctor_id = ?";

  List<Shown> of(UUID doctorId) {
    return jdbc.query(SHOWN + " order by created_at", (rs, n) -> shown(rs), doctorId);
  }

  Optional<Shown> find(UUID doctorId, UUID id) {
    return jdbc.query(SHOWN + " and id = ?", (rs, n) -> shown(rs), doctorId, id).stream()
        .findFirst();
  }

  /** Removes the calendar; whether it had busy times (the doctor's slots are to follow). */
  Optional<Boolean> remove(UUID doctorId, UUID id) {
    return jdbc
        .queryForList(
            "delete from external_calendar where doctor_id = ? and id = ?"
                + " returning jsonb_array_length(busy) > 0",
            Boolean.class,
            doctorId,
            id)
        .stream()
        .findFirst();
  }

  /**
   * Up to {@code max} calendars not polled for {@code every}, oldest first, each claimed (marked
   * polled now) so another replica polling meanwhile takes others.
   */
  List<Due> claimDue(Duration every, int max) {
    return jdbc.query(
        """
        update external_calendar c set polled_at = now()
        from (select id from external_calendar
              where polled_at is null or polled_at < now() - ? * interval '1 second'
              order by polled_at nulls first limit ? for update skip locked) due
        where c.id = due.id
        returning c.id, c.doctor_id, c.url, c.etag, c.last_modified
        """,
        (rs, n) -> due(rs),
        every.toSeconds(),
        max);
  }

  /** The calendar, to poll now (the doctor asked). */
  Optional<Due> claim(UUID doctorId, UUID id) {
    return jdbc
        .query(
            "update external_calendar set polled_at = now() where doctor_id = ? and id = ?"
                + " returning id, doctor_id, url, etag, last_modified",
            (rs, n) -> due(rs),
            doctorId,
            id)
        .stream()
        .findFirst();
  }

  /**
   * Records what the calendar said: its version and busy times.
   *
   * @return whether the busy times changed (the doctor's slots are to be generated again)
   */
  boolean read(UUID id, String etag, String lastModified, List<BusyTimes.Busy> busy) {
    String now = write(busy);
    return jdbc
        .queryForList(
            """
            with old as (select busy from external_calendar where id = ? for update)
            update external_calendar c set etag = ?, last_modified = ?, busy = ?::jsonb,
              last_error = null,
              changed_at = case when old.busy is distinct from ?::jsonb then now()
                                else c.changed_at end
            from old where c.id = ?
            returning old.busy is distinct from ?::jsonb
            """,
            Boolean.class,
            id,
            etag,
            lastModified,
            now,
            now,
            id,
            now)
        .stream()
        .findFirst()
        .orElse(false);
  }

  /** The calendar answered 304: nothing changed. */
  void unchanged(UUID id) {
    jdbc.update("update external_calendar set last_error = null where id = ?", id);
  }

  /** Reading the calendar failed; its busy times stay as last read. */
  void failed(UUID id, String error) {
    jdbc.update(
        "update external_calendar set last_error = ? where id = ?",
        error.length() > 500 ? error.substring(0, 500) : error,
        id);
  }

  /** Every busy time of the doctor's calendars elsewhere. */
  List<BusyTimes.Busy> busyOf(UUID doctorId) {
    return jdbc
        .queryForList(
            "select busy::text from external_calendar where doctor_id = ?", String.class, doctorId)
        .stream()
        .flatMap(text -> read(text).stream())
        .toList();
  }

  private Shown shown(ResultSet rs) throws SQLException {
    UUID id = rs.getObject(1, UUID.class);
    String url = secrets.open(rs.getString(3), sealedAs(id));
    return new Shown(
        id,
        rs.getString(2),
        java.net.URI.create(url).getHost(),
        instant(rs.getTimestamp(4)),
        instant(rs.getTimestamp(5)),
        rs.getInt(6),
        rs.getString(7));
  }

  private Due due(ResultSet rs) throws SQLException {
    UUID id = rs.getObject(1, UUID.class);
    return new Due(
        id,
        rs.getObject(2, UUID.class),
        secrets.open(rs.getString(3), sealedAs(id)),
        rs.getString(4),
        rs.getString(5));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static String sealedAs(UUID id) {
    return "external-calendar:" + id;
  }

  private String write(List<BusyTimes.Busy> busy) {
    try {
      return json.writeValueAsString(busy);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<BusyTimes.Busy> read(String text) {
    try {
      return json.readValue(text, BUSY);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable busy times", e);
    }
  }
}
