package org.docport.mappings;

import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.docport.mappings.snapshot.BookedAppointment;
import org.docport.mappings.snapshot.OfferedService;
import org.docport.mappings.snapshot.OfferedSlot;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.Slot.SlotStatus;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UrlType;

/**
 * Maps a doctor's offered services, slots and appointments to FHIR R4 Schedule, Slot and
 * Appointment.
 *
 * <p>Pure and deterministic like {@link PlanNetMapper}: one Schedule per doctor, practice location
 * and service, its id derived from the three ({@link BusinessIdentifiers#schedule}); its actors are
 * the doctor's Practitioner and the Location as the Plan-Net mapping publishes them, so an insurer
 * can go from a directory search to the doctor's free slots ({@code Slot?schedule.actor=...}).
 * Versions and last-updated times are the server's to set, not the mapping's.
 */
public final class SchedulingMapper {

  /** On Schedule and Slot: whether the service is given remotely (valueBoolean). */
  public static final String TELEMEDICINE_EXTENSION =
      "https://docport.org/fhir/StructureDefinition/telemedicine";

  /** On a held Appointment: when the hold runs out unless booked (valueInstant). */
  public static final String HOLD_EXPIRES_EXTENSION =
      "https://docport.org/fhir/StructureDefinition/hold-expires";

  /**
   * On a booked Appointment the doctor can no longer keep (leave, a public holiday): why, as
   * valueString. The insurer is asked to move it to another slot or cancel it.
   */
  public static final String RESCHEDULE_EXTENSION =
      "https://docport.org/fhir/StructureDefinition/reschedule-requested";

  /** On a telemedicine Appointment: where it takes place (valueUrl). */
  public static final String MEETING_LINK_EXTENSION =
      "https://docport.org/fhir/StructureDefinition/meeting-link";

  /** The id a contained patient or coverage gets inside its appointment. */
  static final String CONTAINED_PATIENT = "patient";

  static final String CONTAINED_COVERAGE = "coverage";

  private SchedulingMapper() {}

  /** The id of the Schedule of this offered service. */
  public static String scheduleId(OfferedService service) {
    return BusinessIdentifiers.logicalId(
        BusinessIdentifiers.schedule(
            service.doctorId(), service.locationId(), service.serviceId()));
  }

  /** The id of the doctor's Practitioner, as the Plan-Net mapping publishes it. */
  public static String practitionerId(OfferedService service) {
    return BusinessIdentifiers.logicalId(BusinessIdentifiers.practitioner(service.doctorId()));
  }

  /** The id of the practice location's Location, as the Plan-Net mapping publishes it. */
  public static String locationId(OfferedService service) {
    return BusinessIdentifiers.logicalId(
        BusinessIdentifiers.location(service.doctorId(), service.locationId()));
  }

  public static Schedule schedule(OfferedService service) {
    Objects.requireNonNull(service, "service");
    var schedule = new Schedule();
    var business =
        BusinessIdentifiers.schedule(service.doctorId(), service.locationId(), service.serviceId());
    Elements.identify(schedule, business);
    schedule.addIdentifier(business);
    schedule.setActive(true);
    schedule.addServiceType(serviceType(service));
    specialties(service).forEach(schedule::addSpecialty);
    schedule.addActor(new Reference("Practitioner/" + practitionerId(service)));
    schedule.addActor(new Reference("Location/" + locationId(service)));
    schedule.setComment(Elements.text(service.name()));
    schedule.addExtension(TELEMEDICINE_EXTENSION, new BooleanType(service.telemedicine()));
    return schedule;
  }

  public static Slot slot(OfferedSlot source) {
    Objects.requireNonNull(source, "slot");
    var slot = new Slot();
    slot.setId(source.id());
    slot.addIdentifier(BusinessIdentifiers.slot(source.id()));
    slot.setSchedule(new Reference("Schedule/" + scheduleId(source.service())));
    // No specialty: a slot is a function of its own row alone, so a profile edit changes no slot.
    slot.addServiceType(serviceType(source.service()));
    slot.setStatus(SlotStatus.fromCode(source.status().code()));
    slot.setStart(Date.from(source.start()));
    slot.setEnd(Date.from(source.end()));
    slot.setComment(Elements.text(source.comment()));
    slot.addExtension(TELEMEDICINE_EXTENSION, new BooleanType(source.service().telemedicine()));
    return slot;
  }

  /**
   * The appointment as its insurer sees it. A contained patient or coverage keeps the content the
   * insurer supplied, under the ids {@value #CONTAINED_PATIENT} and {@value #CONTAINED_COVERAGE}.
   */
  public static Appointment appointment(BookedAppointment source) {
    Objects.requireNonNull(source, "appointment");
    OfferedService service = source.service();
    var appointment = new Appointment();
    appointment.setId(source.id());
    appointment.addIdentifier(BusinessIdentifiers.appointment(source.id()));
    appointment.setStatus(AppointmentStatus.fromCode(source.status().code()));
    if (source.status() == BookedAppointment.Status.EXPIRED) {
      appointment.setCancelationReason(new CodeableConcept().setText("the hold ran out"));
    } else if (Elements.has(source.cancellationReason())) {
      appointment.setCancelationReason(
          new CodeableConcept().setText(Elements.text(source.cancellationReason())));
    }
    appointment.addServiceType(serviceType(service));
    specialties(service).forEach(appointment::addSpecialty);
    appointment.setStart(Date.from(source.start()));
    appointment.setEnd(Date.from(source.end()));
    appointment.setMinutesDuration(
        (int) java.time.Duration.between(source.start(), source.end()).toMinutes());
    appointment.addSlot(new Reference("Slot/" + source.slotId()));
    if (source.created() != null) {
      appointment.setCreated(Date.from(source.created()));
    }
    ParticipationStatus taking =
        source.status() == BookedAppointment.Status.HELD
            ? ParticipationStatus.TENTATIVE
            : ParticipationStatus.ACCEPTED;
    appointment
        .addParticipant()
        .setActor(supplied(appointment, source.patient(), CONTAINED_PATIENT))
        .setStatus(taking);
    appointment
        .addParticipant()
        .setActor(new Reference("Practitioner/" + practitionerId(service)))
        .setStatus(taking);
    appointment
        .addParticipant()
        .setActor(new Reference("Location/" + locationId(service)))
        .setStatus(taking);
    if (source.coverage() != null) {
      appointment.addSupportingInformation(
          supplied(appointment, source.coverage(), CONTAINED_COVERAGE));
    }
    if (source.holdUntil() != null && source.status() == BookedAppointment.Status.HELD) {
      appointment.addExtension(
          HOLD_EXPIRES_EXTENSION, new InstantType(Date.from(source.holdUntil())));
    }
    if (Elements.has(source.rescheduleReason())) {
      String why = Elements.text(source.rescheduleReason());
      appointment.addExtension(RESCHEDULE_EXTENSION, new StringType(why));
      appointment.setComment(
          "The doctor cannot keep this appointment (" + why + "); please move it to another slot.");
    }
    if (Elements.has(source.meetingLink())) {
      appointment.addExtension(MEETING_LINK_EXTENSION, new UrlType(source.meetingLink().strip()));
    }
    return appointment;
  }

  /**
   * The appointment as a connector pushes it to its insurer's own server: as {@link #appointment},
   * but its slot and location are named by business identifier (logical references) rather than
   * linked. The insurer's copy then never stands in the way of deleting a slot that is over or a
   * location the doctor closed, on a server that refuses to delete what is referenced; the doctor
   * stays a link (a copy is withdrawn before its Practitioner).
   */
  public static Appointment pushed(BookedAppointment source) {
    Appointment appointment = appointment(source);
    appointment.getSlot().clear();
    appointment.addSlot(new Reference().setIdentifier(BusinessIdentifiers.slot(source.slotId())));
    for (var participant : appointment.getParticipant()) {
      Reference actor = participant.getActor();
      if (actor.getReference() != null && actor.getReference().startsWith("Location/")) {
        OfferedService service = source.service();
        participant.setActor(
            new Reference()
                .setType("Location")
                .setIdentifier(
                    BusinessIdentifiers.location(service.doctorId(), service.locationId())));
      }
    }
    return appointment;
  }

  /** The service's type: the doctor's code for it if any, and its name as text. */
  private static CodeableConcept serviceType(OfferedService service) {
    var concept = Elements.concept(service.type()).orElseGet(CodeableConcept::new);
    concept.setText(Elements.text(service.name()));
    return concept;
  }

  private static java.util.List<CodeableConcept> specialties(OfferedService service) {
    return service.specialties().stream().map(Elements::concept).flatMap(Optional::stream).toList();
  }

  /**
   * A copy of the insurer's reference; a resource it carries is contained under {@code id} and
   * referenced locally.
   */
  private static Reference supplied(Appointment appointment, Reference given, String id) {
    Reference copy = given.copy();
    if (given.getResource() instanceof Resource resource) {
      Resource contained = resource.copy();
      contained.setId(id);
      appointment.addContained(contained);
      copy.setResource(null);
      copy.setReference("#" + id);
    }
    return copy;
  }
}
