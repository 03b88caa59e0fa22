package org.docport.hub.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.docport.hub.partner.PartnerMessages.PartnerAppointment;
import org.docport.hub.partner.PartnerMessages.PartnerBookingRequest;
import org.docport.hub.partner.PartnerMessages.PartnerCancelRequest;
import org.docport.hub.partner.PartnerMessages.PartnerHoldRequest;
import org.docport.hub.partner.PartnerMessages.PartnerSlotPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner API's booking endpoints, for insurers without FHIR: free slots of a doctor, holds,
 * bookings, cancellations and reads of the insurer's own appointments ({@link PartnerBookings}).
 */
@RestController
@RequestMapping(SignatureFilter.PREFIX + "{insurerId}")
@Tag(name = "Partner API: booking")
@SecurityRequirement(name = PartnerSecurityConfiguration.SIGNATURE)
class PartnerBookingController {

  private final PartnerBookings bookings;

  PartnerBookingController(PartnerBookings bookings) {
    this.bookings = bookings;
  }

  @Operation(
      summary = "A doctor's free slots in a time range",
      description =
          "Slots that start at or after 'from' and before 'to' (instants, e.g."
              + " 2027-01-04T00:00:00Z), in start order, 'limit' a page (1 to 500, 50 when left"
              + " out); 'next' is the 'cursor' of the next page. 404 for a doctor who has not"
              + " consented to you.")
  @GetMapping("/doctors/{doctorId}/slots")
  PartnerSlotPage partnerSlots(
      @PathVariable String insurerId,
      @PathVariable UUID doctorId,
      @RequestParam Instant from,
      @RequestParam Instant to,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") int limit,
      Authentication auth,
      HttpServletRequest request) {
    String asked =
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    return bookings.freeSlots(
        PartnerCaller.of(auth, insurerId), doctorId, from, to, cursor, limit, asked);
  }

  @Operation(
      summary = "Hold a free slot for a patient",
      description =
          "Nobody else can take the time until the hold runs out ('holdMinutes', 10 when left"
              + " out, at most 60); book it before then (POST …/appointments/{id}/book). 409 when"
              + " the slot is taken.")
  @PostMapping("/holds")
  ResponseEntity<PartnerAppointment> partnerHold(
      @PathVariable String insurerId, @RequestBody PartnerHoldRequest hold, Authentication auth) {
    return created(insurerId, bookings.hold(PartnerCaller.of(auth, insurerId), hold));
  }

  @Operation(
      summary = "Book a free slot for a patient",
      description = "409 when the slot is taken: nobody books a doctor's time twice.")
  @PostMapping("/appointments")
  ResponseEntity<PartnerAppointment> partnerBook(
      @PathVariable String insurerId,
      @RequestBody PartnerBookingRequest booking,
      Authentication auth) {
    return created(insurerId, bookings.book(PartnerCaller.of(auth, insurerId), booking));
  }

  @Operation(
      summary = "Book a held appointment",
      description =
          "409 when the hold ran out (or it was cancelled); booking it again is harmless.")
  @PostMapping("/appointments/{appointmentId}/book")
  PartnerAppointment partnerBookHeld(
      @PathVariable String insurerId, @PathVariable String appointmentId, Authentication auth) {
    return bookings.bookHeld(PartnerCaller.of(auth, insurerId), appointmentId);
  }

  @Operation(
      summary = "Cancel an appointment or release a hold, with the reason",
      description = "Cancelling again is harmless; one the doctor has recorded as seen is a 409.")
  @PostMapping("/appointments/{appointmentId}/cancel")
  PartnerAppointment partnerCancel(
      @PathVariable String insurerId,
      @PathVariable String appointmentId,
      @RequestBody PartnerCancelRequest cancel,
      Authentication auth) {
    return bookings.cancel(PartnerCaller.of(auth, insurerId), appointmentId, cancel);
  }

  @Operation(summary = "One of your appointments, as it is now")
  @GetMapping("/appointments/{appointmentId}")
  PartnerAppointment partnerRead(
      @PathVariable String insurerId, @PathVariable String appointmentId, Authentication auth) {
    return bookings.read(PartnerCaller.of(auth, insurerId), appointmentId);
  }

  private static ResponseEntity<PartnerAppointment> created(
      String insurerId, PartnerAppointment appointment) {
    return ResponseEntity.created(
            URI.create(SignatureFilter.PREFIX + insurerId + "/appointments/" + appointment.id()))
        .body(appointment);
  }
}
