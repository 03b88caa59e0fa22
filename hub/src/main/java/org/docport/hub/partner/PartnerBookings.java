package org.docport.hub.partner;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.fhir.InsurerSlots;
import org.docport.hub.partner.PartnerMessages.PartnerAppointment;
import org.docport.hub.partner.PartnerMessages.PartnerBookingRequest;
import org.docport.hub.partner.PartnerMessages.PartnerCancelRequest;
import org.docport.hub.partner.PartnerMessages.PartnerCoverage;
import org.docport.hub.partner.PartnerMessages.PartnerHoldRequest;
import org.docport.hub.partner.PartnerMessages.PartnerPatient;
import org.docport.hub.partner.PartnerMessages.PartnerSlot;
import org.docport.hub.partner.PartnerMessages.PartnerSlotPage;
import org.docport.hub.scheduling.Appointments;
import org.docport.hub.web.ApiException;
import org.docport.hub.web.ApiException.FieldError;
import org.docport.mappings.snapshot.OfferedSlot;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Booking through the partner API, on the FHIR path's rules: free slots come from the same query
 * and visibility rule and are disclosed alike ({@link InsurerSlots}); holds, bookings and
 * cancellations are {@link Appointments}' (PostgreSQL refuses a second booking of the doctor's
 * time, whichever API asks), and so is their audit trail. An insurer reaches only doctors who
 * consented to it and only its own appointments; anything else is not found (404), never forbidden,
 * so nothing tells it what exists.
 */
@Component
class PartnerBookings {

  private static final Pattern SLOT_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
  private static final int MAX_REASON = 1000;

  private final Appointments appointments;
  private final InsurerVisibility visibility;
  private final InsurerSlots slots;
  private final FhirContext fhir;
  private final Clock clock = Clock.systemUTC();

  PartnerBookings(
      Appointments appointments,
      InsurerVisibility visibility,
      InsurerSlots slots,
      FhirContext fhir) {
    this.appointments = appointments;
    this.visibility = visibility;
    this.slots = slots;
    this.fhir = fhir;
  }

  /** The doctor's free slots that start in {@code [from, to)}, a page at a time. */
  PartnerSlotPage freeSlots(
      PartnerCaller caller,
      UUID doctorId,
      Instant from,
      Instant to,
      String cursor,
      int limit,
      String request) {
    if (!to.isAfter(from)) {
      throw ApiException.invalidField("Invalid slot search", "to", "must be after 'from'");
    }
    if (limit < 1 || limit > InsurerSlots.MAX_COUNT) {
      throw ApiException.invalidField(
          "Invalid slot search", "limit", "1 to " + InsurerSlots.MAX_COUNT + ", not " + limit);
    }
    String after = cursor == null ? null : decoded(cursor);
    if (!visibility.sees(doctorId, caller.insurerId())) {
      throw new ApiException(
          HttpStatus.NOT_FOUND,
          "Doctor not found",
          "No doctor '" + doctorId + "' has consented to share their calendar with you.");
    }
    InsurerSlots.Page page;
    try {
      page =
          slots.free(
              caller.insurerId(), caller.clientId(), doctorId, from, to, after, limit, request);
    } catch (IllegalArgumentException e) {
      throw badCursor();
    }
    return new PartnerSlotPage(
        page.slots().stream().map(PartnerBookings::slot).toList(),
        page.nextCursor() == null ? null : encoded(page.nextCursor()));
  }

  /** Holds a free slot for the patient, for the minutes asked (10 when not, at most 60). */
  PartnerAppointment hold(PartnerCaller caller, PartnerHoldRequest hold) {
    List<FieldError> errors = booking(hold.slotId(), hold.patient(), hold.coverage());
    Duration length = Appointments.holdLength(hold.holdMinutes()).orElse(null);
    if (length == null) {
      errors.add(
          new FieldError(
              "holdMinutes",
              "1 to "
                  + Appointments.MAX_HOLD.toMinutes()
                  + " (or left out for "
                  + Appointments.DEFAULT_HOLD.toMinutes()
                  + "), not "
                  + hold.holdMinutes()));
    }
    refuseIfAny("Invalid hold", errors);
    return answer(
        caller,
        appointments.hold(
            caller.insurerId(),
            hold.slotId(),
            PartnerParties.stored(fhir, hold.patient()),
            PartnerParties.stored(fhir, hold.coverage()),
            clock.instant().plus(length)),
        "held");
  }

  /** Books a free slot for the patient. */
  PartnerAppointment book(PartnerCaller caller, PartnerBookingRequest booking) {
    refuseIfAny(
        "Invalid booking", booking(booking.slotId(), booking.patient(), booking.coverage()));
    return answer(
        caller,
        appointments.book(
            caller.insurerId(),
            booking.slotId(),
            PartnerParties.stored(fhir, booking.patient()),
            PartnerParties.stored(fhir, booking.coverage())),
        "booked");
  }

  /** Books what the insurer holds, if the hold has not run out. */
  PartnerAppointment bookHeld(PartnerCaller caller, String appointmentId) {
    return answer(caller, appointments.confirm(caller.insurerId(), appointmentId), "booked");
  }

  /** Cancels the insurer's appointment, or releases its hold; again is harmless. */
  PartnerAppointment cancel(
      PartnerCaller caller, String appointmentId, PartnerCancelRequest cancel) {
    String reason = cancel.reason();
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalidField(
          "Invalid cancellation", "reason", "required: why it is cancelled, for the doctor");
    }
    if (reason.length() > MAX_REASON) {
      throw ApiException.invalidField(
          "Invalid cancellation", "reason", "at most " + MAX_REASON + " characters");
    }
    return answer(
        caller, appointments.cancel(caller.insurerId(), appointmentId, reason), "cancelled");
  }

  /** The insurer's appointment as stored now. */
  PartnerAppointment read(PartnerCaller caller, String appointmentId) {
    return appointments
        .find(caller.insurerId(), appointmentId)
        .map(this::appointment)
        .orElseThrow(() -> notFound(appointmentId));
  }

  /** The appointment an outcome left, or the problem that says why there is none. */
  private PartnerAppointment answer(
      PartnerCaller caller, Appointments.Outcome outcome, String done) {
    if (outcome instanceof Appointments.Done changed) {
      return read(caller, changed.appointmentId());
    }
    if (outcome instanceof Appointments.Taken taken) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Slot taken",
          "Slot '"
              + taken.slotId()
              + "' is taken: another appointment holds that time. List the doctor's free slots"
              + " again.");
    }
    if (outcome instanceof Appointments.Unavailable unavailable) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Cannot be " + done,
          "'"
              + unavailable.id()
              + "' cannot be "
              + done
              + ": "
              + (unavailable.why() == null ? "the doctor is unavailable then" : unavailable.why())
              + ".");
    }
    throw notFound(((Appointments.NotFound) outcome).id());
  }

  private static ApiException notFound(String id) {
    return new ApiException(
        HttpStatus.NOT_FOUND,
        "Not found",
        "No slot or appointment '"
            + id
            + "' of yours: it does not exist, it is past, or its doctor has not consented to"
            + " you.");
  }

  /** What is wrong with a hold or booking's slot, patient and coverage. */
  private static List<FieldError> booking(
      String slotId, PartnerPatient patient, PartnerCoverage coverage) {
    List<FieldError> errors = new ArrayList<>();
    if (slotId == null || !SLOT_ID.matcher(slotId).matches()) {
      errors.add(
          new FieldError(
              "slotId", "required: the id of a free slot (GET …/doctors/{doctorId}/slots)"));
    }
    errors.addAll(PartnerParties.check(patient, "patient"));
    errors.addAll(PartnerParties.check(coverage, "coverage"));
    return errors;
  }

  private static void refuseIfAny(String title, List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          title,
          errors.stream()
              .map(e -> e.field() + ": " + e.message())
              .collect(Collectors.joining("; ")),
          errors);
    }
  }

  private PartnerAppointment appointment(Appointments.Stored stored) {
    return new PartnerAppointment(
        stored.id(),
        stored.doctorId(),
        stored.slotId(),
        stored.locationId(),
        stored.serviceId(),
        stored.serviceName(),
        stored.telemedicine(),
        stored.meetingLink(),
        stored.start(),
        stored.end(),
        stored.status(),
        stored.holdUntil(),
        PartnerParties.patient(fhir, stored.patient()),
        PartnerParties.coverage(fhir, stored.coverage()),
        stored.cancellationReason(),
        stored.cancelledBy(),
        stored.rescheduleReason(),
        stored.version(),
        stored.created(),
        stored.updated());
  }

  private static PartnerSlot slot(OfferedSlot slot) {
    return new PartnerSlot(
        slot.id(),
        slot.service().doctorId(),
        slot.service().locationId(),
        slot.service().serviceId(),
        slot.service().name(),
        slot.service().type(),
        slot.service().telemedicine(),
        slot.start(),
        slot.end());
  }

  private static String encoded(String cursor) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
  }

  private static String decoded(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw badCursor();
    }
  }

  private static ApiException badCursor() {
    return ApiException.invalidField(
        "Invalid slot search", "cursor", "not the 'next' of a page of slots: send it back as is");
  }
}
