package org.docport.hub.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.scheduling.Appointments;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.OfferedService;
import org.docport.mappings.snapshot.OfferedSlot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the FHIR API reads of doctors' calendars: slots with the status insurers see, and the
 * schedules they belong to, only of doctors the insurer may see now ({@link InsurerVisibility}).
 *
 * <p>A slot's status is its generated one (free, or busy-unavailable on leave and holidays) under
 * the appointments over its time: busy while one is booked, busy-tentative while one is held and
 * the hold has not run out. An appointment at another location or for another service takes the
 * doctor's time all the same, so overlap decides, not the slot id.
 */
@Component
class CalendarQueries {

  /** A slot as served: its FHIR content's source, version and last change. */
  record ServedSlot(OfferedSlot slot, UUID doctorId, long version, Instant lastUpdated) {}

  /** One page of slots; {@code nextCursor} null on the last. */
  record SlotPage(List<ServedSlot> slots, String nextCursor) {

    /** Per doctor, how many of their slots the page holds: what its disclosure records. */
    Map<UUID, Integer> perDoctor() {
      Map<UUID, Integer> perDoctor = new LinkedHashMap<>();
      slots.forEach(s -> perDoctor.merge(s.doctorId(), 1, Integer::sum));
      return perDoctor;
    }
  }

  /** Slots offered to the insurer given as parameter: open to all, or reserved for it. */
  private static final String OFFERED_TO = " and (s.reserved_for is null or s.reserved_for = ?)";

  /** Up to this many doctors, their slots are read doctor by doctor, each an index range. */
  private static final int PER_DOCTOR = 200;

  /**
   * The status an insurer sees; the parameter is the moment a hold is judged at. Statuses named as
   * in {@link OfferedSlot.Status}.
   */
  private static final String STATUS =
      """
      case when s.status = 'BUSY_UNAVAILABLE' then 'BUSY_UNAVAILABLE'
        when a.booked then 'BUSY' when a.held then 'BUSY_TENTATIVE' else 'FREE' end\
      """;

  /** The appointments over each slot's time, judged at the first parameter. */
  private static final String TAKEN =
      " left join lateral (select bool_or(x.status <> 'HELD') as booked,"
          + " bool_or(x.status = 'HELD' and x.hold_until > ?) as held from appointment x"
          + " where x.doctor_id = s.doctor_id and x.status in "
          + Appointments.Status.HOLDING_SQL
          + " and x.period && tstzrange(s.starts_at, s.ends_at, '[)')) a on true";

  private static final String COLUMNS =
      "s.id, s.doctor_id, s.location_id, s.service_id, s.starts_at, s.ends_at, "
          + STATUS
          + ", s.comment, s.service_name, s.service_type, s.telemedicine, s.version, s.updated_at";

  private final JdbcTemplate jdbc;
  private final JdbcTemplate streaming;
  private final InsurerVisibility visibility;
  private final ObjectMapper json;

  CalendarQueries(JdbcTemplate jdbc, InsurerVisibility visibility, ObjectMapper json) {
    this.jdbc = jdbc;
    this.streaming = new JdbcTemplate(jdbc.getDataSource());
    this.streaming.setFetchSize(BulkExportQueries.FETCH_SIZE);
    this.visibility = visibility;
    this.json = json;
  }

  /** Where the insurer's slots end: the start of the last slot it is offered, if any. */
  Optional<Instant> lastSlotStart(String insurerId) {
    return jdbc
        .queryForList(
            "select s.starts_at from slot s where exists (select 1 from "
                + visibility.pairs()
                + " p where p.doctor_id = s.doctor_id and p.insurer_id = ?)"
                + OFFERED_TO
                + " order by s.starts_at desc limit 1",
            Timestamp.class,
            insurerId,
            insurerId)
        .stream()
        .findFirst()
        .map(Timestamp::toInstant);
  }

  /**
   * The Locations of the insurer's view whose doctors have a calendar, as stored; streamed (call in
   * a transaction).
   */
  void bookableLocations(String insurerId, Consumer<DirectoryQueries.Stored> each) {
    streaming.query(
        "select r.type, r.id, r.version, r.last_updated, r.deleted, r.content, r.doctor_id"
            + " from directory_resource r where r.insurer_id = ? and r.type = 'Location'"
            + " and not r.deleted"
            + " and exists (select 1 from doctor_calendar c where c.doctor_id = r.doctor_id)"
            + " and exists (select 1 from "
            + visibility.pairs()
            + " p where p.doctor_id = r.doctor_id and p.insurer_id = ?) order by r.id",
        rs -> {
          each.accept(
              new DirectoryQueries.Stored(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getTimestamp(4).toInstant(),
                  rs.getBoolean(5),
                  rs.getString(6),
                  rs.getObject(7, UUID.class)));
        },
        insurerId,
        insurerId);
  }

  /**
   * The services every doctor the insurer may see offers now, doctor by doctor (specialties left to
   * the caller); streamed (call in a transaction).
   */
  void schedulesVisibleTo(String insurerId, Consumer<OfferedService> each) {
    streaming.query(
        "select x.* from (select p.doctor_id from "
            + visibility.pairs()
            + " p where p.insurer_id = ? order by p.doctor_id) d cross join lateral ("
            + "select distinct on (s.schedule_id) "
            + SCHEDULE_COLUMNS
            + " from slot s where s.doctor_id = d.doctor_id"
            + " order by s.schedule_id, s.starts_at desc) x",
        rs -> {
          each.accept(offeredService(rs, 0));
        },
        insurerId);
  }

  /**
   * The slots offered to the insurer that start in {@code [from, to)}, with the status it sees at
   * {@code now}, in start order; streamed (call in a transaction).
   */
  void slotsVisibleTo(
      String insurerId,
      Instant from,
      Instant to,
      Instant now,
      java.util.function.BiConsumer<UUID, OfferedSlot> each) {
    streaming.query(
        "select "
            + COLUMNS
            + " from slot s"
            + TAKEN
            + " where s.starts_at >= ? and s.starts_at < ? and exists (select 1 from "
            + visibility.pairs()
            + " p where p.doctor_id = s.doctor_id and p.insurer_id = ?)"
            + OFFERED_TO
            + " order by s.starts_at, s.id",
        rs -> {
          ServedSlot served = served(rs, 0);
          each.accept(served.doctorId(), served.slot());
        },
        Timestamp.from(now),
        Timestamp.from(from),
        Timestamp.from(to),
        insurerId,
        insurerId);
  }

  /** The slot, if it is of a doctor the insurer may see and not reserved for another insurer. */
  Optional<ServedSlot> slot(String insurerId, String slotId, Instant now) {
    return jdbc
        .query(
            "select "
                + COLUMNS
                + " from slot s"
                + TAKEN
                + " where s.id = ? and exists (select 1 from "
                + visibility.pairs()
                + " p where p.doctor_id = s.doctor_id and p.insurer_id = ?)"
                + OFFERED_TO,
            this::served,
            Timestamp.from(now),
            slotId,
            insurerId,
            insurerId)
        .stream()
        .findFirst();
  }

  /**
   * A page of the slots the search matches, in start order, after the cursor. A search that names
   * doctors (a practitioner, schedule, location, city or specialty) first finds the doctors (and
   * locations) it means among those the insurer may see, then reads only their slots, by the {@code
   * (doctor_id, starts_at, id)} index; one that does not reads slots in start order and checks each
   * doctor's visibility.
   */
  SlotPage slots(String insurerId, SlotSearch search, String cursor, Instant now) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder();
    Places places = null;
    if (search.locationId() != null || search.city() != null) {
      places = places(insurerId, search);
      if (places.locations().length == 0) {
        return new SlotPage(List.of(), null);
      }
    }
    UUID[] doctors = null;
    if (narrowsDoctors(search)) {
      doctors = candidates(insurerId, search, places);
      if (doctors.length == 0) {
        return new SlotPage(List.of(), null);
      }
      if (doctors.length <= PER_DOCTOR) {
        where.append(" where s.doctor_id = d.doctor_id");
      } else {
        where.append(" where s.doctor_id = any(?)");
        args.add(doctors);
      }
    } else {
      where
          .append(" where exists (select 1 from ")
          .append(visibility.pairs())
          .append(" p where p.doctor_id = s.doctor_id and p.insurer_id = ?)");
      args.add(insurerId);
    }
    where.append(OFFERED_TO);
    args.add(insurerId);
    if (places != null) {
      // Only the chosen doctors' Locations there: a shorter list to plan and to check each slot
      // against than all of the city's.
      where.append(" and s.location_ref = any(?)");
      args.add(doctors == null ? places.locations() : places.locationsOf(doctors));
    }
    if (search.scheduleId() != null) {
      where.append(" and s.schedule_id = ?");
      args.add(search.scheduleId());
    }
    if (search.from() != null) {
      where.append(" and s.starts_at >= ?");
      args.add(Timestamp.from(search.from()));
    }
    if (search.to() != null) {
      where.append(" and s.starts_at < ?");
      args.add(Timestamp.from(search.to()));
    }
    if (!search.serviceTypes().isEmpty()) {
      where.append(
          " and ((s.service_type->>'system') || '|' || (s.service_type->>'code') = any(?)"
              + " or s.service_type->>'code' = any(?))");
      String[] tokens = search.serviceTypes().toArray(String[]::new);
      args.add(tokens);
      args.add(tokens);
    }
    if (search.telemedicine() != null) {
      where.append(" and s.telemedicine = ?");
      args.add(search.telemedicine());
    }
    if (!search.statuses().isEmpty()) {
      where
          .append(" and (")
          .append(
              search.statuses().stream()
                  .map(CalendarQueries::statusCondition)
                  .collect(Collectors.joining(" or ")))
          .append(")");
    }
    if (cursor != null) {
      String[] after = cursor.split("\\|", 2);
      where.append(" and (s.starts_at, s.id) > (?, ?)");
      args.add(Timestamp.from(Instant.parse(after[0])));
      args.add(after[1]);
    }
    String ordered = " order by s.starts_at, s.id limit ?";
    args.add(search.count() + 1);
    args.add(0, Timestamp.from(now));
    String select = "select " + COLUMNS + " from slot s" + TAKEN + where + ordered;
    List<ServedSlot> found;
    if (doctors == null || doctors.length > PER_DOCTOR) {
      found = jdbc.query(select, this::served, args.toArray());
    } else {
      // One short index range per doctor, merged: the planner cannot wander off into every
      // doctor's slots of the day in start order, filtering for a few.
      args.add(0, doctors);
      args.add(search.count() + 1);
      found =
          jdbc.query(
              "select x.* from unnest(?::uuid[]) as d(doctor_id) cross join lateral ("
                  + select
                  + ") x order by x.starts_at, x.id limit ?",
              this::served,
              args.toArray());
    }
    if (found.size() <= search.count()) {
      return new SlotPage(found, null);
    }
    List<ServedSlot> page = found.subList(0, search.count());
    ServedSlot last = page.get(page.size() - 1);
    return new SlotPage(List.copyOf(page), last.slot().start() + "|" + last.slot().id());
  }

  /**
   * The doctor's slots offered to the insurer, with the status insurers see at {@code now}, that
   * changed after calendar version {@code since} (all of them when null), in start order.
   */
  List<OfferedSlot> changedSlots(UUID doctorId, String insurerId, Long since, Instant now) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from slot s"
            + TAKEN
            + " where s.doctor_id = ? and s.calendar_version > ?"
            + OFFERED_TO
            + " order by s.starts_at, s.id",
        (rs, n) -> served(rs, n).slot(),
        Timestamp.from(now),
        doctorId,
        since == null ? 0L : since,
        insurerId);
  }

  /**
   * The doctor's slots that changed after calendar version {@code since} and are now reserved for
   * another insurer: gone, for this one.
   */
  List<String> reservedForOthers(UUID doctorId, String insurerId, long since) {
    return jdbc.queryForList(
        "select id from slot where doctor_id = ? and calendar_version > ?"
            + " and reserved_for <> ?",
        String.class,
        doctorId,
        since,
        insurerId);
  }

  /** The slots the doctor stopped offering after calendar version {@code since}. */
  List<String> removedSlots(UUID doctorId, long since) {
    return jdbc.queryForList(
        "select slot_id from slot_removed where doctor_id = ? and calendar_version > ?",
        String.class,
        doctorId,
        since);
  }

  /** Every slot of the doctor an insurer may hold a copy of: offered now, or removed since. */
  List<String> slotsEverOffered(UUID doctorId) {
    return jdbc.queryForList(
        "select id from slot where doctor_id = ?"
            + " union select slot_id from slot_removed where doctor_id = ?",
        String.class,
        doctorId,
        doctorId);
  }

  /** The services the doctor offers now (those with slots), specialties left to the caller. */
  List<OfferedService> schedulesOfDoctor(UUID doctorId) {
    return jdbc.query(
        "select distinct on (s.schedule_id) "
            + SCHEDULE_COLUMNS
            + " from slot s where s.doctor_id = ? order by s.schedule_id, s.starts_at desc",
        this::offeredService,
        doctorId);
  }

  /**
   * The offered service a Schedule stands for, if the insurer may see its doctor and it has slots
   * now (specialties left to the caller, from the doctor's profile).
   */
  Optional<OfferedService> schedule(String insurerId, String scheduleId) {
    return schedules(insurerId, "s.schedule_id = ?", scheduleId).stream().findFirst();
  }

  /** The schedules of the doctor behind the insurer's Practitioner. */
  List<OfferedService> schedulesOfPractitioner(String insurerId, String practitionerId) {
    return schedules(
        insurerId, "s.doctor_id = (" + doctorOf("Practitioner") + ")", insurerId, practitionerId);
  }

  /** The schedules at the insurer's Location. */
  List<OfferedService> schedulesAtLocation(String insurerId, String locationId) {
    return schedules(insurerId, "s.location_ref = ?", locationId);
  }

  /**
   * The doctor behind a Practitioner the insurer was ever shown (withdrawn ones too: an insurer
   * still finds its appointments with a doctor it may no longer see).
   */
  Optional<UUID> everShown(String insurerId, String practitionerId) {
    return jdbc
        .query(
            "select r.doctor_id from directory_resource r where r.insurer_id = ?"
                + " and r.type = 'Practitioner' and r.id = ?",
            (rs, n) -> rs.getObject(1, UUID.class),
            insurerId,
            practitionerId)
        .stream()
        .findFirst();
  }

  private List<OfferedService> schedules(String insurerId, String condition, Object... args) {
    List<Object> all = new ArrayList<>(List.of(args));
    all.add(insurerId);
    return jdbc.query(
        "select distinct on (s.schedule_id) "
            + SCHEDULE_COLUMNS
            + " from slot s where "
            + condition
            + " and exists (select 1 from "
            + visibility.pairs()
            + " p where p.doctor_id = s.doctor_id and p.insurer_id = ?)"
            + " order by s.schedule_id, s.starts_at desc",
        this::offeredService,
        all.toArray());
  }

  /** What {@link #offeredService} reads. */
  private static final String SCHEDULE_COLUMNS =
      "s.doctor_id, s.location_id, s.service_id, s.service_name, s.service_type, s.telemedicine";

  private OfferedService offeredService(ResultSet rs, int row) throws SQLException {
    return new OfferedService(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        coding(rs.getString(5)),
        rs.getBoolean(6),
        List.of());
  }

  /** Whether the search names doctors, rather than asking across the insurer's whole view. */
  private static boolean narrowsDoctors(SlotSearch search) {
    return search.practitionerId() != null
        || search.doctorId() != null
        || search.scheduleId() != null
        || search.locationId() != null
        || search.city() != null
        || !search.specialties().isEmpty();
  }

  /**
   * The insurer's Locations a search's location or city picks, and their doctors ({@code
   * doctorOfLocation[i]} is the doctor at {@code locations[i]}).
   */
  private record Places(String[] locations, UUID[] doctorOfLocation) {

    /** The doctors at these places, each once. */
    UUID[] doctors() {
      return new LinkedHashSet<>(List.of(doctorOfLocation)).toArray(UUID[]::new);
    }

    /** The Locations of these doctors among the places. */
    String[] locationsOf(UUID[] doctors) {
      Set<UUID> chosen = new java.util.HashSet<>(List.of(doctors));
      List<String> theirs = new ArrayList<>();
      for (int i = 0; i < locations.length; i++) {
        if (chosen.contains(doctorOfLocation[i])) {
          theirs.add(locations[i]);
        }
      }
      return theirs.toArray(String[]::new);
    }
  }

  private Places places(String insurerId, SlotSearch search) {
    StringBuilder sql =
        new StringBuilder(
            "select r.id, r.doctor_id from directory_resource r where r.insurer_id = ?"
                + " and r.type = 'Location' and not r.deleted");
    List<Object> args = new ArrayList<>(List.of(insurerId));
    if (search.locationId() != null) {
      sql.append(" and r.id = ?");
      args.add(search.locationId());
    }
    if (search.city() != null) {
      sql.append(
          " and r.id in (select c.id from directory_search c where c.insurer_id = ?"
              + " and c.type = 'Location' and c.param = 'address-city' and c.value like ?)");
      args.add(insurerId);
      args.add(DirectoryQueries.escapeLike(search.city()) + "%");
    }
    List<String> locations = new ArrayList<>();
    List<UUID> doctors = new ArrayList<>();
    jdbc.query(
        sql.toString(),
        rs -> {
          locations.add(rs.getString(1));
          doctors.add(rs.getObject(2, UUID.class));
        },
        args.toArray());
    return new Places(locations.toArray(String[]::new), doctors.toArray(UUID[]::new));
  }

  /**
   * The doctors the insurer may see that the search's doctor conditions pick: each condition
   * narrows the set the one before left, and visibility is checked last, on what remains.
   */
  private UUID[] candidates(String insurerId, SlotSearch search, Places places) {
    Set<UUID> doctors = null;
    if (search.practitionerId() != null) {
      doctors =
          new LinkedHashSet<>(
              jdbc.queryForList(
                  doctorOf("Practitioner"), UUID.class, insurerId, search.practitionerId()));
    }
    if (search.doctorId() != null) {
      doctors = narrow(doctors, List.of(search.doctorId()));
    }
    if (search.scheduleId() != null) {
      doctors =
          narrow(
              doctors,
              jdbc.queryForList(
                  "select doctor_id from slot where schedule_id = ? limit 1",
                  UUID.class,
                  search.scheduleId()));
    }
    if (places != null) {
      doctors = narrow(doctors, List.of(places.doctors()));
    }
    if (!search.specialties().isEmpty() && (doctors == null || !doctors.isEmpty())) {
      // By the profiles' specialties (a GIN index, V31): the directory's PractitionerRoles carry
      // the same codes, one row per role and insurer, many more to read.
      List<String> contains = new ArrayList<>();
      for (String token : search.specialties()) {
        int bar = token.indexOf('|');
        ObjectNode coding = json.createObjectNode();
        if (bar >= 0) {
          coding.put("system", token.substring(0, bar));
        }
        coding.put("code", bar >= 0 ? token.substring(bar + 1) : token);
        contains.add(json.createArrayNode().add(coding).toString());
      }
      String having =
          contains.stream()
              .map(c -> "profile -> 'specialties' @> ?::jsonb")
              .collect(Collectors.joining(" or ", "(", ")"));
      List<Object> args = new ArrayList<>(contains);
      String among = "";
      if (doctors != null) {
        // Doctors already chosen (a city's): check each one's profile, by its key, rather than
        // reading every doctor of the specialty.
        among = " and id = any(?)";
        args.add(doctors.toArray(UUID[]::new));
      }
      doctors =
          narrow(
              doctors,
              jdbc.queryForList(
                  "select id from doctor where " + having + among, UUID.class, args.toArray()));
    }
    if (doctors == null || doctors.isEmpty()) {
      return new UUID[0];
    }
    return visibility.visibleAmong(insurerId, doctors.toArray(UUID[]::new)).toArray(UUID[]::new);
  }

  /** {@code found}, within {@code doctors} when a condition before already chose some. */
  private static Set<UUID> narrow(Set<UUID> doctors, List<UUID> found) {
    Set<UUID> narrowed = new LinkedHashSet<>(found);
    if (doctors != null) {
      narrowed.retainAll(doctors);
    }
    return narrowed;
  }

  /**
   * The SQL condition for slots an insurer sees in this status (after {@link #TAKEN}): the rule is
   * {@link #STATUS}'s, stated once.
   */
  private static String statusCondition(OfferedSlot.Status status) {
    return "(" + STATUS + ") = '" + status.name() + "'";
  }

  /** The doctor behind a resource of the insurer's directory view (a Practitioner's id). */
  private static String doctorOf(String type) {
    return "select r.doctor_id from directory_resource r where r.insurer_id = ? and r.type = '"
        + type
        + "' and r.id = ? and not r.deleted";
  }

  private ServedSlot served(ResultSet rs, int row) throws SQLException {
    UUID doctorId = rs.getObject(2, UUID.class);
    OfferedService service =
        new OfferedService(
            doctorId,
            rs.getString(3),
            rs.getString(4),
            rs.getString(9),
            coding(rs.getString(10)),
            rs.getBoolean(11),
            List.of());
    return new ServedSlot(
        new OfferedSlot(
            rs.getString(1),
            service,
            rs.getTimestamp(5).toInstant(),
            rs.getTimestamp(6).toInstant(),
            OfferedSlot.Status.valueOf(rs.getString(7)),
            rs.getString(8)),
        doctorId,
        rs.getLong(12),
        rs.getTimestamp(13).toInstant());
  }

  /** A service type as stored (JSON), or null. */
  Coding coding(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return json.readValue(stored, Coding.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable service type " + stored, e);
    }
  }
}
