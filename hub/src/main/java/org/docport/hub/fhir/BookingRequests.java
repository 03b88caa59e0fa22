package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What an insurer's Appointment asks for, checked: the one slot it books (by the id a Slot search
 * answered), the patient (a reference into the insurer's systems, or a contained Patient with
 * minimal demographics) and optionally the coverage (the same way, in {@code
 * supportingInformation}). Anything else is refused with a 422 that says what to send instead.
 */
final class BookingRequests {

  /** A checked request: the slot, and the patient and coverage in their stored form. */
  record Booking(String slotId, JsonNode patient, JsonNode coverage) {}

  private BookingRequests() {}

  static Booking parse(FhirContext fhir, Appointment appointment, Set<AppointmentStatus> statuses) {
    if (appointment == null) {
      throw refused("Send the Appointment to book: a slot and the patient.");
    }
    if (!statuses.contains(appointment.getStatus())) {
      throw refused(
          "Appointment.status must be "
              + statuses.stream()
                  .map(AppointmentStatus::toCode)
                  .sorted()
                  .collect(Collectors.joining(" or "))
              + " here, not "
              + (appointment.hasStatus() ? appointment.getStatus().toCode() : "absent")
              + ".");
    }
    return new Booking(
        slotId(appointment), patient(fhir, appointment), coverage(fhir, appointment));
  }

  /** The slot's id from {@code Appointment.slot}: exactly one, {@code Slot/{id}}. */
  static String slotId(Appointment appointment) {
    List<Reference> slots = appointment.getSlot();
    if (slots.size() != 1) {
      throw refused(
          "Appointment.slot must name exactly one slot, as Slot/{id} from a Slot search; it names "
              + slots.size()
              + ".");
    }
    String reference = slots.get(0).getReference();
    if (reference == null || !reference.matches("Slot/[A-Za-z0-9\\-.]{1,64}")) {
      throw refused(
          "Appointment.slot must be a reference Slot/{id} from a Slot search, not '"
              + reference
              + "'.");
    }
    return reference.substring("Slot/".length());
  }

  private static JsonNode patient(FhirContext fhir, Appointment appointment) {
    List<Reference> patients =
        appointment.getParticipant().stream()
            .map(Appointment.AppointmentParticipantComponent::getActor)
            .filter(actor -> isOf(appointment, actor, "Patient"))
            .toList();
    if (patients.size() != 1) {
      throw refused(
          "Appointment.participant must have exactly one Patient actor: a reference to the patient"
              + " in your system (https://…/Patient/{id}, or a type Patient with an identifier), or"
              + " #id of a contained Patient with a name or identifier; found "
              + patients.size()
              + ".");
    }
    Reference patient = patients.get(0);
    Optional<Resource> contained = contained(appointment, patient);
    if (contained.isPresent()) {
      var given = (org.hl7.fhir.r4.model.Patient) contained.get();
      if (!given.hasName() && !given.hasIdentifier()) {
        throw refused("The contained Patient needs at least a name or an identifier.");
      }
    }
    return SuppliedReferences.write(fhir, patient, contained.orElse(null));
  }

  private static JsonNode coverage(FhirContext fhir, Appointment appointment) {
    List<Reference> coverages =
        appointment.getSupportingInformation().stream()
            .filter(r -> isOf(appointment, r, "Coverage"))
            .toList();
    if (coverages.size() > 1) {
      throw refused(
          "Appointment.supportingInformation may carry one Coverage, not "
              + coverages.size()
              + ".");
    }
    return coverages.isEmpty()
        ? null
        : SuppliedReferences.write(
            fhir, coverages.get(0), contained(appointment, coverages.get(0)).orElse(null));
  }

  /** Whether the reference is to a resource of the type: contained, by URL, or by its type. */
  private static boolean isOf(Appointment appointment, Reference reference, String type) {
    Optional<Resource> contained = contained(appointment, reference);
    if (contained.isPresent()) {
      return contained.get().fhirType().equals(type);
    }
    String literal = reference.getReference();
    if (literal != null && (literal.startsWith(type + "/") || literal.contains("/" + type + "/"))) {
      return true;
    }
    return type.equals(reference.getType()) && reference.hasIdentifier();
  }

  /** The contained resource a {@code #id} reference points at. */
  private static Optional<Resource> contained(Appointment appointment, Reference reference) {
    if (reference.getResource() instanceof Resource resource) {
      return Optional.of(resource);
    }
    String literal = reference.getReference();
    if (literal == null || !literal.startsWith("#")) {
      return Optional.empty();
    }
    String id = literal.substring(1);
    return appointment.getContained().stream()
        .filter(r -> id.equals(r.getIdElement().getIdPart()) || literal.equals(r.getId()))
        .findFirst();
  }

  static UnprocessableEntityException refused(String message) {
    return new UnprocessableEntityException(message);
  }
}
