package org.docport.hub.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.registry.Doctors;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.PracticeLocation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Doctors' calendars: changing an availability (with its slots owed in the same transaction),
 * generating the slots over the planning horizon, and reading them.
 */
@Component
public class DoctorCalendars {

  private final Availabilities availabilities;
  private final Doctors doctors;
  private final PublicHolidays holidays;
  private final Slots slots;
  private final CalendarQueue queue;
  private final Appointments appointments;
  private final InsurerVisibility visibility;
  private final ExternalCalendars external;

  DoctorCalendars(
      Availabilities availabilities,
      Doctors doctors,
      PublicHolidays holidays,
      Slots slots,
      CalendarQueue queue,
      Appointments appointments,
      InsurerVisibility visibility,
      ExternalCalendars external) {
    this.availabilities = availabilities;
    this.doctors = doctors;
    this.holidays = holidays;
    this.slots = slots;
    this.queue = queue;
    this.appointments = appointments;
    this.visibility = visibility;
    this.external = external;
  }

  /** Replaces the availability; its slots are generated again after the commit. */
  @Transactional
  public Availabilities.Versioned replace(
      UUID doctorId, long expectedVersion, Availability availability, String actor) {
    Availabilities.Versioned saved =
        availabilities.replace(doctorId, expectedVersion, availability, actor);
    queue.enqueue(doctorId);
    return saved;
  }

  /** A held or booked appointment that a proposed availability no longer covers, and why. */
  public record Affected(Appointments.Stored appointment, String reason) {}

  /** What an affected appointment's slot is when the proposed hours do not offer it at all. */
  static final String OUTSIDE_HOURS = "outside the new hours";

  /**
   * The doctor's held and booked appointments from {@code now} on that {@code proposed} would not
   * cover: their slots, generated from it as {@link #regenerate} would, are missing (the hours or
   * the service are gone) or unavailable (leave, a public holiday, a busy time elsewhere).
   */
  public List<Affected> affectedBy(UUID doctorId, Availability proposed, Instant now) {
    DoctorSnapshot doctor = doctors.get(doctorId);
    List<Appointments.Stored> holding =
        appointments.ofDoctor(doctorId, now, now.plus(Duration.ofDays(3660))).stream()
            .filter(
                a ->
                    a.status() == Appointments.Status.HELD
                        || a.status() == Appointments.Status.BOOKED)
            .toList();
    if (holding.isEmpty()) {
      return List.of();
    }
    Instant last = holding.get(holding.size() - 1).start();
    Map<String, Slot> offered =
        generate(doctor, proposed, now, last).stream()
            .collect(Collectors.toMap(Slot::id, s -> s, (a, b) -> a));
    return holding.stream()
        .map(a -> new Affected(a, unavailableReason(offered.get(a.slotId()))))
        .filter(a -> a.reason() != null)
        .toList();
  }

  private static String unavailableReason(Slot slot) {
    if (slot == null) {
      return OUTSIDE_HOURS;
    }
    if (slot.status() == Slot.Status.FREE) {
      return null;
    }
    return slot.comment() == null ? "unavailable" : slot.comment();
  }

  /** Replaces a country's holiday calendar for a year; its doctors' slots follow. */
  @Transactional
  public void replaceHolidays(String country, int year, List<PublicHolidays.Holiday> calendar) {
    holidays.replace(country, year, calendar);
    queue.enqueueCountry(country);
  }

  /**
   * Generates the doctor's slots from {@code now} to the end of the planning horizon again and
   * stores them; a doctor no longer in the registry has none to generate.
   */
  void regenerate(UUID doctorId, Instant now) {
    Optional<DoctorSnapshot> doctor = doctors.find(doctorId);
    if (doctor.isEmpty()) {
      return;
    }
    Availability availability = availabilities.get(doctorId).availability();
    Instant end = now.plus(Duration.ofDays(7L * availability.horizon()));
    List<Slot> generated =
        generate(doctor.get(), availability, now, end).stream()
            .filter(s -> !s.start().isBefore(now) && s.start().isBefore(end))
            .toList();
    slots.replace(
        doctorId,
        now,
        generated,
        availability.services().stream()
            .collect(Collectors.toMap(Availability.Service::id, s -> s)));
    appointments.flagUnavailable(doctorId);
  }

  /**
   * The doctor's stored slots on the dates {@code from} (inclusive) to {@code to} (exclusive) of
   * each slot's location.
   */
  public List<Slot> slots(UUID doctorId, LocalDate from, LocalDate to) {
    LocalDates dates = new LocalDates(doctorId, from, to);
    return slots.of(doctorId, dates.earliest(), dates.latest()).stream()
        .filter(s -> dates.contains(s.locationId(), s.start()))
        .toList();
  }

  /**
   * The doctor's appointments, in any status, on the dates {@code from} (inclusive) to {@code to}
   * (exclusive) of each appointment's location.
   */
  public List<Appointments.Stored> appointments(UUID doctorId, LocalDate from, LocalDate to) {
    LocalDates dates = new LocalDates(doctorId, from, to);
    return appointments.ofDoctor(doctorId, dates.earliest(), dates.latest()).stream()
        .filter(a -> dates.contains(a.locationId(), a.start()))
        .toList();
  }

  /** Local dates at each of the doctor's locations, in the location's time zone (UTC if unset). */
  private final class LocalDates {

    private final Map<String, ZoneId> zones = new HashMap<>();
    private final LocalDate from;
    private final LocalDate to;

    LocalDates(UUID doctorId, LocalDate from, LocalDate to) {
      this.from = from;
      this.to = to;
      availabilities
          .get(doctorId)
          .availability()
          .locations()
          .forEach(l -> zones.put(l.locationId(), ZoneId.of(l.timeZone())));
    }

    /** An instant before the range starts in any zone. */
    Instant earliest() {
      return from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** An instant after the range ends in any zone. */
    Instant latest() {
      return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    boolean contains(String locationId, Instant start) {
      LocalDate date = LocalDate.ofInstant(start, zones.getOrDefault(locationId, ZoneOffset.UTC));
      return !date.isBefore(from) && date.isBefore(to);
    }
  }

  /**
   * The doctor's slots from {@code availability} on every local date from {@code from} to {@code
   * to}: the profile's locations only, its holidays, busy times elsewhere, allotments for the
   * insurers that see the doctor now. Local dates a day either side of the UTC ones: every zone's
   * dates that reach the window.
   */
  private List<Slot> generate(
      DoctorSnapshot doctor, Availability availability, Instant from, Instant to) {
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(1);
    LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC).plusDays(2);
    return SlotGenerator.slots(
        doctor.id(),
        offered(availability, doctor),
        closed(doctor, first, last),
        first,
        last,
        seeing(doctor.id()),
        external.busyOf(doctor.id()));
  }

  /** The insurers that may see the doctor now: whose allotments are honoured. */
  private Set<String> seeing(UUID doctorId) {
    return visibility.flowsOf(List.of(doctorId)).stream()
        .map(InsurerVisibility.Flow::insurerId)
        .collect(Collectors.toSet());
  }

  /** The availability at the locations the profile still has (one removed offers nothing). */
  private static Availability offered(Availability availability, DoctorSnapshot doctor) {
    List<String> locationIds = doctor.locations().stream().map(PracticeLocation::id).toList();
    return new Availability(
        availability.horizonWeeks(),
        availability.services(),
        availability.locations().stream()
            .filter(l -> locationIds.contains(l.locationId()))
            .toList(),
        availability.leave(),
        availability.allotments());
  }

  /** Each location's public holidays: its country's and its state's. */
  private Map<String, Map<LocalDate, String>> closed(
      DoctorSnapshot doctor, LocalDate from, LocalDate to) {
    Map<String, Map<LocalDate, String>> closed = new HashMap<>();
    for (PracticeLocation location : doctor.locations()) {
      if (location.address() != null) {
        closed.put(
            location.id(),
            holidays.at(location.address().country(), location.address().state(), from, to));
      }
    }
    return closed;
  }
}
