package org.docport.hub.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.docport.hub.HubTest;
import org.docport.testkit.HubClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** No doctor is ever booked twice at once, whoever books and however the requests interleave. */
class AppointmentBookingTest extends HubTest {

  @Autowired Appointments appointments;

  @Test
  void ofAHundredConcurrentBookingsOfOneSlotByTwoInsurersExactlyOneWins() throws Exception {
    Insurer first = insurer();
    Insurer second = insurer();
    String doctor = createDoctor("Contested");
    consent(doctor, first, "ACTIVE");
    consent(doctor, second, "ACTIVE");
    String location = locationOf(doctor);
    setHours(doctor, location, "09:00", "09:30", 30);
    String slot = firstSlot(doctor);

    List<Appointments.Outcome> outcomes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Appointments.Outcome>> attempts = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        String insurer = (i % 2 == 0 ? first : second).id();
        ObjectNode patient = HubClient.json().createObjectNode().put("reference", "Patient/p" + i);
        attempts.add(
            pool.submit(
                () -> {
                  go.await();
                  return appointments.book(insurer, slot, patient, null);
                }));
      }
      go.countDown();
      for (Future<Appointments.Outcome> attempt : attempts) {
        outcomes.add(attempt.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(outcomes).filteredOn(o -> o instanceof Appointments.Booked).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o instanceof Appointments.Taken).hasSize(99);
    assertThat(appointments.holding(UUID.fromString(doctor))).hasSize(1);
  }

  @Test
  void overlappingSlotsAtTwoLocationsCannotBothBeBooked() {
    Insurer insurer = insurer();
    String doctor = createDoctor("Two places");
    consent(doctor, insurer, "ACTIVE");
    String clinic = locationOf(doctor);
    String hospital =
        operator()
            .post(
                "/api/doctors/" + doctor + "/locations",
                Map.of(
                    "name",
                    "City Hospital",
                    "address",
                    Map.of("city", "Bengaluru", "country", "IN"),
                    "phone",
                    "+91 80 2222 3333"))
            .expect(201)
            .body()
            .get("id")
            .asText();
    // 09:00-09:30 at the clinic and 09:15-09:45 at the hospital: the same doctor twice at 09:15.
    Map<String, Object> availability =
        Map.of(
            "services",
            List.of(service(30)),
            "locations",
            List.of(place(clinic, "09:00", "09:30"), place(hospital, "09:15", "09:45")));
    operator().put("/api/doctors/" + doctor + "/availability", availability, "\"0\"").expect(200);
    JsonNode monday = awaitSlots(doctor, 2);
    ObjectNode patient = HubClient.json().createObjectNode().put("reference", "Patient/one");

    Appointments.Outcome atClinic =
        appointments.book(insurer.id(), monday.get(0).get("id").asText(), patient, null);
    Appointments.Outcome atHospital =
        appointments.book(insurer.id(), monday.get(1).get("id").asText(), patient, null);

    assertThat(atClinic).isInstanceOf(Appointments.Booked.class);
    assertThat(atHospital).isInstanceOf(Appointments.Taken.class);
  }

  @Test
  void anInsurerTheDoctorHasNotConsentedToCannotBookAndLearnsNothing() {
    Insurer consented = insurer();
    Insurer stranger = insurer();
    String doctor = createDoctor("Private");
    consent(doctor, consented, "ACTIVE");
    setHours(doctor, locationOf(doctor), "09:00", "09:30", 30);
    String slot = firstSlot(doctor);
    ObjectNode patient = HubClient.json().createObjectNode().put("reference", "Patient/x");

    assertThat(appointments.book(stranger.id(), slot, patient, null))
        .isEqualTo(new Appointments.NotFound(slot));
    assertThat(appointments.book(stranger.id(), "no-such-slot", patient, null))
        .isEqualTo(new Appointments.NotFound("no-such-slot"));
    assertThat(appointments.holding(UUID.fromString(doctor))).isEmpty();
  }

  @Test
  void aHoldKeepsTheTimeFromOthersUntilItIsConfirmed() {
    Insurer first = insurer();
    Insurer second = insurer();
    String doctor = createDoctor("Held");
    consent(doctor, first, "ACTIVE");
    consent(doctor, second, "ACTIVE");
    setHours(doctor, locationOf(doctor), "09:00", "09:30", 30);
    String slot = firstSlot(doctor);
    ObjectNode patient = HubClient.json().createObjectNode().put("reference", "Patient/h");

    Appointments.Outcome held =
        appointments.hold(first.id(), slot, patient, null, Instant.now().plusSeconds(600));
    Appointments.Outcome meanwhile = appointments.book(second.id(), slot, patient, null);
    String id = ((Appointments.Held) held).appointmentId();

    assertThat(meanwhile).isInstanceOf(Appointments.Taken.class);
    assertThat(appointments.confirm(second.id(), id)).isInstanceOf(Appointments.NotFound.class);
    assertThat(appointments.confirm(first.id(), id)).isEqualTo(new Appointments.Booked(id));
    assertThat(appointments.holding(UUID.fromString(doctor))).containsExactly(id);
  }

  @Test
  void aHoldThatRunsOutFreesTheTimeAndCannotBeConfirmed() {
    Insurer first = insurer();
    Insurer second = insurer();
    String doctor = createDoctor("Expired");
    consent(doctor, first, "ACTIVE");
    consent(doctor, second, "ACTIVE");
    setHours(doctor, locationOf(doctor), "09:00", "09:30", 30);
    String slot = firstSlot(doctor);
    ObjectNode patient = HubClient.json().createObjectNode().put("reference", "Patient/e");
    Instant until = Instant.now().plusSeconds(600);
    String id =
        ((Appointments.Held) appointments.hold(first.id(), slot, patient, null, until))
            .appointmentId();

    // The sweep as it runs once the hold's end has passed.
    assertThat(appointments.expireHolds(until.plusSeconds(1))).isPositive();

    assertThat(appointments.confirm(first.id(), id)).isInstanceOf(Appointments.Unavailable.class);
    assertThat(appointments.book(second.id(), slot, patient, null))
        .isInstanceOf(Appointments.Booked.class);
  }

  @Test
  void aPreviewNamesTheBookedAppointmentsThatLeaveOrRemovedHoursWouldUncoverAndSavesNothing() {
    Insurer insurer = insurer();
    String doctor = createDoctor("Previewed");
    consent(doctor, insurer, "ACTIVE");
    String location = locationOf(doctor);
    setHours(doctor, location, "09:00", "10:00", 30);
    JsonNode monday = awaitSlots(doctor, 2);
    String booked = monday.get(0).get("id").asText();
    ObjectNode patient = HubClient.json().createObjectNode().put("reference", "Patient/p1");
    Appointments.Booked appointment =
        (Appointments.Booked) appointments.book(insurer.id(), booked, patient, null);
    String day = monday.get(0).get("start").asText().substring(0, 10);
    String preview = "/api/doctors/" + doctor + "/availability/preview";

    JsonNode unchanged =
        operator().post(preview, hours(location, "MONDAY", List.of())).expect(200).body();
    JsonNode onLeave =
        operator()
            .post(
                preview,
                hours(
                    location,
                    "MONDAY",
                    List.of(
                        Map.of(
                            "start", day + "T00:00:00",
                            "end", day + "T23:59:00",
                            "reason", "conference"))))
            .expect(200)
            .body();
    JsonNode moved =
        operator().post(preview, hours(location, "TUESDAY", List.of())).expect(200).body();

    assertThat(unchanged.get("affected")).isEmpty();
    assertThat(onLeave.get("affected")).hasSize(1);
    assertThat(onLeave.at("/affected/0/id").asText()).isEqualTo(appointment.appointmentId());
    assertThat(onLeave.at("/affected/0/reason").asText()).isEqualTo("leave: conference");
    assertThat(onLeave.at("/affected/0/serviceName").asText()).isEqualTo("Consultation");
    assertThat(moved.at("/affected/0/reason").asText()).isEqualTo(DoctorCalendars.OUTSIDE_HOURS);
    assertThat(operator().get("/api/doctors/" + doctor + "/availability").expect(200).etag())
        .isEqualTo("\"1\"");
    assertField(
        operator().post(preview, hours("no-such-location", "MONDAY", List.of())).expect(400),
        "locations[0].locationId");
  }

  @Test
  void thePracticeFiguresCountAWeeksAppointmentsCancellationsAndSlotsInUse() {
    Insurer insurer = insurer();
    String doctor = createDoctor("Counted");
    consent(doctor, insurer, "ACTIVE");
    setHours(doctor, locationOf(doctor), "09:00", "10:00", 30);
    JsonNode monday = awaitSlots(doctor, 2);
    ObjectNode patient = HubClient.json().createObjectNode().put("reference", "Patient/p2");
    String first =
        ((Appointments.Booked)
                appointments.book(insurer.id(), monday.get(0).get("id").asText(), patient, null))
            .appointmentId();
    appointments.book(insurer.id(), monday.get(1).get("id").asText(), patient, null);
    String week = monday.get(0).get("start").asText().substring(0, 10);
    String figures =
        "/api/doctors/" + doctor + "/practice-stats?weeks=1&timeZone=Asia/Kolkata&from=" + week;

    JsonNode booked = operator().get(figures).expect(200).body();
    operator()
        .post(
            "/api/doctors/" + doctor + "/appointments/" + first + "/cancel",
            Map.of("reason", "the doctor is ill"))
        .expect(200);
    JsonNode afterCancelling = operator().get(figures).expect(200).body();

    assertThat(booked.at("/weeks/0/weekStart").asText()).isEqualTo(week);
    assertThat(booked.at("/weeks/0/appointments").asInt()).isEqualTo(2);
    assertThat(booked.at("/weeks/0/offeredSlots").asInt()).isEqualTo(2);
    assertThat(booked.at("/weeks/0/takenSlots").asInt()).isEqualTo(2);
    assertThat(afterCancelling.at("/weeks/0/appointments").asInt()).isEqualTo(2);
    assertThat(afterCancelling.at("/weeks/0/cancelled").asInt()).isEqualTo(1);
    assertThat(afterCancelling.at("/weeks/0/takenSlots").asInt()).isEqualTo(1);
    assertThat(afterCancelling.at("/insurers/0/insurerId").asText()).isEqualTo(insurer.id());
    assertThat(afterCancelling.at("/insurers/0/cancelled").asInt()).isEqualTo(1);
    String stats = "/api/doctors/" + doctor + "/practice-stats";
    assertField(operator().get(stats + "?weeks=0").expect(400), "weeks");
    assertField(operator().get(stats + "?timeZone=Mars/Olympus").expect(400), "timeZone");
    assertField(operator().get(stats + "?from=yesterday").expect(400), "from");
  }

  private static Map<String, Object> hours(String location, String day, List<Object> leave) {
    Map<String, Object> place = new HashMap<>(place(location, "09:00", "10:00"));
    place.put(
        "weekly",
        List.of(
            Map.of("days", List.of(day), "start", "09:00", "end", "10:00", "service", "consult")));
    return Map.of("services", List.of(service(30)), "locations", List.of(place), "leave", leave);
  }

  private void setHours(String doctor, String location, String start, String end, int minutes) {
    Map<String, Object> availability =
        Map.of(
            "services",
            List.of(service(minutes)),
            "locations",
            List.of(place(location, start, end)));
    operator().put("/api/doctors/" + doctor + "/availability", availability, "\"0\"").expect(200);
  }

  private static Map<String, Object> service(int minutes) {
    return Map.of(
        "id", "consult", "name", "Consultation", "slotMinutes", minutes, "mode", "IN_PERSON");
  }

  private static Map<String, Object> place(String location, String start, String end) {
    return Map.of(
        "locationId",
        location,
        "timeZone",
        "Asia/Kolkata",
        "weekly",
        List.of(
            Map.of("days", List.of("MONDAY"), "start", start, "end", end, "service", "consult")));
  }

  private String firstSlot(String doctor) {
    return awaitSlots(doctor, 1).get(0).get("id").asText();
  }

  /** Next week's Monday's slots, once the worker has generated {@code count} of them. */
  private JsonNode awaitSlots(String doctor, int count) {
    LocalDate monday =
        LocalDate.now(ZoneOffset.UTC).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    String path = "/api/doctors/" + doctor + "/slots?from=" + monday + "&to=" + monday.plusDays(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> operator().get(path).body().size() == count);
    return operator().get(path).body();
  }
}
