package org.docport.hub.scheduling;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.docport.hub.insurer.Insurers;
import org.docport.hub.registry.Doctors;
import org.docport.hub.security.DocPortUser;
import org.docport.hub.security.DoctorAccess;
import org.docport.hub.web.ETags;
import org.docport.mappings.snapshot.PracticeLocation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A doctor's availability and the slots it gives. The availability has its own version (its ETag),
 * apart from the profile's: changing hours is not a new profile.
 */
@RestController
@RequestMapping("/api/doctors/{doctorId}")
@Tag(name = "Availability")
class AvailabilityController {

  private final Availabilities availabilities;
  private final DoctorCalendars calendars;
  private final Doctors doctors;
  private final DoctorAccess access;
  private final Insurers insurers;
  private final Clock clock = Clock.systemUTC();

  AvailabilityController(
      Availabilities availabilities,
      DoctorCalendars calendars,
      Doctors doctors,
      DoctorAccess access,
      Insurers insurers) {
    this.availabilities = availabilities;
    this.calendars = calendars;
    this.doctors = doctors;
    this.access = access;
    this.insurers = insurers;
  }

  @Operation(summary = "Read a doctor's availability (version 0 before one is set)")
  @GetMapping("/availability")
  ResponseEntity<Availability> read(@PathVariable UUID doctorId, Authentication auth) {
    access.require(auth, doctorId);
    doctors.get(doctorId);
    Availabilities.Versioned current = availabilities.get(doctorId);
    return ResponseEntity.ok().eTag(ETags.of(current.version())).body(current.availability());
  }

  @Operation(summary = "Replace a doctor's availability (If-Match required; \"0\" for the first)")
  @PutMapping("/availability")
  ResponseEntity<Availability> replace(
      @PathVariable UUID doctorId,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody Availability availability,
      Authentication auth) {
    DocPortUser caller = access.require(auth, doctorId);
    long expected = ETags.required(ifMatch, availabilities.currentVersion(doctorId));
    validate(doctorId, availability);
    Availabilities.Versioned saved =
        calendars.replace(doctorId, expected, availability, caller.username());
    return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(saved.availability());
  }

  /** The held and booked appointments a proposed availability would leave uncovered. */
  record AvailabilityPreview(@Schema(requiredMode = REQUIRED) List<AffectedAppointment> affected) {}

  /**
   * An appointment the proposed availability no longer covers.
   *
   * @param reason why: "outside the new hours", "leave: ..." or "public holiday: ..."
   */
  record AffectedAppointment(
      @Schema(requiredMode = REQUIRED) String id,
      @Schema(requiredMode = REQUIRED) String insurerId,
      @Schema(requiredMode = REQUIRED) Instant start,
      @Schema(requiredMode = REQUIRED) Instant end,
      @Schema(requiredMode = REQUIRED) String locationId,
      @Schema(requiredMode = REQUIRED) String serviceId,
      @Schema(requiredMode = REQUIRED) String serviceName,
      @Schema(requiredMode = REQUIRED) String reason) {}

  @Operation(
      summary = "Which held and booked appointments a proposed availability would leave uncovered",
      description =
          "Checks the availability as PUT would and saves nothing. Saving it anyway cancels"
              + " nothing: each affected appointment's insurer is told it needs rescheduling.")
  @PostMapping("/availability/preview")
  AvailabilityPreview preview(
      @PathVariable UUID doctorId, @RequestBody Availability availability, Authentication auth) {
    access.require(auth, doctorId);
    validate(doctorId, availability);
    return new AvailabilityPreview(
        calendars.affectedBy(doctorId, availability, clock.instant()).stream()
            .map(
                a ->
                    new AffectedAppointment(
                        a.appointment().id(),
                        a.appointment().insurerId(),
                        a.appointment().start(),
                        a.appointment().end(),
                        a.appointment().locationId(),
                        a.appointment().serviceId(),
                        a.appointment().serviceName(),
                        a.reason()))
            .toList());
  }

  private void validate(UUID doctorId, Availability availability) {
    Set<String> locationIds =
        doctors.get(doctorId).locations().stream()
            .map(PracticeLocation::id)
            .collect(Collectors.toCollection(TreeSet::new));
    AvailabilityValidation.validate(availability, locationIds, id -> insurers.find(id).isPresent())
        .throwIfAny();
  }

  @Operation(
      summary =
          "The doctor's slots from one date to another (end exclusive; at most 62 days), as"
              + " generated over the planning horizon")
  @GetMapping("/slots")
  List<Slot> slots(
      @PathVariable UUID doctorId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Authentication auth) {
    access.require(auth, doctorId);
    doctors.get(doctorId);
    DateRange range = DateRange.of(from, to, LocalDate.now(clock), "Invalid slot range");
    return calendars.slots(doctorId, range.from(), range.to());
  }
}
