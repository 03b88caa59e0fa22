package org.docport.hub.scheduling;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.docport.hub.scheduling.Availability.ExtraHours;
import org.docport.hub.scheduling.Availability.Leave;
import org.docport.hub.scheduling.Availability.Location;
import org.docport.hub.scheduling.Availability.Mode;
import org.docport.hub.scheduling.Availability.Service;
import org.docport.hub.scheduling.Availability.WeeklyHours;
import org.junit.jupiter.api.Test;

class SlotGeneratorTest {

  private static final UUID DOCTOR = UUID.fromString("8d6e5c1a-3f1e-4a57-9a8e-2f0c1b7d9e11");

  private static final Service CONSULT =
      new Service("consult", "Consultation", 15, 5, Mode.IN_PERSON, null, null);
  private static final Service HOUR =
      new Service("hour", "Long visit", 60, 0, Mode.IN_PERSON, null, null);

  @Test
  void weeklyHoursAreCutIntoSlotsWithTheBufferBetweenThem() {
    Availability availability =
        at("Asia/Kolkata", List.of(weekly("09:00", "10:00", "consult", MONDAY)), List.of());

    List<Slot> slots =
        SlotGenerator.slots(DOCTOR, availability, Map.of(), date("2026-12-07"), date("2026-12-08"));

    assertThat(slots)
        .extracting(s -> local(s.start(), "Asia/Kolkata"))
        .containsExactly(
            LocalDateTime.parse("2026-12-07T09:00"),
            LocalDateTime.parse("2026-12-07T09:20"),
            LocalDateTime.parse("2026-12-07T09:40"));
    assertThat(slots)
        .allSatisfy(
            s -> {
              assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofMinutes(15));
              assertThat(s.status()).isEqualTo(Slot.Status.FREE);
              assertThat(s.locationId()).isEqualTo("loc-1");
            });
  }

  @Test
  void aMorningClinicStaysAtNineLocalTimeAcrossTheDaylightSavingWeek() {
    Availability availability =
        at(
            "America/New_York",
            List.of(weekly("09:00", "10:00", "hour", DayOfWeek.values())),
            List.of());

    // 2026-03-08: clocks in New York go forward from 02:00 to 03:00.
    List<Slot> slots =
        SlotGenerator.slots(DOCTOR, availability, Map.of(), date("2026-03-05"), date("2026-03-12"));

    assertThat(slots).hasSize(7);
    assertThat(slots)
        .allSatisfy(
            s -> {
              assertThat(local(s.start(), "America/New_York").toLocalTime())
                  .isEqualTo(LocalTime.of(9, 0));
              assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofHours(1));
            });
    assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2026-03-05T14:00:00Z"));
    assertThat(slots.get(6).start()).isEqualTo(Instant.parse("2026-03-11T13:00:00Z"));
  }

  @Test
  void nightHoursAreAsLongAsTheClockSaysWhenTheClocksChange() {
    Availability availability =
        at("America/New_York", List.of(weekly("01:00", "04:00", "hour", SUNDAY)), List.of());

    List<Slot> spring =
        SlotGenerator.slots(DOCTOR, availability, Map.of(), date("2026-03-08"), date("2026-03-09"));
    List<Slot> autumn =
        SlotGenerator.slots(DOCTOR, availability, Map.of(), date("2026-11-01"), date("2026-11-02"));

    // Forward: 01:00 EST to 04:00 EDT is two hours.
    assertThat(spring)
        .extracting(Slot::start)
        .containsExactly(
            Instant.parse("2026-03-08T06:00:00Z"), Instant.parse("2026-03-08T07:00:00Z"));
    // Back: 01:00 EDT to 04:00 EST is four hours, the 01:00 hour twice.
    assertThat(autumn)
        .extracting(Slot::start)
        .containsExactly(
            Instant.parse("2026-11-01T05:00:00Z"),
            Instant.parse("2026-11-01T06:00:00Z"),
            Instant.parse("2026-11-01T07:00:00Z"),
            Instant.parse("2026-11-01T08:00:00Z"));
    assertThat(autumn)
        .extracting(s -> local(s.start(), "America/New_York").toLocalTime())
        .containsExactly(
            LocalTime.of(1, 0), LocalTime.of(1, 0), LocalTime.of(2, 0), LocalTime.of(3, 0));
  }

  @Test
  void leaveMakesEverySlotItTouchesUnavailableWithItsReason() {
    Availability availability =
        new Availability(
            null,
            List.of(CONSULT),
            List.of(location("loc-1", "Asia/Kolkata", weekly("09:00", "10:00", "consult", MONDAY))),
            List.of(
                new Leave(
                    LocalDateTime.parse("2026-12-07T09:30"),
                    LocalDateTime.parse("2026-12-07T12:00"),
                    null,
                    "conference")));

    List<Slot> slots =
        SlotGenerator.slots(DOCTOR, availability, Map.of(), date("2026-12-07"), date("2026-12-08"));

    assertThat(slots)
        .extracting(Slot::status)
        .containsExactly(
            Slot.Status.FREE, Slot.Status.BUSY_UNAVAILABLE, Slot.Status.BUSY_UNAVAILABLE);
    // 09:20-09:35 overlaps leave from 09:30.
    assertThat(slots.get(1).comment()).isEqualTo("leave: conference");
  }

  @Test
  void leaveAtOneLocationLeavesTheOtherOpen() {
    Availability availability =
        new Availability(
            null,
            List.of(HOUR),
            List.of(
                location("loc-1", "Asia/Kolkata", weekly("09:00", "10:00", "hour", MONDAY)),
                location("loc-2", "Asia/Kolkata", weekly("11:00", "12:00", "hour", MONDAY))),
            List.of(
                new Leave(
                    LocalDateTime.parse("2026-12-07T00:00"),
                    LocalDateTime.parse("2026-12-08T00:00"),
                    "loc-2",
                    null)));

    List<Slot> slots =
        SlotGenerator.slots(DOCTOR, availability, Map.of(), date("2026-12-07"), date("2026-12-08"));

    assertThat(slots)
        .extracting(Slot::locationId, Slot::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("loc-1", Slot.Status.FREE),
            org.assertj.core.groups.Tuple.tuple("loc-2", Slot.Status.BUSY_UNAVAILABLE));
    assertThat(slots.get(1).comment()).isEqualTo("leave");
  }

  @Test
  void aPublicHolidayClosesTheWeeklyHoursButNotHoursAddedForTheDay() {
    Location location =
        new Location(
            "loc-1",
            "Asia/Kolkata",
            List.of(weekly("09:00", "10:00", "hour", MONDAY)),
            List.of(
                new ExtraHours(
                    date("2026-12-07"), LocalTime.of(18, 0), LocalTime.of(19, 0), "hour")));
    Availability availability = new Availability(null, List.of(HOUR), List.of(location), List.of());

    List<Slot> slots =
        SlotGenerator.slots(
            DOCTOR,
            availability,
            Map.of("loc-1", Map.of(date("2026-12-07"), "Founders' Day")),
            date("2026-12-07"),
            date("2026-12-15"));

    assertThat(slots)
        .extracting(s -> local(s.start(), "Asia/Kolkata"), Slot::status, Slot::comment)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                LocalDateTime.parse("2026-12-07T09:00"),
                Slot.Status.BUSY_UNAVAILABLE,
                "public holiday: Founders' Day"),
            org.assertj.core.groups.Tuple.tuple(
                LocalDateTime.parse("2026-12-07T18:00"), Slot.Status.FREE, null),
            org.assertj.core.groups.Tuple.tuple(
                LocalDateTime.parse("2026-12-14T09:00"), Slot.Status.FREE, null));
  }

  @Test
  void hoursEndingAtMidnightRunToTheEndOfTheDay() {
    Availability availability =
        at("Asia/Kolkata", List.of(weekly("22:00", "00:00", "hour", MONDAY)), List.of());

    List<Slot> slots =
        SlotGenerator.slots(DOCTOR, availability, Map.of(), date("2026-12-07"), date("2026-12-08"));

    assertThat(slots)
        .extracting(s -> local(s.end(), "Asia/Kolkata"))
        .containsExactly(
            LocalDateTime.parse("2026-12-07T23:00"), LocalDateTime.parse("2026-12-08T00:00"));
  }

  @Test
  void theSameHoursGeneratedAgainAreTheSameSlotsAndOtherHoursOthers() {
    Availability nine =
        at("Asia/Kolkata", List.of(weekly("09:00", "10:00", "hour", MONDAY)), List.of());
    Availability ten =
        at("Asia/Kolkata", List.of(weekly("10:00", "11:00", "hour", MONDAY)), List.of());

    Slot first =
        SlotGenerator.slots(DOCTOR, nine, Map.of(), date("2026-12-07"), date("2026-12-08")).get(0);
    Slot again =
        SlotGenerator.slots(DOCTOR, nine, Map.of(), date("2026-12-07"), date("2026-12-08")).get(0);
    Slot later =
        SlotGenerator.slots(DOCTOR, ten, Map.of(), date("2026-12-07"), date("2026-12-08")).get(0);
    Slot otherDoctor =
        SlotGenerator.slots(
                UUID.randomUUID(), nine, Map.of(), date("2026-12-07"), date("2026-12-08"))
            .get(0);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(later.id()).isNotEqualTo(first.id());
    assertThat(otherDoctor.id()).isNotEqualTo(first.id());
    assertThat(first.id()).matches("[A-Za-z0-9\\-.]{1,64}");
  }

  @Test
  void allotmentsReserveTheirShareOfEachDaySpreadOverTheDayForInsurersThatSeeTheDoctor() {
    // 09:00-13:00 in 15 + 5 minutes: 12 slots a day, the last at 12:40; 11:00 is on leave.
    Availability availability =
        new Availability(
            null,
            List.of(CONSULT),
            List.of(
                new Location(
                    "loc-1",
                    "Asia/Kolkata",
                    List.of(weekly("09:00", "13:00", "consult", MONDAY, TUESDAY)),
                    List.of())),
            List.of(
                new Leave(
                    LocalDateTime.parse("2026-12-07T11:00"),
                    LocalDateTime.parse("2026-12-07T11:15"),
                    null,
                    "errand")),
            List.of(
                new Availability.Allotment("acme", null, 30, null),
                new Availability.Allotment("zenith", "consult", null, 2),
                new Availability.Allotment("gone", null, 50, null)));

    List<Slot> slots =
        SlotGenerator.slots(
            DOCTOR,
            availability,
            Map.of(),
            date("2026-12-07"),
            date("2026-12-09"),
            Set.of("acme", "zenith"),
            List.of());

    Map<LocalDate, List<Slot>> byDay =
        slots.stream()
            .collect(
                Collectors.groupingBy(
                    s -> LocalDate.ofInstant(s.start(), ZoneId.of("Asia/Kolkata")),
                    TreeMap::new,
                    Collectors.toList()));
    // Monday: 11 free slots, 30% is 3 for acme, then 2 for zenith; the one on leave is nobody's.
    List<Slot> monday = byDay.get(date("2026-12-07"));
    assertThat(reservedFor(monday, "acme")).hasSize(3);
    assertThat(reservedFor(monday, "zenith")).hasSize(2);
    assertThat(monday)
        .filteredOn(s -> s.status() == Slot.Status.BUSY_UNAVAILABLE)
        .singleElement()
        .extracting(Slot::reservedFor)
        .isNull();
    // Spread over the day, not the first three of the morning.
    assertThat(reservedFor(monday, "acme"))
        .extracting(s -> local(s.start(), "Asia/Kolkata").toLocalTime())
        .containsExactly(
            LocalTime.parse("09:20"), LocalTime.parse("10:40"), LocalTime.parse("12:20"));
    // Tuesday: 12 free, 30% is 3.
    assertThat(reservedFor(byDay.get(date("2026-12-08")), "acme")).hasSize(3);
    // An insurer that does not see the doctor reserves nothing: its share stays open to all.
    assertThat(slots).noneMatch(s -> "gone".equals(s.reservedFor()));
    assertThat(slots).filteredOn(s -> s.reservedFor() == null).hasSize((11 - 5 + 1) + (12 - 5));
    // The same rules deal the same slots.
    assertThat(
            SlotGenerator.slots(
                DOCTOR,
                availability,
                Map.of(),
                date("2026-12-07"),
                date("2026-12-09"),
                Set.of("acme", "zenith"),
                List.of()))
        .isEqualTo(slots);
  }

  private static List<Slot> reservedFor(List<Slot> slots, String insurerId) {
    return slots.stream().filter(s -> insurerId.equals(s.reservedFor())).toList();
  }

  private static Availability at(String zone, List<WeeklyHours> weekly, List<Leave> leave) {
    return new Availability(
        null,
        List.of(CONSULT, HOUR),
        List.of(new Location("loc-1", zone, weekly, List.of())),
        leave);
  }

  private static Location location(String id, String zone, WeeklyHours hours) {
    return new Location(id, zone, List.of(hours), List.of());
  }

  private static WeeklyHours weekly(String start, String end, String service, DayOfWeek... days) {
    return new WeeklyHours(
        Arrays.asList(days), LocalTime.parse(start), LocalTime.parse(end), service);
  }

  private static LocalDate date(String date) {
    return LocalDate.parse(date);
  }

  private static LocalDateTime local(Instant instant, String zone) {
    return LocalDateTime.ofInstant(instant, ZoneId.of(zone));
  }
}
