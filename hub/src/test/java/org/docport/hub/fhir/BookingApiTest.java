package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.docport.hub.SampleDoctors;
import org.docport.mappings.SchedulingMapper;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;

/**
 * Insurers find free slots and book them through {@code /fhir}, as their systems would: with HAPI's
 * client and a SMART token. Each insurer sees and changes only its own appointments; a slot
 * somebody took answers 409.
 */
class BookingApiTest extends BookingTest {

  @Test
  void anInsurerFindsAFreeSlotHoldsItAndBooksIt() {
    Insurer insurer = insurer();
    Insurer other = insurer();
    String doctor = bookableDoctor("Findable", insurer, other);
    IGenericClient fhir = booking(insurer);
    String practitioner = practitionerId(fhir, "Findable");

    List<Slot> free =
        resources(
            search(fhir, "Slot?schedule.actor=Practitioner/" + practitioner + "&status=free"),
            Slot.class);
    assertThat(free).hasSize(2);
    Slot slot = free.get(0);
    Schedule schedule =
        fhir.read().resource(Schedule.class).withUrl(slot.getSchedule().getReference()).execute();
    assertThat(schedule.getActorFirstRep().getReference())
        .isEqualTo("Practitioner/" + practitioner);
    assertThat(schedule.getSpecialtyFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("207Q00000X");

    Appointment held = hold(fhir, slot.getIdElement().getIdPart(), 5);
    assertThat(held.getStatus()).isEqualTo(AppointmentStatus.PENDING);
    assertThat(held.getExtensionByUrl(SchedulingMapper.HOLD_EXPIRES_EXTENSION)).isNotNull();
    assertThat(statusAt(booking(other), slot)).isEqualTo("busy-tentative");

    Parameters confirm = new Parameters();
    confirm
        .addParameter()
        .setName("appointment-reference")
        .setValue(new Reference("Appointment/" + held.getIdElement().getIdPart()));
    Appointment booked =
        fhir.operation()
            .onType(Appointment.class)
            .named("$book")
            .withParameters(confirm)
            .returnResourceType(Appointment.class)
            .execute();

    assertThat(booked.getStatus()).isEqualTo(AppointmentStatus.BOOKED);
    assertThat(booked.getIdElement().getIdPart()).isEqualTo(held.getIdElement().getIdPart());
    assertThat(statusAt(booking(other), slot)).isEqualTo("busy");
    assertThat(
            resources(
                search(fhir, "Slot?schedule.actor=Practitioner/" + practitioner + "&status=free"),
                Slot.class))
        .extracting(s -> s.getIdElement().getIdPart())
        .doesNotContain(slot.getIdElement().getIdPart());
    assertThat(doctor).isNotNull();
  }

  @Test
  void theSecondInsurerToBookASlotGets409SayingItIsTaken() {
    Insurer first = insurer();
    Insurer second = insurer();
    bookableDoctor("Wanted", first, second);
    String slot = firstFreeSlot(booking(first), "Wanted");

    Appointment booked = create(booking(first), slot);

    assertThat(booked.getStatus()).isEqualTo(AppointmentStatus.BOOKED);
    assertThatThrownBy(() -> create(booking(second), slot))
        .isInstanceOf(ResourceVersionConflictException.class)
        .satisfies(e -> assertThat(outcomeText(e)).contains("Slot/" + slot + " is taken"));
  }

  @Test
  void anInsurerSeesAndChangesOnlyItsOwnAppointments() {
    Insurer owner = insurer();
    Insurer other = insurer();
    bookableDoctor("Isolated", owner, other);
    String slot = firstFreeSlot(booking(owner), "Isolated");
    String id = create(booking(owner), slot).getIdElement().getIdPart();
    IGenericClient stranger = booking(other);

    assertThatThrownBy(() -> stranger.read().resource(Appointment.class).withId(id).execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(resources(search(stranger, "Appointment"), Appointment.class)).isEmpty();
    Appointment cancel = new Appointment().setStatus(AppointmentStatus.CANCELLED);
    cancel.setId("Appointment/" + id);
    assertThatThrownBy(() -> stranger.update().resource(cancel).execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(resources(search(booking(owner), "Appointment"), Appointment.class))
        .extracting(a -> a.getIdElement().getIdPart())
        .containsExactly(id);
    assertThat(booking(owner).read().resource(Appointment.class).withId(id).execute().getStatus())
        .isEqualTo(AppointmentStatus.BOOKED);
  }

  @Test
  void aRescheduleKeepsTheOldTimeUnlessItGetsTheNewOneAndACancelFreesTheTime() {
    Insurer mine = insurer();
    Insurer theirs = insurer();
    bookableDoctor("Moving", mine, theirs);
    IGenericClient fhir = booking(mine);
    List<String> slots =
        resources(
                search(
                    fhir,
                    "Slot?schedule.actor=Practitioner/"
                        + practitionerId(fhir, "Moving")
                        + "&status=free"),
                Slot.class)
            .stream()
            .map(s -> s.getIdElement().getIdPart())
            .toList();
    Appointment appointment = create(fhir, slots.get(0));
    create(booking(theirs), slots.get(1));

    Appointment move = appointment.copy();
    move.getSlot().clear();
    move.addSlot(new Reference("Slot/" + slots.get(1)));
    assertThatThrownBy(() -> fhir.update().resource(move).execute())
        .isInstanceOf(ResourceVersionConflictException.class);
    Appointment still =
        fhir.read().resource(Appointment.class).withId(appointment.getIdPart()).execute();
    assertThat(still.getSlotFirstRep().getReference()).isEqualTo("Slot/" + slots.get(0));
    assertThat(still.getStatus()).isEqualTo(AppointmentStatus.BOOKED);

    Appointment cancel = still.copy().setStatus(AppointmentStatus.CANCELLED);
    cancel.setCancelationReason(new CodeableConcept().setText("patient recovered"));
    Appointment cancelled = (Appointment) fhir.update().resource(cancel).execute().getResource();

    assertThat(cancelled.getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(cancelled.getCancelationReason().getText()).isEqualTo("patient recovered");
    assertThat(statusAt(booking(theirs), slotResource(fhir, slots.get(0)))).isEqualTo("free");
  }

  @Test
  void aDoctorWhoHasNotConsentedHasNoSlotsForTheInsurer() {
    Insurer consented = insurer();
    Insurer stranger = insurer();
    bookableDoctor("Unseen", consented);
    String slot = firstFreeSlot(booking(consented), "Unseen");
    IGenericClient fhir = booking(stranger);

    assertThatThrownBy(() -> fhir.read().resource(Slot.class).withId(slot).execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(resources(search(fhir, "Slot?status=free"), Slot.class))
        .extracting(s -> s.getIdElement().getIdPart())
        .doesNotContain(slot);
    assertThatThrownBy(() -> create(fhir, slot)).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void bookingNeedsTheAppointmentWriteScope() {
    Insurer insurer = insurer();
    bookableDoctor("Scoped", insurer);
    String slot = firstFreeSlot(booking(insurer), "Scoped");

    assertThatThrownBy(() -> create(client(insurer, "system/*.read"), slot))
        .isInstanceOf(ForbiddenOperationException.class)
        .satisfies(e -> assertThat(outcomeText(e)).contains("system/Appointment.write"));
  }

  @Test
  void aBadBookingOrSearchSaysWhatToFix() {
    Insurer insurer = insurer();
    bookableDoctor("Careful", insurer);
    IGenericClient fhir = booking(insurer);
    String slot = firstFreeSlot(fhir, "Careful");
    Appointment noPatient = new Appointment().setStatus(AppointmentStatus.BOOKED);
    noPatient.addSlot(new Reference("Slot/" + slot));

    assertThatThrownBy(() -> fhir.create().resource(noPatient).execute())
        .isInstanceOf(UnprocessableEntityException.class)
        .satisfies(e -> assertThat(outcomeText(e)).contains("exactly one Patient actor"));
    assertThatThrownBy(() -> search(fhir, "Slot?colour=blue"))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(outcomeText(e)).contains("'colour'").contains("schedule.actor"));
    assertThatThrownBy(() -> search(fhir, "Slot?start=ne2026-01-01"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> hold(fhir, slot, 600))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(outcomeText(e)).contains("hold-minutes"));
  }

  @Test
  void slotsAreFoundByServiceTypeCitySpecialtyModeAndTime() {
    Insurer insurer = insurer();
    bookableDoctor("Searched", insurer);
    IGenericClient fhir = booking(insurer);
    String practitioner = "schedule.actor=Practitioner/" + practitionerId(fhir, "Searched");
    List<Slot> all = resources(search(fhir, "Slot?" + practitioner), Slot.class);
    String start = all.get(1).getStartElement().getValueAsString();

    assertThat(
            count(
                fhir,
                "Slot?"
                    + practitioner
                    + "&service-type=http://terminology.hl7.org/CodeSystem/service-type|124"))
        .isEqualTo(2);
    assertThat(count(fhir, "Slot?" + practitioner + "&service-type=57")).isZero();
    assertThat(count(fhir, "Slot?" + practitioner + "&schedule.actor:Location.address-city=benga"))
        .isEqualTo(2);
    assertThat(count(fhir, "Slot?" + practitioner + "&schedule.actor:Location.address-city=Pune"))
        .isZero();
    assertThat(count(fhir, "Slot?" + practitioner + "&specialty=207Q00000X")).isEqualTo(2);
    assertThat(count(fhir, "Slot?" + practitioner + "&specialty=208D00000X")).isZero();
    // Across the insurer's whole view (it sees this doctor alone): by specialty, and by nothing.
    assertThat(count(fhir, "Slot?specialty=207Q00000X")).isEqualTo(2);
    assertThat(count(fhir, "Slot?specialty=208D00000X")).isZero();
    assertThat(count(fhir, "Slot?status=free")).isEqualTo(2);
    assertThat(count(fhir, "Slot?" + practitioner + "&telemedicine=false")).isEqualTo(2);
    assertThat(count(fhir, "Slot?" + practitioner + "&telemedicine=true")).isZero();
    assertThat(count(fhir, "Slot?" + practitioner + "&start=ge" + encode(start))).isEqualTo(1);
    assertThat(count(fhir, "Slot?" + practitioner + "&start=lt" + encode(start))).isEqualTo(1);
  }

  @Test
  void anInsurerThatBookedIsNotRemovedButToldToPause() {
    Insurer insurer = insurer();
    bookableDoctor("Kept", insurer);
    IGenericClient fhir = booking(insurer);
    create(fhir, freeSlots(fhir, "Kept").get(0));

    JsonNode problem =
        operator().delete("/api/operator/insurers/" + insurer.id()).expect(409).body();

    assertThat(problem.get("detail").asText()).contains("booked 1 appointment", "/pause");
    operator().get("/api/operator/insurers/" + insurer.id()).expect(200);
    assertThat(count(fhir, "Appointment")).isEqualTo(1);
  }

  @Test
  void aCitySearchFindsOnlyTheSlotsAtTheDoctorsPracticeInThatCity() {
    Insurer insurer = insurer();
    Map<String, Object> profile = new HashMap<>(SampleDoctors.profile("Twocities"));
    profile.put(
        "locations",
        List.of(
            practice("Rao Family Clinic", "Bengaluru", "+91 80 1234 5678"),
            practice("Rao Pune Clinic", "Pune", "+91 20 1234 5678")));
    String doctor = operator().post("/api/doctors", profile).expect(201).body().get("id").asText();
    consent(doctor, insurer, "ACTIVE");
    Map<String, String> locations = new HashMap<>();
    operator()
        .get("/api/doctors/" + doctor + "/locations")
        .expect(200)
        .body()
        .forEach(l -> locations.put(l.get("name").asText(), l.get("id").asText()));
    Map<String, Object> consult =
        Map.of("id", "consult", "name", "Consultation", "slotMinutes", 20, "mode", "IN_PERSON");
    operator()
        .put(
            "/api/doctors/" + doctor + "/availability",
            Map.of(
                "horizonWeeks",
                1,
                "services",
                List.of(consult),
                "locations",
                List.of(
                    hoursOn(locations.get("Rao Family Clinic"), "09:00", "09:40"),
                    hoursOn(locations.get("Rao Pune Clinic"), "15:00", "16:00"))),
            "\"0\"")
        .expect(200);
    IGenericClient fhir = booking(insurer);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> count(fhir, "Slot?specialty=207Q00000X") == 5);

    String city = "Slot?schedule.actor:Location.address-city=";
    assertThat(count(fhir, city + "Pune")).isEqualTo(3);
    assertThat(count(fhir, city + "Bengaluru")).isEqualTo(2);
    assertThat(count(fhir, city + "Pune&specialty=207Q00000X&status=free")).isEqualTo(3);
    assertThat(count(fhir, city + "Mysuru&specialty=207Q00000X")).isZero();
  }

  private static Map<String, Object> practice(String name, String city, String phone) {
    return Map.of(
        "name",
        name,
        "address",
        Map.of("lines", List.of("1 Main Road"), "city", city, "country", "IN"),
        "phone",
        phone);
  }

  @Test
  void aLongSearchIsPagedAndTheNextLinkWorksOnlyForTheInsurerThatSearched() {
    Insurer insurer = insurer();
    bookableDoctor("Paged", insurer);
    IGenericClient fhir = booking(insurer);
    String practitioner = practitionerId(fhir, "Paged");

    Bundle first = search(fhir, "Slot?schedule.actor=Practitioner/" + practitioner + "&_count=1");
    Bundle second = fhir.loadPage().next(first).execute();

    assertThat(resources(first, Slot.class)).hasSize(1);
    assertThat(resources(second, Slot.class)).hasSize(1);
    assertThat(resources(second, Slot.class).get(0).getIdPart())
        .isNotEqualTo(resources(first, Slot.class).get(0).getIdPart());
    assertThat(second.getLink("next")).isNull();
    IGenericClient other = booking(insurer());
    assertThatThrownBy(() -> other.loadPage().next(first).execute())
        .isInstanceOf(BaseServerResponseException.class);
  }

  @Test
  void theDoctorSeesEveryInsurersAppointmentsAndACancellationReachesTheInsurerWithItsReason() {
    Insurer first = insurer();
    Insurer second = insurer();
    String doctor = bookableDoctor("Busy", first, second);
    List<String> slots = freeSlots(booking(first), "Busy");
    String mine = create(booking(first), slots.get(0)).getIdPart();
    create(booking(second), slots.get(1));
    String book =
        "/api/doctors/"
            + doctor
            + "/appointments?from="
            + LocalDate.now(ZoneOffset.UTC)
            + "&to="
            + LocalDate.now(ZoneOffset.UTC).plusDays(9);

    JsonNode appointments = operator().get(book).expect(200).body();
    assertThat(appointments).hasSize(2);
    assertThat(appointments.get(0).get("insurerId").asText()).isEqualTo(first.id());
    assertThat(appointments.get(1).get("insurerId").asText()).isEqualTo(second.id());
    assertThat(
            appointments
                .get(0)
                .get("patient")
                .get("resource")
                .get("name")
                .get(0)
                .get("family")
                .asText())
        .isEqualTo("Rao");
    operator()
        .post("/api/doctors/" + doctor + "/appointments/" + mine + "/arrived", Map.of())
        .expect(409);
    operator()
        .post("/api/doctors/" + doctor + "/appointments/" + mine + "/cancel", Map.of())
        .expect(400);
    operator()
        .post(
            "/api/doctors/" + doctor + "/appointments/" + mine + "/cancel",
            Map.of("reason", "the clinic is closed for repairs"))
        .expect(200);

    Appointment seen = booking(first).read().resource(Appointment.class).withId(mine).execute();
    assertThat(seen.getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(seen.getCancelationReason().getText()).isEqualTo("the clinic is closed for repairs");
    assertThat(seen.getMeta().getVersionId()).isEqualTo("2");
    assertThat(statusAt(booking(second), slotResource(booking(second), slots.get(0))))
        .isEqualTo("free");
  }

  @Test
  void theDoctorConfirmsAHoldWhichTheInsurerThenReadsAsBooked() {
    Insurer insurer = insurer();
    String doctor = bookableDoctor("Confirmer", insurer);
    IGenericClient fhir = booking(insurer);
    List<String> slots = freeSlots(fhir, "Confirmer");
    String held = hold(fhir, slots.get(0), 10).getIdPart();
    String confirm = "/api/doctors/" + doctor + "/appointments/" + held + "/confirm";

    assertThat(operator().post(confirm, Map.of()).expect(200).body().get("status").asText())
        .isEqualTo("BOOKED");
    operator().post(confirm, Map.of()).expect(200);

    Appointment seen = fhir.read().resource(Appointment.class).withId(held).execute();
    assertThat(seen.getStatus()).isEqualTo(AppointmentStatus.BOOKED);
    assertThat(statusAt(fhir, slotResource(fhir, slots.get(0)))).isEqualTo("busy");
    String cancelled = create(fhir, slots.get(1)).getIdPart();
    operator()
        .post(
            "/api/doctors/" + doctor + "/appointments/" + cancelled + "/cancel",
            Map.of("reason", "closed"))
        .expect(200);
    operator()
        .post("/api/doctors/" + doctor + "/appointments/" + cancelled + "/confirm", Map.of())
        .expect(409);
  }

  @Test
  void leaveMakesTheSlotsUnavailableAndAsksForABookedAppointmentToBeMoved() {
    Insurer insurer = insurer();
    String doctor = bookableDoctor("Away", insurer);
    IGenericClient fhir = booking(insurer);
    List<String> slots = freeSlots(fhir, "Away");
    String booked = create(fhir, slots.get(0)).getIdPart();
    String availability = "/api/doctors/" + doctor + "/availability";
    ObjectNode hours = (ObjectNode) operator().get(availability).expect(200).body();
    LocalDate day = CLINIC_DAY;
    hours
        .putArray("leave")
        .addObject()
        .put("start", day + "T00:00")
        .put("end", day.plusDays(1) + "T00:00")
        .put("reason", "conference");

    operator().put(availability, hours, "\"1\"").expect(200);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> statusAt(fhir, slotResource(fhir, slots.get(1))).equals("busy-unavailable"));
    Appointment flagged = fhir.read().resource(Appointment.class).withId(booked).execute();
    assertThat(flagged.getStatus()).isEqualTo(AppointmentStatus.BOOKED);
    assertThat(
            flagged
                .getExtensionByUrl(SchedulingMapper.RESCHEDULE_EXTENSION)
                .getValue()
                .primitiveValue())
        .contains("conference");

    hours.putArray("leave");
    operator().put(availability, hours, "\"2\"").expect(200);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                fhir.read()
                        .resource(Appointment.class)
                        .withId(booked)
                        .execute()
                        .getExtensionByUrl(SchedulingMapper.RESCHEDULE_EXTENSION)
                    == null);
  }

  @Test
  void metadataDeclaresTheSlotSearchAndTheBookingOperations() {
    CapabilityStatement metadata =
        unauthenticated().capabilities().ofType(CapabilityStatement.class).execute();

    assertThat(resource(metadata, "Slot").getSearchParam())
        .extracting(p -> p.getName())
        .contains("schedule.actor", "start", "status", "service-type", "specialty", "telemedicine");
    assertThat(resource(metadata, "Appointment").getOperation())
        .extracting(o -> o.getName())
        .contains("hold", "book");
    assertThat(resource(metadata, "Appointment").getInteraction())
        .extracting(i -> i.getCode().toCode())
        .contains("read", "search-type", "create", "update");
  }
}
