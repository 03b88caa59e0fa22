package org.docport.hub.fhir;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of what each insurer was told about each doctor through the FHIR API: written before
 * the answer leaves (a disclosure that cannot be recorded is not made), append-only, and read back
 * for the doctor and for operators. The only writer of {@code disclosure} and {@code
 * disclosure_doctor}.
 */
@Component
public class Disclosures {

  static final int MAX_REQUEST = 2000;

  /**
   * One answer that carried a doctor's data.
   *
   * @param interaction {@code read}, {@code vread}, {@code search-type}, {@code history-instance},
   *     {@code history-type}, {@code history-system}, {@code export} (a bulk export file), {@code
   *     operation} ({@code $events}) or {@code subscription-notification} (pushed to a subscriber)
   * @param request the path and query asked
   * @param resources how many of this doctor's resources it carried
   */
  public record Disclosure(
      long id,
      Instant at,
      String insurerId,
      String clientId,
      String interaction,
      String request,
      int resources,
      UUID doctorId) {}

  private final JdbcTemplate jdbc;

  Disclosures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records an answer; nothing when it carries no doctor's data (shared organisations only). */
  void record(
      Caller caller, String interaction, String request, Collection<DirectoryQueries.Stored> sent) {
    Map<UUID, Integer> perDoctor = new LinkedHashMap<>();
    for (DirectoryQueries.Stored stored : sent) {
      if (stored.doctorId() != null && !stored.deleted()) {
        perDoctor.merge(stored.doctorId(), 1, Integer::sum);
      }
    }
    record(caller, interaction, request, perDoctor, sent.size());
  }

  /**
   * Records an answer counted as it went out (a bulk export file, streamed): per doctor how many of
   * their resources it carried, and how many resources in all; nothing when no doctor's.
   */
  void record(
      Caller caller,
      String interaction,
      String request,
      Map<UUID, Integer> perDoctor,
      long resources) {
    record(caller.insurerId(), caller.clientId(), interaction, request, perDoctor, resources);
  }

  /**
   * Records an answer the insurer's client got through another API than FHIR (the partner API), by
   * the FHIR interaction it amounts to: the doctor's record of disclosures shows both alike.
   */
  void record(
      String insurerId,
      String clientId,
      String interaction,
      String request,
      Map<UUID, Integer> perDoctor,
      long resources) {
    if (perDoctor.isEmpty()) {
      return;
    }
    // One statement, one round trip: the disclosure and its doctors, or neither.
    jdbc.update(
        """
        with d as (
          insert into disclosure (insurer_id, client_id, interaction, request, resources)
          values (?, ?, ?, ?, ?) returning id)
        insert into disclosure_doctor (disclosure_id, doctor_id, resources)
        select d.id, x.doctor_id, x.resources
        from d, unnest(?::uuid[], ?::int[]) as x(doctor_id, resources)
        """,
        insurerId,
        clientId,
        interaction,
        truncate(request),
        (int) Math.min(resources, Integer.MAX_VALUE),
        perDoctor.keySet().stream().map(UUID::toString).toArray(String[]::new),
        perDoctor.values().toArray(Integer[]::new));
  }

  /** A doctor's disclosures, newest first, older than {@code before} (an id). */
  public List<Disclosure> ofDoctor(UUID doctorId, long before, int limit) {
    return jdbc.query(
        """
        select d.id, d.at, d.insurer_id, d.client_id, d.interaction, d.request, dd.resources,
               dd.doctor_id
        from disclosure_doctor dd join disclosure d on d.id = dd.disclosure_id
        where dd.doctor_id = ? and dd.disclosure_id < ?
        order by dd.disclosure_id desc limit ?
        """,
        Disclosures::disclosure,
        doctorId,
        before,
        limit);
  }

  /** Every insurer's disclosures (optionally one insurer's), newest first, one row per doctor. */
  public List<Disclosure> all(String insurerId, long before, int limit) {
    return jdbc.query(
        """
        select d.id, d.at, d.insurer_id, d.client_id, d.interaction, d.request, dd.resources,
               dd.doctor_id
        from disclosure d join disclosure_doctor dd on dd.disclosure_id = d.id
        where (?::text is null or d.insurer_id = ?) and d.id < ?
        order by d.id desc, dd.doctor_id limit ?
        """,
        Disclosures::disclosure,
        insurerId,
        insurerId,
        before,
        limit);
  }

  private static Disclosure disclosure(java.sql.ResultSet rs, int row)
      throws java.sql.SQLException {
    Timestamp at = rs.getTimestamp(2);
    return new Disclosure(
        rs.getLong(1),
        at.toInstant(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getInt(7),
        rs.getObject(8, UUID.class));
  }

  private static String truncate(String request) {
    return request.length() <= MAX_REQUEST ? request : request.substring(0, MAX_REQUEST);
  }
}
