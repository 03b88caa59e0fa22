package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.docport.connectors.webhook.WebhookKeys;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.mappings.SchedulingMapper;
import org.docport.testkit.HubClient;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;

/**
 * Doctors' calendars reach insurers' own FHIR servers through their connectors: Schedules and Slots
 * to every insurer that sees the doctor and no other, kept current as bookings, cancellations and
 * leave change them, each change as one transaction per insurer; each insurer's own appointments as
 * copies; and all of it withdrawn when the doctor opts out.
 */
class CalendarDeliveryTest extends BookingTest {

  private static final Duration DELIVERED = Duration.ofSeconds(20);

  @Test
  void theCalendarReachesEveryInsurerThatSeesTheDoctorAndNoOther() {
    Insurer first = insurer();
    Insurer second = insurer();
    Insurer stranger = insurer();
    String doctor = bookableDoctor("Calendar", first, second);
    consent(createDoctor("Elsewhere"), stranger, "ACTIVE");

    for (Insurer insurer : List.of(first, second)) {
      await().atMost(DELIVERED).until(() -> slotsAt(insurer, doctor).size() == 2);
      Schedule schedule = insurer.server().all(Schedule.class).get(0);
      Practitioner practitioner =
          insurer
              .server()
              .findByIdentifier(Practitioner.class, BusinessIdentifiers.PRACTITIONER, doctor)
              .orElseThrow();
      // References are the insurer's own ids, not DocPort's.
      assertThat(schedule.getActor())
          .extracting(Reference::getReference)
          .contains("Practitioner/" + practitioner.getIdPart());
      assertThat(slotsAt(insurer, doctor))
          .allSatisfy(
              slot -> {
                assertThat(slot.getSchedule().getReference())
                    .isEqualTo("Schedule/" + schedule.getIdPart());
                assertThat(slot.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
              });
      assertThat(insurer.server().transactionCount()).isEqualTo(1);
    }
    await().atMost(DELIVERED).until(() -> !stranger.server().all(Practitioner.class).isEmpty());
    assertThat(stranger.server().all(Slot.class)).isEmpty();
    assertThat(stranger.server().all(Schedule.class)).isEmpty();
  }

  @Test
  void bookingsCancellationsAndLeaveReachEveryInsurerAndEachItsOwnAppointments() {
    Insurer booker = insurer();
    Insurer other = insurer();
    String doctor = bookableDoctor("Booked", booker, other);
    await().atMost(DELIVERED).until(() -> slotsAt(other, doctor).size() == 2);
    IGenericClient fhir = booking(booker);
    String slot = freeSlots(fhir, "Booked").get(0);

    String appointment = create(fhir, slot).getIdPart();

    await().atMost(DELIVERED).until(() -> statusAt(other, slot) == Slot.SlotStatus.BUSY);
    await().atMost(DELIVERED).until(() -> statusAt(booker, slot) == Slot.SlotStatus.BUSY);
    await()
        .atMost(DELIVERED)
        .until(
            () -> copyAt(booker, appointment).map(Appointment::getStatus),
            s -> s.equals(Optional.of(AppointmentStatus.BOOKED)));
    assertThat(other.server().all(Appointment.class)).isEmpty();

    // The doctor cancels: the booking insurer learns why, and the time is free again everywhere.
    operator()
        .post(
            "/api/doctors/" + doctor + "/appointments/" + appointment + "/cancel",
            Map.of("reason", "the clinic is closed for repairs"))
        .expect(200);

    await()
        .atMost(DELIVERED)
        .until(
            () -> copyAt(booker, appointment).map(Appointment::getStatus),
            s -> s.equals(Optional.of(AppointmentStatus.CANCELLED)));
    assertThat(copyAt(booker, appointment).orElseThrow().getCancelationReason().getText())
        .isEqualTo("the clinic is closed for repairs");
    await().atMost(DELIVERED).until(() -> statusAt(other, slot) == Slot.SlotStatus.FREE);

    // Leave over a new booking: unavailable at every insurer, the booker asked to move it.
    String again = create(fhir, slot).getIdPart();
    declareLeaveOnClinicDay(doctor);

    for (Insurer insurer : List.of(booker, other)) {
      await()
          .atMost(DELIVERED)
          .until(
              () ->
                  slotsAt(insurer, doctor).stream()
                      .allMatch(s -> s.getStatus() == Slot.SlotStatus.BUSYUNAVAILABLE));
    }
    await()
        .atMost(DELIVERED)
        .until(
            () ->
                copyAt(booker, again)
                    .map(a -> a.getExtensionByUrl(SchedulingMapper.RESCHEDULE_EXTENSION))
                    .isPresent());
    assertThat(other.server().all(Appointment.class)).isEmpty();
  }

  @Test
  void optingOutWithdrawsTheCalendarAndTheInsurersCopies() {
    Insurer leaving = insurer();
    Insurer staying = insurer();
    String doctor = bookableDoctor("Leaving", leaving, staying);
    IGenericClient fhir = booking(leaving);
    String appointment = create(fhir, freeSlots(fhir, "Leaving").get(0)).getIdPart();
    await().atMost(DELIVERED).until(() -> copyAt(leaving, appointment).isPresent());
    await().atMost(DELIVERED).until(() -> slotsAt(staying, doctor).size() == 2);

    operator().delete("/api/doctors/" + doctor + "/consents/" + leaving.id()).expect(202);

    await().atMost(DELIVERED).until(() -> leaving.server().all(Practitioner.class).isEmpty());
    assertThat(leaving.server().all(Slot.class)).isEmpty();
    assertThat(leaving.server().all(Schedule.class)).isEmpty();
    assertThat(leaving.server().all(Appointment.class)).isEmpty();
    assertThat(slotsAt(staying, doctor)).hasSize(2);
  }

  @Test
  void anInsurerDownWhileSlotsChangeEndsHoldingExactlyTheCurrentSlots() {
    Insurer down = insurer();
    Insurer up = insurer();
    String doctor = bookableDoctor("Outage", down, up);
    await().atMost(DELIVERED).until(() -> slotsAt(down, doctor).size() == 2);
    down.server().failAlways(503);

    // While it is down: the hours widen to 30 slots, narrow to three, and one of those is booked.
    setClinicHours(doctor, "08:00", "18:00");
    await().atMost(DELIVERED).until(() -> slotsAt(up, doctor).size() == 30);
    setClinicHours(doctor, "10:00", "11:00");
    await().atMost(DELIVERED).until(() -> slotsAt(up, doctor).size() == 3);
    IGenericClient fhir = booking(up);
    create(fhir, freeSlots(fhir, "Outage").get(1));
    assertThat(slotsAt(down, doctor)).hasSize(2);

    down.server().healthy();

    IGenericClient downFhir = booking(down);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> heldAt(down, doctor).equals(current(downFhir, "Outage")));
    assertThat(heldAt(down, doctor)).hasSize(3).containsValue("busy");
  }

  /** The doctor's hours on the clinic day, from the start to the end given (local times). */
  private void setClinicHours(String doctor, String start, String end) {
    String availability = "/api/doctors/" + doctor + "/availability";
    HubClient.Response current = operator().get(availability).expect(200);
    ObjectNode hours = (ObjectNode) current.body();
    ((ObjectNode) hours.withArray("locations").get(0).withArray("extra").get(0))
        .put("start", start)
        .put("end", end);
    operator().put(availability, hours, current.etag()).expect(200);
  }

  /** Slot id to status, as the insurer's server holds them. */
  private static Map<String, String> heldAt(Insurer insurer, String doctor) {
    return slotsAt(insurer, doctor).stream()
        .collect(
            java.util.stream.Collectors.toMap(
                s -> s.getIdentifierFirstRep().getValue(), s -> s.getStatus().toCode()));
  }

  /** Slot id to status, as DocPort serves them to the insurer now. */
  private static Map<String, String> current(IGenericClient fhir, String family) {
    return resources(
            search(fhir, "Slot?schedule.actor=Practitioner/" + practitionerId(fhir, family)),
            Slot.class)
        .stream()
        .collect(
            java.util.stream.Collectors.toMap(
                s -> s.getIdElement().getIdPart(), s -> s.getStatus().toCode()));
  }

  @Test
  void aChangeOfManySlotsIsOneTransactionPerInsurer() {
    Insurer insurer = insurer();
    String doctor = bookableDoctor("Many", insurer);
    await().atMost(DELIVERED).until(() -> slotsAt(insurer, doctor).size() == 2);
    int before = insurer.server().transactionCount();

    setClinicHours(doctor, "08:00", "18:00");

    await().atMost(DELIVERED).until(() -> slotsAt(insurer, doctor).size() == 30);
    assertThat(insurer.server().transactionCount() - before).isEqualTo(1);
  }

  @Test
  void aSubscriberToTheAppointmentTopicIsToldOfChangesItDidNotMake() throws Exception {
    Insurer insurer = insurer();
    Insurer other = insurer();
    String doctor = bookableDoctor("Notified", insurer, other);
    String scopes = BOOKING + " system/Subscription.write";
    IGenericClient fhir = InsurerFhirClients.client(operator(), port, insurer.id(), scopes, scopes);
    try (NotificationReceiver receiver = new NotificationReceiver()) {
      String subscription =
          Subscriptions.create(
              fhir,
              Subscriptions.subscription(
                  receiver.url("/appointments"),
                  "full-resource",
                  s -> s.setCriteria(Subscriptions.TOPIC + "appointment")));
      await()
          .atMost(DELIVERED)
          .until(
              () ->
                  Subscriptions.status(fhir, subscription)
                      == org.hl7.fhir.r4.model.Subscription.SubscriptionStatus.ACTIVE);
      String appointment = create(fhir, freeSlots(fhir, "Notified").get(0)).getIdPart();
      // Another insurer's booking is not this insurer's to hear of.
      IGenericClient otherFhir = booking(other);
      create(otherFhir, freeSlots(otherFhir, "Notified").get(0));

      operator()
          .post(
              "/api/doctors/" + doctor + "/appointments/" + appointment + "/cancel",
              Map.of("reason", "the doctor is unwell"))
          .expect(200);

      await().atMost(DELIVERED).until(() -> receiver.events("/appointments").size() >= 2);
      List<Appointment> told =
          receiver.events("/appointments").stream()
              .flatMap(r -> resources(r.bundle(), Appointment.class).stream())
              .toList();
      assertThat(told).extracting(a -> a.getIdElement().getIdPart()).containsOnly(appointment);
      Appointment cancelled = told.get(told.size() - 1);
      assertThat(cancelled.getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
      assertThat(cancelled.getCancelationReason().getText()).isEqualTo("the doctor is unwell");
      assertThat(Subscriptions.numbers(receiver.events("/appointments"))).containsExactly(1L, 2L);
    }
  }

  @Test
  void leaveReachesAnInsurerOfEachConnectorKind() {
    try (NotificationReceiver hook = new NotificationReceiver()) {
      Insurer server = insurer();
      Insurer webhook =
          insurerWithConnector(
              Map.of(
                  "kind",
                  "webhook",
                  "baseUrl",
                  hook.url("/docport"),
                  "signing",
                  Map.of("secret", WEBHOOK_SECRET, "previousSecret", RETIRED_SECRET)));
      String doctor = bookableDoctor("Away", server, webhook);
      IGenericClient fhir = booking(webhook);
      List<String> slots = freeSlots(fhir, "Away");
      String appointment = create(fhir, slots.get(0)).getIdPart();
      await().atMost(DELIVERED).until(() -> held(hook).containsKey("Appointment/" + appointment));
      assertThat(slotStatuses(held(hook), slots))
          .containsExactly(Slot.SlotStatus.BUSY, Slot.SlotStatus.FREE);

      declareLeaveOnClinicDay(doctor);

      await()
          .atMost(DELIVERED)
          .until(
              () ->
                  slotsAt(server, doctor).stream()
                      .allMatch(s -> s.getStatus() == Slot.SlotStatus.BUSYUNAVAILABLE));
      await()
          .atMost(DELIVERED)
          .until(
              () -> slotStatuses(held(hook), slots),
              statuses -> statuses.stream().allMatch(s -> s == Slot.SlotStatus.BUSYUNAVAILABLE));
      Appointment copy = (Appointment) held(hook).get("Appointment/" + appointment);
      assertThat(copy.getExtensionByUrl(SchedulingMapper.RESCHEDULE_EXTENSION)).isNotNull();
      // Every message is signed with both keys of the rotation, and verifies with either.
      assertThat(hook.on("/docport"))
          .allSatisfy(
              message -> {
                String id = message.webhook().get("webhook-id");
                long timestamp = Long.parseLong(message.webhook().get("webhook-timestamp"));
                byte[] body = message.body().getBytes(StandardCharsets.UTF_8);
                String signature = message.webhook().get("webhook-signature");
                assertThat(WebhookKeys.verifies(signature, id, timestamp, body, WEBHOOK_SECRET))
                    .isTrue();
                assertThat(WebhookKeys.verifies(signature, id, timestamp, body, RETIRED_SECRET))
                    .isTrue();
              });

      // Opting out takes back everything of the doctor the webhook was sent.
      operator().delete("/api/doctors/" + doctor + "/consents/" + webhook.id()).expect(202);

      await()
          .atMost(DELIVERED)
          .until(
              () ->
                  held(hook).keySet().stream()
                      .noneMatch(
                          ref ->
                              ref.startsWith("Practitioner/")
                                  || ref.startsWith("Slot/")
                                  || ref.startsWith("Schedule/")
                                  || ref.startsWith("Appointment/")));
    }
  }

  private static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String RETIRED_SECRET =
      "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

  /**
   * What a webhook's messages leave at the insurer when applied in order: each {@code PUT
   * Type/id}'s resource, less what a later {@code DELETE} took back.
   */
  private static Map<String, Resource> held(NotificationReceiver hook) {
    Map<String, Resource> held = new java.util.HashMap<>();
    for (NotificationReceiver.Received message : hook.on("/docport")) {
      for (Bundle.BundleEntryComponent entry : message.bundle().getEntry()) {
        String url = entry.getRequest().getUrl();
        if (entry.getRequest().getMethod() == Bundle.HTTPVerb.DELETE) {
          held.remove(url);
        } else {
          held.put(url, entry.getResource());
        }
      }
    }
    return held;
  }

  private static List<Slot.SlotStatus> slotStatuses(Map<String, Resource> held, List<String> ids) {
    return ids.stream()
        .map(id -> (Slot) held.get("Slot/" + id))
        .map(slot -> slot == null ? null : slot.getStatus())
        .toList();
  }

  /** The doctor takes leave over {@link #CLINIC_DAY}, the day of its slots. */
  private void declareLeaveOnClinicDay(String doctor) {
    String availability = "/api/doctors/" + doctor + "/availability";
    ObjectNode hours = (ObjectNode) operator().get(availability).expect(200).body();
    String version = operator().get(availability).expect(200).etag();
    ArrayNode leave = hours.putArray("leave");
    leave
        .addObject()
        .put("start", CLINIC_DAY + "T00:00")
        .put("end", CLINIC_DAY.plusDays(1) + "T00:00")
        .put("reason", "conference");
    operator().put(availability, hours, version).expect(200);
  }

  private static List<Slot> slotsAt(Insurer insurer, String doctor) {
    String prefix = BusinessIdentifiers.location(UUID.fromString(doctor), "x").getValue();
    String doctorPart = prefix.substring(0, prefix.indexOf('/'));
    return insurer.server().all(Slot.class).stream()
        .filter(s -> scheduleOf(insurer, s).contains(doctorPart))
        .toList();
  }

  private static String scheduleOf(Insurer insurer, Slot slot) {
    return insurer.server().all(Schedule.class).stream()
        .filter(s -> ("Schedule/" + s.getIdPart()).equals(slot.getSchedule().getReference()))
        .map(s -> s.getIdentifierFirstRep().getValue())
        .findFirst()
        .orElse("");
  }

  private static Slot.SlotStatus statusAt(Insurer insurer, String slotId) {
    return insurer
        .server()
        .findByIdentifier(Slot.class, BusinessIdentifiers.SLOT, slotId)
        .map(Slot::getStatus)
        .orElse(null);
  }

  private static Optional<Appointment> copyAt(Insurer insurer, String appointmentId) {
    return insurer
        .server()
        .findByIdentifier(Appointment.class, BusinessIdentifiers.APPOINTMENT, appointmentId);
  }
}
