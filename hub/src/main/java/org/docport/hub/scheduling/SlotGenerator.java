package org.docport.hub.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.docport.hub.scheduling.Availability.Allotment;
import org.docport.hub.scheduling.Availability.ExtraHours;
import org.docport.hub.scheduling.Availability.Leave;
import org.docport.hub.scheduling.Availability.Location;
import org.docport.hub.scheduling.Availability.Service;
import org.docport.hub.scheduling.Availability.WeeklyHours;

/**
 * Turns an availability into slots: pure, so the same rules give the same slots wherever and
 * whenever they are generated.
 *
 * <p>Hours are wall-clock times in the location's zone, and slots are cut in elapsed time from the
 * hours' start: a slot is always as long as its service says, and a 09:00 clinic starts at 09:00
 * local time on both sides of a daylight-saving change. Hours that span a change are as long as the
 * clock says they are that night (01:00 to 04:00 is two hours when the clocks go forward, four when
 * they go back). A start that falls in the hour the clocks skip moves to just after it, as {@link
 * ZonedDateTime#ofLocal} does.
 */
final class SlotGenerator {

  /** Why a slot a calendar elsewhere holds is unavailable. */
  static final String BUSY_ELSEWHERE = "busy in another calendar";

  private SlotGenerator() {}

  /**
   * The slots on the dates {@code from} (inclusive) to {@code to} (exclusive) of each location's
   * calendar, in start order, none reserved and no time busy elsewhere.
   *
   * @param holidays per location id, its public holidays and their names
   */
  static List<Slot> slots(
      UUID doctorId,
      Availability availability,
      Map<String, Map<LocalDate, String>> holidays,
      LocalDate from,
      LocalDate to) {
    return slots(doctorId, availability, holidays, from, to, Set.of(), List.of());
  }

  /**
   * The slots, as generated from the hours, with {@code busy} (times the doctor's calendars
   * elsewhere hold) making the slots they overlap unavailable, as leave does; none reserved.
   */
  private static List<Slot> generated(
      UUID doctorId,
      Availability availability,
      Map<String, Map<LocalDate, String>> holidays,
      LocalDate from,
      LocalDate to,
      List<BusyTimes.Busy> busy) {
    List<Slot> slots = new ArrayList<>();
    List<Away> elsewhere =
        busy.stream().map(b -> new Away(b.start(), b.end(), BUSY_ELSEWHERE)).toList();
    for (Location location : availability.locations()) {
      ZoneId zone = ZoneId.of(location.timeZone());
      Map<LocalDate, String> closed = holidays.getOrDefault(location.locationId(), Map.of());
      List<Away> away = new ArrayList<>(away(availability.leave(), location, zone));
      away.addAll(elsewhere);
      for (LocalDate date = from; date.isBefore(to); date = date.plusDays(1)) {
        String holiday = closed.containsKey(date) ? "public holiday: " + closed.get(date) : null;
        for (WeeklyHours hours : location.weekly()) {
          if (hours.days().contains(date.getDayOfWeek())) {
            Block block = new Block(location, zone, date, hours.start(), hours.end());
            cut(slots, doctorId, block, service(availability, hours.service()), holiday, away);
          }
        }
        for (ExtraHours extra : location.extra()) {
          if (extra.date().equals(date)) {
            // Hours the doctor added for the day stand, holiday or not.
            Block block = new Block(location, zone, date, extra.start(), extra.end());
            cut(slots, doctorId, block, service(availability, extra.service()), null, away);
          }
        }
      }
    }
    slots.sort(
        Comparator.comparing(Slot::start)
            .thenComparing(Slot::locationId)
            .thenComparing(Slot::serviceId));
    return slots;
  }

  /**
   * As {@link #slots(UUID, Availability, Map, LocalDate, LocalDate)}, with {@code busy} (times the
   * doctor's calendars elsewhere hold) making the slots they overlap unavailable, as leave does,
   * and the availability's allotments for the insurers in {@code seeing} (those that may see the
   * doctor now) dealt out: of each day's free slots of a service at a location, an allotment
   * reserves its share or count, spread evenly over the day, in the order the allotments are
   * listed, as long as slots remain.
   */
  static List<Slot> slots(
      UUID doctorId,
      Availability availability,
      Map<String, Map<LocalDate, String>> holidays,
      LocalDate from,
      LocalDate to,
      Set<String> seeing,
      List<BusyTimes.Busy> busy) {
    List<Slot> slots = generated(doctorId, availability, holidays, from, to, busy);
    List<Allotment> allotments =
        availability.allotments().stream().filter(a -> seeing.contains(a.insurerId())).toList();
    if (allotments.isEmpty()) {
      return slots;
    }
    Map<String, ZoneId> zones = new HashMap<>();
    availability.locations().forEach(l -> zones.put(l.locationId(), ZoneId.of(l.timeZone())));
    // Each day's free slots of a service at a location, by their place in the list, in start order.
    Map<String, List<Integer>> days = new LinkedHashMap<>();
    for (int i = 0; i < slots.size(); i++) {
      Slot slot = slots.get(i);
      if (slot.status() == Slot.Status.FREE) {
        LocalDate date = LocalDate.ofInstant(slot.start(), zones.get(slot.locationId()));
        days.computeIfAbsent(
                slot.locationId() + "/" + slot.serviceId() + "/" + date, k -> new ArrayList<>())
            .add(i);
      }
    }
    List<Slot> dealt = new ArrayList<>(slots);
    for (List<Integer> day : days.values()) {
      String serviceId = slots.get(day.get(0)).serviceId();
      List<Integer> open = new ArrayList<>(day);
      for (Allotment allotment : allotments) {
        if (!allotment.appliesTo(serviceId) || open.isEmpty()) {
          continue;
        }
        int wanted =
            allotment.percent() != null
                ? day.size() * allotment.percent() / 100
                : allotment.perDay();
        int taking = Math.min(wanted, open.size());
        List<Integer> taken = new ArrayList<>();
        for (int j = 0; j < taking; j++) {
          // Evenly spaced among the slots still open: not all in the morning.
          taken.add(open.get((int) ((j + 0.5) * open.size() / taking)));
        }
        for (int index : taken) {
          dealt.set(index, slots.get(index).reservedFor(allotment.insurerId()));
        }
        open.removeAll(taken);
      }
    }
    return dealt;
  }

  /** Hours on one date at one location; an end of 00:00 is midnight at the end of the date. */
  private record Block(
      Location location, ZoneId zone, LocalDate date, LocalTime from, LocalTime to) {

    Instant start() {
      return ZonedDateTime.ofLocal(date.atTime(from), zone, null).toInstant();
    }

    Instant end() {
      LocalDateTime end =
          to.equals(LocalTime.MIDNIGHT) ? date.plusDays(1).atStartOfDay() : date.atTime(to);
      return ZonedDateTime.ofLocal(end, zone, null).withLaterOffsetAtOverlap().toInstant();
    }
  }

  /** A period of leave at a location, in instants, and why. */
  private record Away(Instant start, Instant end, String reason) {}

  private static void cut(
      List<Slot> slots,
      UUID doctorId,
      Block block,
      Service service,
      String closed,
      List<Away> away) {
    Duration length = Duration.ofMinutes(service.slotMinutes());
    Duration step = Duration.ofMinutes(service.step());
    Instant end = block.end();
    for (Instant start = block.start();
        !start.plus(length).isAfter(end);
        start = start.plus(step)) {
      Instant slotEnd = start.plus(length);
      String why = closed != null ? closed : awayReason(away, start, slotEnd);
      slots.add(
          new Slot(
              Slot.idOf(doctorId, block.location().locationId(), service.id(), start),
              block.location().locationId(),
              service.id(),
              start,
              slotEnd,
              why == null ? Slot.Status.FREE : Slot.Status.BUSY_UNAVAILABLE,
              why));
    }
  }

  private static List<Away> away(List<Leave> leave, Location location, ZoneId zone) {
    return leave.stream()
        .filter(l -> l.locationId() == null || l.locationId().equals(location.locationId()))
        .map(
            l ->
                new Away(
                    ZonedDateTime.ofLocal(l.start(), zone, null).toInstant(),
                    ZonedDateTime.ofLocal(l.end(), zone, null)
                        .withLaterOffsetAtOverlap()
                        .toInstant(),
                    l.reason() == null ? "leave" : "leave: " + l.reason()))
        .toList();
  }

  private static String awayReason(List<Away> away, Instant start, Instant end) {
    for (Away a : away) {
      if (a.start().isBefore(end) && start.isBefore(a.end())) {
        return a.reason();
      }
    }
    return null;
  }

  private static Service service(Availability availability, String id) {
    return availability
        .service(id)
        .orElseThrow(() -> new IllegalArgumentException("no service " + id));
  }
}
