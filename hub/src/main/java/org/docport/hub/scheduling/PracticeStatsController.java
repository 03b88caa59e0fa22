package org.docport.hub.scheduling;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.docport.hub.registry.Doctors;
import org.docport.hub.security.DoctorAccess;
import org.docport.hub.web.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The practice dashboard's figures. */
@RestController
@Tag(name = "Appointments")
class PracticeStatsController {

  private static final String TITLE = "Invalid statistics range";
  static final int MAX_WEEKS = 53;

  private final PracticeStats stats;
  private final Doctors doctors;
  private final DoctorAccess access;
  private final Clock clock = Clock.systemUTC();

  PracticeStatsController(PracticeStats stats, Doctors doctors, DoctorAccess access) {
    this.stats = stats;
    this.doctors = doctors;
    this.access = access;
  }

  @Operation(
      summary = "The doctor's practice week by week: appointments, cancellations, no-shows, slots",
      description =
          "Weeks start on Monday in 'timeZone' (an IANA zone; UTC when absent). 'from' is moved"
              + " back to its Monday; without it, the range starts 8 weeks before this week."
              + " 'weeks' is 1 to 53 (12 when absent).")
  @GetMapping("/api/doctors/{doctorId}/practice-stats")
  PracticeStats.PracticeFigures figures(
      @PathVariable UUID doctorId,
      @RequestParam(required = false) String from,
      @RequestParam(defaultValue = "12") int weeks,
      @RequestParam(required = false) String timeZone,
      Authentication auth) {
    access.require(auth, doctorId);
    doctors.currentVersion(doctorId).orElseThrow(() -> Doctors.notFound(doctorId));
    ZoneId zone = zone(timeZone);
    if (weeks < 1 || weeks > MAX_WEEKS) {
      throw ApiException.invalidField(TITLE, "weeks", "must be 1 to " + MAX_WEEKS);
    }
    LocalDate start =
        from == null
            ? LocalDate.now(clock.withZone(zone)).minusWeeks(8)
            : DateRange.date(TITLE, "from", from);
    return stats.of(doctorId, start.with(DayOfWeek.MONDAY), weeks, zone);
  }

  private static ZoneId zone(String timeZone) {
    if (timeZone == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw ApiException.invalidField(
          TITLE, "timeZone", "must be an IANA time zone such as Asia/Kolkata");
    }
  }
}
