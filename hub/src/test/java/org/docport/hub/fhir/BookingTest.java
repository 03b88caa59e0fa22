package org.docport.hub.fhir;

import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.docport.hub.SampleCalendars;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;

/** A FHIR test that books: doctors with bookable hours, insurer clients that may book. */
abstract class BookingTest extends FhirTest {

  static final String BOOKING = "system/*.read system/Appointment.write";

  /** The one day the doctors below see patients ({@link SampleCalendars#CLINIC_DAY}). */
  static final LocalDate CLINIC_DAY = SampleCalendars.CLINIC_DAY;

  /**
   * A doctor consented to the insurers, seeing patients 09:00-09:40 on {@link #CLINIC_DAY} in 20
   * minutes: two slots.
   */
  String bookableDoctor(String family, Insurer... insurers) {
    String doctor = createDoctor(family);
    for (Insurer insurer : insurers) {
      consent(doctor, insurer, "ACTIVE");
    }
    String location = locationOf(doctor);
    Map<String, Object> availability =
        SampleCalendars.consultations(hoursOn(location, "09:00", "09:40"));
    operator().put("/api/doctors/" + doctor + "/availability", availability, "\"0\"").expect(200);
    for (Insurer insurer : insurers) {
      IGenericClient fhir = booking(insurer);
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  !fhir.search()
                          .byUrl("Practitioner?family=" + family)
                          .returnBundle(Bundle.class)
                          .execute()
                          .getEntry()
                          .isEmpty()
                      && count(
                              fhir,
                              "Slot?schedule.actor=Practitioner/" + practitionerId(fhir, family))
                          == 2);
    }
    return doctor;
  }

  /**
   * The availability's entry for hours of the {@code consult} service at the location on {@link
   * #CLINIC_DAY}.
   */
  static Map<String, Object> hoursOn(String location, String start, String end) {
    return SampleCalendars.hoursOn(location, start, end);
  }

  IGenericClient booking(Insurer insurer) {
    return InsurerFhirClients.client(operator(), port, insurer.id(), BOOKING, BOOKING);
  }

  static List<String> freeSlots(IGenericClient fhir, String family) {
    return resources(
            search(
                fhir,
                "Slot?status=free&schedule.actor=Practitioner/" + practitionerId(fhir, family)),
            Slot.class)
        .stream()
        .map(s -> s.getIdElement().getIdPart())
        .toList();
  }

  static String firstFreeSlot(IGenericClient fhir, String family) {
    return resources(
            search(
                fhir,
                "Slot?status=free&schedule.actor=Practitioner/" + practitionerId(fhir, family)),
            Slot.class)
        .get(0)
        .getIdElement()
        .getIdPart();
  }

  static Appointment create(IGenericClient fhir, String slot) {
    return (Appointment) fhir.create().resource(request(slot)).execute().getResource();
  }

  static Appointment hold(IGenericClient fhir, String slot, int minutes) {
    Parameters parameters = new Parameters();
    parameters
        .addParameter()
        .setName("appointment-resource")
        .setResource(request(slot).setStatus(AppointmentStatus.PROPOSED));
    parameters.addParameter().setName("hold-minutes").setValue(new IntegerType(minutes));
    return fhir.operation()
        .onType(Appointment.class)
        .named("$hold")
        .withParameters(parameters)
        .returnResourceType(Appointment.class)
        .execute();
  }

  /** A booking of the slot for a patient given by minimal demographics. */
  static Appointment request(String slot) {
    Patient patient = new Patient().addName(new HumanName().setFamily("Rao").addGiven("Meera"));
    patient.setId("p");
    Appointment appointment = new Appointment().setStatus(AppointmentStatus.BOOKED);
    appointment.addContained(patient);
    appointment.addSlot(new Reference("Slot/" + slot));
    appointment.addParticipant().setActor(new Reference("#p"));
    return appointment;
  }

  static String statusAt(IGenericClient fhir, Slot slot) {
    return fhir.read()
        .resource(Slot.class)
        .withId(slot.getIdElement().getIdPart())
        .execute()
        .getStatus()
        .toCode();
  }

  static Slot slotResource(IGenericClient fhir, String id) {
    return fhir.read().resource(Slot.class).withId(id).execute();
  }

  static int count(IGenericClient fhir, String url) {
    return search(fhir, url).getEntry().size();
  }

  static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  static String outcomeText(Throwable e) {
    BaseServerResponseException response = (BaseServerResponseException) e;
    return response.getOperationOutcome() instanceof OperationOutcome outcome
        ? outcome.getIssueFirstRep().getDiagnostics()
        : response.getMessage();
  }
}
