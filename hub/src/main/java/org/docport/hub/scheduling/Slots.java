package org.docport.hub.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.docport.mappings.BusinessIdentifiers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The slots doctors offer, as last generated: the only writer of {@code slot} and {@code
 * slot_removed}. A slot generated again unchanged keeps its version; one whose end, status or
 * comment changed gets a new one; one no longer generated, or over, is deleted and remembered as
 * removed. Each change carries the calendar version of its transaction ({@link CalendarVersions}).
 */
@Component
class Slots {

  /**
   * A slot, the doctor it is of, and what FHIR says of its service.
   *
   * @param serviceType the service's standard code as JSON, or null
   */
  record Owned(
      UUID doctorId,
      Slot slot,
      String scheduleId,
      String serviceName,
      String serviceType,
      boolean telemedicine) {}

  /** The columns {@link #slot} reads, in its order. */
  private static final String COLUMNS =
      "id, location_id, service_id, starts_at, ends_at, status, comment, reserved_for";

  /** Who the audit trail says changed a calendar when its slots were generated again. */
  static final String CALENDAR_ACTOR = "calendar";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final CalendarVersions versions;

  Slots(JdbcTemplate jdbc, ObjectMapper json, CalendarVersions versions) {
    this.jdbc = jdbc;
    this.json = json;
    this.versions = versions;
  }

  /**
   * Makes the doctor's slots that start at or after {@code now} exactly these, and drops those that
   * ended before it (a slot under way stays). Each slot also keeps what FHIR says of its service
   * ({@code services} by id): its Schedule, name, type and mode.
   */
  void replace(
      UUID doctorId, Instant now, List<Slot> slots, Map<String, Availability.Service> services) {
    long version = versions.next(doctorId);
    // What is no longer offered is remembered, so insurers holding it delete it too.
    int changed =
        jdbc.update(
            """
            with gone as (
              delete from slot where doctor_id = ?
                and (ends_at < ? or (starts_at >= ? and id <> all(?)))
              returning id)
            insert into slot_removed (slot_id, doctor_id, calendar_version)
            select id, ?, ? from gone
            """,
            doctorId,
            Timestamp.from(now),
            Timestamp.from(now),
            slots.stream().map(Slot::id).toArray(String[]::new),
            doctorId,
            version);
    if (!slots.isEmpty()) {
      changed += upsert(doctorId, version, slots, services);
    }
    if (changed > 0) {
      versions.changed(doctorId, null, CALENDAR_ACTOR);
    }
  }

  private int upsert(
      UUID doctorId, long version, List<Slot> slots, Map<String, Availability.Service> services) {
    return jdbc.update(
        """
        insert into slot (id, doctor_id, location_id, service_id, starts_at, ends_at, status,
          comment, schedule_id, service_name, service_type, telemedicine, location_ref,
          reserved_for, calendar_version)
        select w.id, ?, w.location_id, w.service_id, w.starts_at, w.ends_at, w.status, w.comment,
          w.schedule_id, w.service_name, w.service_type::jsonb, w.telemedicine, w.location_ref,
          w.reserved_for, ?
        from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                    ?::text[], ?::text[])
          as w(id, location_id, service_id, starts_at, ends_at, status, comment, schedule_id,
               service_name, service_type, telemedicine, location_ref, reserved_for)
        on conflict (id) do update set ends_at = excluded.ends_at, status = excluded.status,
          comment = excluded.comment, service_name = excluded.service_name,
          service_type = excluded.service_type, telemedicine = excluded.telemedicine,
          reserved_for = excluded.reserved_for,
          version = slot.version + 1, updated_at = clock_timestamp(),
          calendar_version = excluded.calendar_version
        where (slot.ends_at, slot.status, slot.comment, slot.service_name, slot.service_type,
               slot.telemedicine, slot.reserved_for)
          is distinct from (excluded.ends_at, excluded.status, excluded.comment,
               excluded.service_name, excluded.service_type, excluded.telemedicine,
               excluded.reserved_for)
        """,
        doctorId,
        version,
        slots.stream().map(Slot::id).toArray(String[]::new),
        slots.stream().map(Slot::locationId).toArray(String[]::new),
        slots.stream().map(Slot::serviceId).toArray(String[]::new),
        slots.stream().map(s -> Timestamp.from(s.start())).toArray(Timestamp[]::new),
        slots.stream().map(s -> Timestamp.from(s.end())).toArray(Timestamp[]::new),
        slots.stream().map(s -> s.status().name()).toArray(String[]::new),
        slots.stream().map(Slot::comment).toArray(String[]::new),
        slots.stream()
            .map(s -> scheduleId(doctorId, s.locationId(), s.serviceId()))
            .toArray(String[]::new),
        slots.stream().map(s -> services.get(s.serviceId()).name()).toArray(String[]::new),
        slots.stream().map(s -> typeJson(services.get(s.serviceId()))).toArray(String[]::new),
        slots.stream()
            .map(s -> services.get(s.serviceId()).mode() == Availability.Mode.TELEMEDICINE)
            .toArray(Boolean[]::new),
        slots.stream().map(s -> locationRef(doctorId, s.locationId())).toArray(String[]::new),
        slots.stream().map(Slot::reservedFor).toArray(String[]::new));
  }

  /**
   * Forgets removed slots that no insurer still needs to be told of: every insurer that holds the
   * doctor's calendar holds a version past the removal. A day's grace covers a delivery that read
   * the whole calendar before the removal and records its version after it.
   *
   * @return how many were forgotten
   */
  int forgetDeliveredRemovals() {
    return jdbc.update(
        """
        delete from slot_removed r where r.removed_at < now() - interval '1 day'
          and not exists (select 1 from delivery d where d.doctor_id = r.doctor_id
                            and d.calendar_delivered < r.calendar_version)
        """);
  }

  /** The id of the FHIR Location of this doctor's practice location, as the directory has it. */
  static String locationRef(UUID doctorId, String locationId) {
    return BusinessIdentifiers.logicalId(BusinessIdentifiers.location(doctorId, locationId));
  }

  /**
   * Makes the slots of the doctor that overlap {@code [start, end)} a new version, at the calendar
   * version of this transaction: an appointment took or released their time.
   */
  void touch(UUID doctorId, Instant start, Instant end) {
    jdbc.update(
        """
        update slot set version = version + 1, updated_at = clock_timestamp(),
          calendar_version = ?
        where doctor_id = ? and starts_at < ? and ends_at > ? and starts_at > ?
        """,
        versions.next(doctorId),
        doctorId,
        Timestamp.from(end),
        Timestamp.from(start),
        // No slot is longer than a day: the bound keeps the scan to the slots around the time.
        Timestamp.from(start.minus(Duration.ofDays(1))));
  }

  /** The id of the FHIR Schedule of this doctor's service at this location. */
  static String scheduleId(UUID doctorId, String locationId, String serviceId) {
    return BusinessIdentifiers.logicalId(
        BusinessIdentifiers.schedule(doctorId, locationId, serviceId));
  }

  private String typeJson(Availability.Service service) {
    if (service.type() == null) {
      return null;
    }
    try {
      return json.writeValueAsString(service.type());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
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
            "select "
                + COLUMNS
                + ", doctor_id, schedule_id, service_name, service_type, telemedicine"
                + " from slot where id = ?",
            (rs, n) ->
                new Owned(
                    rs.getObject(9, UUID.class),
                    slot(rs, n),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12),
                    rs.getBoolean(13)),
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
        rs.getString(7),
        rs.getString(8));
  }
}
