package org.docport.hub.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.docport.hub.web.ApiException;
import org.docport.hub.web.ETags;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Doctors' availabilities, one versioned row per doctor: the only writer of {@code availability}.
 * Version 0 is the availability a doctor has before setting one ({@link Availability#NONE}), so the
 * first change is made with {@code If-Match: "0"} like every later one.
 */
@Component
public class Availabilities {

  /** An availability and the version it is at. */
  public record Versioned(Availability availability, long version) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  Availabilities(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public Versioned get(UUID doctorId) {
    return jdbc
        .query(
            "select rules, version from availability where doctor_id = ?",
            (rs, n) -> new Versioned(read(rs.getString(1)), rs.getLong(2)),
            doctorId)
        .stream()
        .findFirst()
        .orElse(new Versioned(Availability.NONE, 0));
  }

  /** The availability's version, without reading it: 0 before one is set. */
  public long currentVersion(UUID doctorId) {
    return jdbc
        .queryForList("select version from availability where doctor_id = ?", Long.class, doctorId)
        .stream()
        .findFirst()
        .orElse(0L);
  }

  /**
   * Replaces the doctor's availability if it is still at {@code expectedVersion}.
   *
   * @throws ApiException 412 when it changed meanwhile
   */
  @Transactional
  public Versioned replace(
      UUID doctorId, long expectedVersion, Availability availability, String actor) {
    long version = expectedVersion + 1;
    int written =
        expectedVersion == 0
            ? jdbc.update(
                """
                insert into availability (doctor_id, version, rules, updated_by)
                values (?, 1, ?::jsonb, ?) on conflict (doctor_id) do nothing
                """,
                doctorId,
                write(availability),
                actor)
            : jdbc.update(
                """
                update availability set version = ?, rules = ?::jsonb, updated_at = now(),
                  updated_by = ?
                where doctor_id = ? and version = ?
                """,
                version,
                write(availability),
                actor,
                doctorId,
                expectedVersion);
    if (written == 0) {
      throw ETags.changedMeanwhile("Availability", currentVersion(doctorId), expectedVersion);
    }
    return new Versioned(availability, version);
  }

  private Availability read(String rules) {
    try {
      return json.readValue(rules, Availability.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored availability unreadable", e);
    }
  }

  private String write(Availability availability) {
    try {
      return json.writeValueAsString(availability);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
