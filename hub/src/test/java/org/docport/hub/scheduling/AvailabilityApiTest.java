package org.docport.hub.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.docport.hub.HubTest;
import org.docport.testkit.HubClient;
import org.junit.jupiter.api.Test;

/** A doctor sets availability once over REST and reads back the slots it gives. */
class AvailabilityApiTest extends HubTest {

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
    // Monday 2027-02-01, 09:00-10:00 in Kolkata (UTC+05:30): 20-minute steps of 15-minute slots.
    JsonNode slots =
        operator()
            .get("/api/doctors/" + doctor + "/slots?from=2027-02-01&to=2027-02-02")
            .expect(200)
            .body();
    assertThat(slots).hasSize(3);
    assertThat(slots.get(0).get("start").asText()).isEqualTo("2027-02-01T03:30:00Z");
    assertThat(slots.get(0).get("end").asText()).isEqualTo("2027-02-01T03:45:00Z");
    assertThat(slots.get(0).get("status").asText()).isEqualTo("FREE");
    assertThat(slots.get(0).get("locationId").asText()).isEqualTo(location);
    assertThat(slots.get(0).get("serviceId").asText()).isEqualTo("consult");
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

    operator()
        .put(
            "/api/operator/holidays/IN/2027",
            List.of(Map.of("date", "2027-01-04", "name", "A new holiday")),
            null)
        .expect(200);

    JsonNode slots =
        operator()
            .get("/api/doctors/" + doctor + "/slots?from=2027-01-04&to=2027-01-12")
            .expect(200)
            .body();
    assertThat(slots).hasSize(6);
    for (int i = 0; i < 3; i++) {
      assertThat(slots.get(i).get("status").asText()).isEqualTo("BUSY_UNAVAILABLE");
      assertThat(slots.get(i).get("comment").asText()).isEqualTo("public holiday: A new holiday");
    }
    assertThat(slots.get(3).get("status").asText()).isEqualTo("FREE");
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

  private String locationOf(String doctor) {
    return operator()
        .get("/api/doctors/" + doctor + "/locations")
        .expect(200)
        .body()
        .get(0)
        .get("id")
        .asText();
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
