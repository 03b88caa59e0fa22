package org.docport.mappings.snapshot;

import java.time.Instant;
import org.hl7.fhir.r4.model.Reference;

/**
 * An appointment an insurer booked (or holds) in a doctor's slot.
 *
 * @param holdUntil when a hold runs out; null once booked
 * @param meetingLink where a telemedicine appointment takes place; null in person
 * @param patient the patient as the insurer supplied it: a reference into its own systems, or a
 *     patient resource ({@link Reference#getResource()}) with minimal demographics, which the
 *     appointment then contains
 * @param coverage the patient's coverage, the same way; null if none was given
 * @param cancellationReason why it was cancelled, if it was
 * @param rescheduleReason why it needs another time (the doctor is on leave then), if it does
 */
public record BookedAppointment(
    String id,
    OfferedService service,
    String slotId,
    Instant start,
    Instant end,
    Status status,
    Instant holdUntil,
    String meetingLink,
    Reference patient,
    Reference coverage,
    String cancellationReason,
    String rescheduleReason,
    Instant created) {

  /** This appointment of the service as given (e.g. with the doctor's specialties). */
  public BookedAppointment withService(OfferedService given) {
    return new BookedAppointment(
        id,
        given,
        slotId,
        start,
        end,
        status,
        holdUntil,
        meetingLink,
        patient,
        coverage,
        cancellationReason,
        rescheduleReason,
        created);
  }

  /** Where an appointment is in its life. */
  public enum Status {
    /** Held for the insurer until {@link #holdUntil}: FHIR's pending. */
    HELD("pending"),
    BOOKED("booked"),
    ARRIVED("arrived"),
    FULFILLED("fulfilled"),
    NOSHOW("noshow"),
    CANCELLED("cancelled"),
    /** A hold that ran out before it was booked: cancelled, for FHIR. */
    EXPIRED("cancelled");

    private final String code;

    Status(String code) {
      this.code = code;
    }

    /** The FHIR code. */
    public String code() {
      return code;
    }
  }
}
