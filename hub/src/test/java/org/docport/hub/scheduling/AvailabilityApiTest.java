package org.docport.hub.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.hub.HubTest;
import org.docport.testkit.HubClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A doctor sets availability once over REST and reads back the slots it gives. */
class AvailabilityApiTest extends HubTest {

  @Autowired DoctorCalendars calendars;
  @Autowired Slots slots;
  @Autowired TransactionTemplate transactions;

  @Test
  void aDoctorHasNoAvailabilityUntilSettingOneAndThenGetsItsSlots() {
    String doctor = createDoctor("Hours");
    String location = locationOf(doctor);
    HubClient.Response none = operator().get(availability(doctor)).expect(200);
    assertThat(none.etag()).isEqualTo("\"0\"");
    assertThat(none.body().get("services")).isEmpty();

    HubClient.Response saved =
        operator().put(availability(doctor), mondayMornings(location), "\"0\"").expect(200);

    assertThat(saved.etag()).isEqualTo("\"1\"");
    assertThat(operator().get(availability(doctor)).expect(200).body()).isEqualTo(saved.body());
    // 09:00-10:00 in Kolkata (UTC+05:30): 20-minute steps of 15-minute slots.
    LocalDate monday = mondayIn(2);
    JsonNode slots = awaitSlots(doctor, monday, 3);
    assertThat(slots.get(0).get("start").asText()).isEqualTo(monday + "T03:30:00Z");
    assertThat(slots.get(0).get("end").asText()).isEqualTo(monday + "T03:45:00Z");
    assertThat(slots.get(0).get("status").asText()).isEqualTo("FREE");
    assertThat(slots.get(0).get("locationId").asText()).isEqualTo(location);
    assertThat(slots.get(0).get("serviceId").asText()).isEqualTo("consult");
  }

  @Test
  void leaveChangesOnlyTheSlotsItTouchesWhichKeepTheirIds() {
    String doctor = createDoctor("Leave");
    String location = locationOf(doctor);
    operator().put(availability(doctor), mondayMornings(location), "\"0\"").expect(200);
    LocalDate away = mondayIn(3);
    List<String> ids = new ArrayList<>();
    awaitSlots(doctor, away, 3).forEach(slot -> ids.add(slot.get("id").asText()));
    String nextWeek = awaitSlots(doctor, away.plusWeeks(1), 3).get(0).get("id").asText();

    Map<String, Object> withLeave = new LinkedHashMap<>(mondayMornings(location));
    withLeave.put(
        "leave",
        List.of(
            Map.of("start", away + "T00:00", "end", away.plusDays(1) + "T00:00", "reason", "CME")));
    operator().put(availability(doctor), withLeave, "\"1\"").expect(200);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> slotsOn(doctor, away).get(0).get("status").asText().equals("BUSY_UNAVAILABLE"));
    JsonNode onLeave = slotsOn(doctor, away);
    assertThat(onLeave).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(onLeave.get(i).get("id").asText()).isEqualTo(ids.get(i));
      assertThat(onLeave.get(i).get("status").asText()).isEqualTo("BUSY_UNAVAILABLE");
      assertThat(onLeave.get(i).get("comment").asText()).isEqualTo("leave: CME");
      assertThat(slots.version(ids.get(i))).isEqualTo(2);
    }
    assertThat(slots.version(nextWeek)).isEqualTo(1);
  }

  @Test
  void theHorizonRollsForwardAsDaysPassAndPastSlotsGo() {
    String doctor = createDoctor("Rolling");
    String location = locationOf(doctor);
    Map<String, Object> everyDay = new LinkedHashMap<>(mondayMornings(location));
    everyDay.put("horizonWeeks", 1);
    everyDay.put(
        "locations",
        List.of(
            Map.of(
                "locationId",
                location,
                "timeZone",
                "Asia/Kolkata",
                "weekly",
                List.of(
                    hours(
                        List.of(
                            "MONDAY",
                            "TUESDAY",
                            "WEDNESDAY",
                            "THURSDAY",
                            "FRIDAY",
                            "SATURDAY",
                            "SUNDAY"),
                        "09:00",
                        "09:15",
                        "consult")))));
    operator().put(availability(doctor), everyDay, "\"0\"").expect(200);
    // The worker's own generation (from the real now) is done before the clock is moved here.
    awaitSlots(doctor, LocalDate.now(ZoneOffset.UTC).plusDays(2), 1);
    UUID id = UUID.fromString(doctor);
    Instant now = Instant.parse("2030-01-01T00:00:00Z");

    transactions.executeWithoutResult(t -> calendars.regenerate(id, now));
    List<Slot> week =
        calendars.slots(id, LocalDate.parse("2029-12-31"), LocalDate.parse("2030-01-15"));
    transactions.executeWithoutResult(t -> calendars.regenerate(id, now.plus(Duration.ofDays(1))));
    List<Slot> nextDay =
        calendars.slots(id, LocalDate.parse("2029-12-31"), LocalDate.parse("2030-01-15"));

    // One slot a day, 09:00 in Kolkata, for the seven days from now.
    assertThat(week)
        .extracting(s -> s.start().toString())
        .containsExactly(
            "2030-01-01T03:30:00Z",
            "2030-01-02T03:30:00Z",
            "2030-01-03T03:30:00Z",
            "2030-01-04T03:30:00Z",
            "2030-01-05T03:30:00Z",
            "2030-01-06T03:30:00Z",
            "2030-01-07T03:30:00Z");
    assertThat(nextDay)
        .extracting(s -> s.start().toString())
        .containsExactly(
            "2030-01-02T03:30:00Z",
            "2030-01-03T03:30:00Z",
            "2030-01-04T03:30:00Z",
            "2030-01-05T03:30:00Z",
            "2030-01-06T03:30:00Z",
            "2030-01-07T03:30:00Z",
            "2030-01-08T03:30:00Z");
    assertThat(nextDay.get(0).id()).isEqualTo(week.get(1).id());
  }

  @Test
  void aChangeNeedsTheVersionItWasMadeOnAndASecondWriterOnAnOldOneIsRefused() {
    String doctor = createDoctor("Versions");
    String location = locationOf(doctor);

    assertThat(operator().put(availability(doctor), mondayMornings(location), null).status())
        .isEqualTo(428);
    operator().put(availability(doctor), mondayMornings(location), "\"0\"").expect(200);
    HubClient.Response stale =
        operator().put(availability(doctor), mondayMornings(location), "\"0\"");

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.body().get("detail").asText()).contains("If-Match: \"1\"");
  }

  @Test
  void anInvalidAvailabilityIsRefusedWithEveryFieldToFixAndNothingStored() {
    String doctor = createDoctor("Invalid");
    String location = locationOf(doctor);
    Map<String, Object> invalid =
        Map.of(
            "horizonWeeks",
            60,
            "services",
            List.of(
                Map.of(
                    "id", "video", "name", "Video call", "slotMinutes", 2, "mode", "TELEMEDICINE"),
                Map.of("id", "video", "name", "Again", "slotMinutes", 15, "mode", "IN_PERSON")),
            "locations",
            List.of(
                Map.of(
                    "locationId",
                    location,
                    "timeZone",
                    "India/Bengaluru",
                    "weekly",
                    List.of(
                        hours(List.of("MONDAY"), "09:00", "12:00", "video"),
                        hours(List.of("MONDAY", "TUESDAY"), "11:00", "13:00", "video"),
                        hours(List.of("FRIDAY"), "14:00", "13:00", "video"),
                        hours(List.of("FRIDAY"), "15:00", "16:00", "scan"))),
                Map.of("locationId", "nowhere", "timeZone", "Asia/Kolkata")),
            "leave",
            Arrays.asList(Map.of("start", "2027-01-10T00:00", "end", "2027-01-09T00:00"), null));

    HubClient.Response refused = operator().put(availability(doctor), invalid, "\"0\"");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("title").asText()).isEqualTo("Invalid availability");
    List<String> fields = new ArrayList<>();
    refused.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "horizonWeeks",
            "services[0].slotMinutes",
            "services[0].meetingLink",
            "services[1].id",
            "locations[0].timeZone",
            "locations[0].weekly[1]",
            "locations[0].weekly[2].end",
            "locations[0].weekly[3].service",
            "locations[1].locationId",
            "leave[0].end",
            "leave[1]");
    assertThat(operator().get(availability(doctor)).expect(200).etag()).isEqualTo("\"0\"");
  }

  @Test
  void aPublicHolidayOfTheLocationsCountryClosesItsHours() {
    String doctor = createDoctor("Holiday");
    String location = locationOf(doctor);
    operator().put(availability(doctor), mondayMornings(location), "\"0\"").expect(200);
    LocalDate holiday = mondayIn(5);
    awaitSlots(doctor, holiday, 3);

    operator()
        .put(
            "/api/operator/holidays/IN/" + holiday.getYear(),
            List.of(Map.of("date", holiday.toString(), "name", "A new holiday")),
            null)
        .expect(200);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                slotsOn(doctor, holiday).get(0).get("status").asText().equals("BUSY_UNAVAILABLE"));
    JsonNode closed = slotsOn(doctor, holiday);
    for (int i = 0; i < 3; i++) {
      assertThat(closed.get(i).get("status").asText()).isEqualTo("BUSY_UNAVAILABLE");
      assertThat(closed.get(i).get("comment").asText()).isEqualTo("public holiday: A new holiday");
    }
    assertThat(slotsOn(doctor, holiday.plusWeeks(1)).get(0).get("status").asText())
        .isEqualTo("FREE");
  }

  @Test
  void aSlotRangeMustBeReadableAndShort() {
    String doctor = createDoctor("Range");

    HubClient.Response unreadable =
        operator().get("/api/doctors/" + doctor + "/slots?from=next-monday");
    HubClient.Response tooLong =
        operator().get("/api/doctors/" + doctor + "/slots?from=2027-01-01&to=2027-06-01");

    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.body().get("errors").get(0).get("field").asText()).isEqualTo("from");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().get("errors").get(0).get("message").asText()).contains("62 days");
  }

  /** The Monday at least {@code weeks} weeks ahead: inside the horizon, never in the past. */
  private static LocalDate mondayIn(int weeks) {
    return LocalDate.now(ZoneOffset.UTC)
        .plusWeeks(weeks)
        .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
  }

  private JsonNode slotsOn(String doctor, LocalDate date) {
    return operator()
        .get("/api/doctors/" + doctor + "/slots?from=" + date + "&to=" + date.plusDays(1))
        .expect(200)
        .body();
  }

  /** The day's slots once the worker has generated {@code count} of them. */
  private JsonNode awaitSlots(String doctor, LocalDate date, int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> slotsOn(doctor, date).size() == count);
    return slotsOn(doctor, date);
  }

  private static String availability(String doctor) {
    return "/api/doctors/" + doctor + "/availability";
  }

  /** Consultations of 15 minutes and a 5-minute pause, Mondays 09:00-10:00 in Kolkata. */
  private static Map<String, Object> mondayMornings(String location) {
    return Map.of(
        "horizonWeeks",
        26,
        "services",
        List.of(
            Map.of(
                "id",
                "consult",
                "name",
                "Consultation",
                "slotMinutes",
                15,
                "bufferMinutes",
                5,
                "mode",
                "IN_PERSON")),
        "locations",
        List.of(
            Map.of(
                "locationId",
                location,
                "timeZone",
                "Asia/Kolkata",
                "weekly",
                List.of(hours(List.of("MONDAY"), "09:00", "10:00", "consult")))));
  }

  private static Map<String, Object> hours(
      List<String> days, String start, String end, String service) {
    return Map.of("days", days, "start", start, "end", end, "service", service);
  }
}
