package org.docport.hub.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.docport.hub.registry.Doctors;
import org.docport.hub.security.DoctorAccess;
import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The doctor's appointment book, across every insurer: the appointments by date, and what the
 * doctor does with them (cancel with a reason, record arrival, the visit or a no-show). Each change
 * is a new version of the appointment, which the booking insurer is told.
 */
@RestController
@RequestMapping("/api/doctors/{doctorId}/appointments")
@Tag(name = "Appointments")
class AppointmentController {

  /** An appointment as the doctor's book shows it. */
  record DoctorAppointment(
      String id,
      String insurerId,
      Appointments.Status status,
      Instant start,
      Instant end,
      String locationId,
      String serviceId,
      String serviceName,
      boolean telemedicine,
      JsonNode patient,
      JsonNode coverage,
      Instant holdUntil,
      String rescheduleReason,
      String cancellationReason,
      String cancelledBy,
      long version) {}

  /** Why the doctor cancels; required, since the insurer passes it on to the patient. */
  record Cancellation(String reason) {}

  private final DoctorCalendars calendars;
  private final Appointments appointments;
  private final Doctors doctors;
  private final DoctorAccess access;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();

  AppointmentController(
      DoctorCalendars calendars,
      Appointments appointments,
      Doctors doctors,
      DoctorAccess access,
      ObjectMapper json) {
    this.calendars = calendars;
    this.appointments = appointments;
    this.doctors = doctors;
    this.access = access;
    this.json = json;
  }

  @Operation(
      summary =
          "The doctor's appointments from one date to another (end exclusive; at most 62 days),"
              + " in every status, dates as at each appointment's location")
  @GetMapping
  List<DoctorAppointment> list(
      @PathVariable UUID doctorId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Authentication auth) {
    access.require(auth, doctorId);
    doctors.get(doctorId);
    DateRange range = DateRange.of(from, to, LocalDate.now(clock), "Invalid appointment range");
    return calendars.appointments(doctorId, range.from(), range.to()).stream()
        .map(this::shown)
        .toList();
  }

  @Operation(summary = "Cancel an appointment, saying why (the booking insurer is told)")
  @PostMapping("/{appointmentId}/cancel")
  DoctorAppointment cancel(
      @PathVariable UUID doctorId,
      @PathVariable String appointmentId,
      @RequestBody Cancellation cancellation,
      Authentication auth) {
    access.require(auth, doctorId);
    String reason = cancellation == null ? null : cancellation.reason();
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw ApiException.invalidField(
          "Invalid cancellation", "reason", "required: up to 500 characters for the patient");
    }
    return answer(doctorId, appointments.cancelByDoctor(doctorId, appointmentId, reason.strip()));
  }

  @Operation(summary = "Confirm a held appointment: it is booked (the booking insurer is told)")
  @PostMapping("/{appointmentId}/confirm")
  DoctorAppointment confirm(
      @PathVariable UUID doctorId, @PathVariable String appointmentId, Authentication auth) {
    access.require(auth, doctorId);
    return answer(doctorId, appointments.confirmByDoctor(doctorId, appointmentId));
  }

  @Operation(summary = "Record that the patient arrived (from two hours before the start)")
  @PostMapping("/{appointmentId}/arrived")
  DoctorAppointment arrived(
      @PathVariable UUID doctorId, @PathVariable String appointmentId, Authentication auth) {
    return record(doctorId, appointmentId, Appointments.Status.ARRIVED, auth);
  }

  @Operation(summary = "Record that the patient was seen (once the appointment has started)")
  @PostMapping("/{appointmentId}/fulfilled")
  DoctorAppointment fulfilled(
      @PathVariable UUID doctorId, @PathVariable String appointmentId, Authentication auth) {
    return record(doctorId, appointmentId, Appointments.Status.FULFILLED, auth);
  }

  @Operation(summary = "Record that the patient did not come (once the appointment has started)")
  @PostMapping("/{appointmentId}/no-show")
  DoctorAppointment noShow(
      @PathVariable UUID doctorId, @PathVariable String appointmentId, Authentication auth) {
    return record(doctorId, appointmentId, Appointments.Status.NOSHOW, auth);
  }

  private DoctorAppointment record(
      UUID doctorId, String appointmentId, Appointments.Status happened, Authentication auth) {
    access.require(auth, doctorId);
    return answer(doctorId, appointments.record(doctorId, appointmentId, happened));
  }

  /** The appointment after the change, or a problem saying why there was none. */
  private DoctorAppointment answer(UUID doctorId, Appointments.Outcome outcome) {
    if (outcome instanceof Appointments.NotFound n) {
      throw new ApiException(
          HttpStatus.NOT_FOUND,
          "Appointment not found",
          "The doctor has no appointment " + n.id() + ".");
    }
    if (outcome instanceof Appointments.Unavailable u) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Appointment cannot change",
          "Appointment " + u.id() + ": " + u.why() + ".");
    }
    String id;
    if (outcome instanceof Appointments.Cancelled c) {
      id = c.appointmentId();
    } else if (outcome instanceof Appointments.Booked b) {
      id = b.appointmentId();
    } else {
      id = ((Appointments.Recorded) outcome).appointmentId();
    }
    return appointments.ofDoctor(doctorId, id).map(this::shown).orElseThrow();
  }

  private DoctorAppointment shown(Appointments.Stored a) {
    return new DoctorAppointment(
        a.id(),
        a.insurerId(),
        a.status(),
        a.start(),
        a.end(),
        a.locationId(),
        a.serviceId(),
        a.serviceName(),
        a.telemedicine(),
        read(a.patient()),
        read(a.coverage()),
        a.holdUntil(),
        a.rescheduleReason(),
        a.cancellationReason(),
        a.cancelledBy(),
        a.version());
  }

  private JsonNode read(String stored) {
    try {
      return stored == null ? null : json.readTree(stored);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
