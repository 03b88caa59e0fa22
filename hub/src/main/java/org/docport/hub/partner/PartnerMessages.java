package org.docport.hub.partner;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.docport.hub.scheduling.Appointments;
import org.docport.mappings.snapshot.Coding;

/**
 * What the partner API's requests and answers hold: plain JSON, no FHIR. Each record's name is
 * unique in the hub's API description (springdoc names schemas by simple name).
 */
final class PartnerMessages {

  private PartnerMessages() {}

  /** A free slot of a doctor: book it by its id. */
  record PartnerSlot(
      String id,
      UUID doctorId,
      String locationId,
      String serviceId,
      String serviceName,
      Coding serviceType,
      boolean telemedicine,
      Instant start,
      Instant end) {}

  /**
   * A page of free slots, in start order.
   *
   * @param next the {@code cursor} of the next page, absent on the last
   */
  record PartnerSlotPage(List<PartnerSlot> slots, String next) {}

  /** An identifier in the insurer's systems: a member number, a policy number. */
  record PartnerIdentifier(String system, String value) {}

  /**
   * The patient: a reference into the insurer's system ({@code https://…/Patient/{id}}), an
   * identifier, or the patient's name (with birth date and gender if known), the identifier too.
   */
  @Schema(
      description =
          "The patient: 'reference' (https://…/Patient/{id} in your system) or 'identifier', or"
              + " the patient's name ('family', 'given') with 'birthDate', 'gender' and"
              + " 'identifier' if known.")
  record PartnerPatient(
      String reference,
      PartnerIdentifier identifier,
      String family,
      List<String> given,
      LocalDate birthDate,
      @Schema(allowableValues = {"male", "female", "other", "unknown"}) String gender,
      String display) {}

  /** The patient's coverage: a reference into the insurer's system, or its identifier. */
  record PartnerCoverage(String reference, PartnerIdentifier identifier, String display) {}

  /** Hold a free slot for the patient. */
  record PartnerHoldRequest(
      String slotId,
      @Schema(description = "How long to hold the slot: 1 to 60 minutes, 10 when left out")
          Integer holdMinutes,
      PartnerPatient patient,
      PartnerCoverage coverage) {}

  /** Book a free slot for the patient. */
  record PartnerBookingRequest(String slotId, PartnerPatient patient, PartnerCoverage coverage) {}

  /** Cancel an appointment (or release a hold): why, for the doctor. */
  record PartnerCancelRequest(String reason) {}

  /** An enrolment decision: a rejection needs a reason the doctor can act on. */
  record PartnerDecision(Boolean accepted, String reason) {}

  /**
   * An appointment of the insurer's, as stored now.
   *
   * @param holdUntil while {@code HELD}: when the hold runs out unless it is booked
   * @param rescheduleReason set while the doctor asks for another time (leave, a holiday)
   * @param version a new one with every change
   */
  record PartnerAppointment(
      String id,
      UUID doctorId,
      String slotId,
      String locationId,
      String serviceId,
      String serviceName,
      boolean telemedicine,
      String meetingLink,
      Instant start,
      Instant end,
      Appointments.Status status,
      Instant holdUntil,
      PartnerPatient patient,
      PartnerCoverage coverage,
      String cancellationReason,
      String cancelledBy,
      String rescheduleReason,
      long version,
      Instant created,
      Instant updated) {}
}
