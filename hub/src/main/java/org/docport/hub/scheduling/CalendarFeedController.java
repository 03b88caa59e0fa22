package org.docport.hub.scheduling;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.docport.hub.insurer.InsurerRegistration;
import org.docport.hub.insurer.Insurers;
import org.docport.hub.registry.Doctors;
import org.docport.hub.security.DoctorAccess;
import org.docport.hub.web.ApiException;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.PracticeLocation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The doctor's iCalendar feed: made (or made anew, which ends the old URL) and revoked through the
 * API, and read without an account at its secret URL, as calendar apps subscribe. The feed holds
 * the appointments from 30 days back to the end of the planning horizon, with an ETag that changes
 * with the calendar, so an app that polls is answered 304 while nothing changed.
 */
@RestController
@Tag(name = "Calendar feed")
class CalendarFeedController {

  /** What the doctor is told of the feed; the URL only when it is made. */
  record Feed(String url, Instant createdAt) {}

  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Duration PAST = Duration.ofDays(30);
  private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

  private final CalendarFeeds feeds;
  private final Appointments appointments;
  private final Availabilities availabilities;
  private final CalendarVersions versions;
  private final Doctors doctors;
  private final Insurers insurers;
  private final DoctorAccess access;
  private final Clock clock = Clock.systemUTC();

  CalendarFeedController(
      CalendarFeeds feeds,
      Appointments appointments,
      Availabilities availabilities,
      CalendarVersions versions,
      Doctors doctors,
      Insurers insurers,
      DoctorAccess access) {
    this.feeds = feeds;
    this.appointments = appointments;
    this.availabilities = availabilities;
    this.versions = versions;
    this.doctors = doctors;
    this.insurers = insurers;
    this.access = access;
  }

  @Operation(
      summary =
          "Make the doctor's iCalendar feed URL, or a new one (the old one stops working);"
              + " the URL is shown this once")
  @PostMapping("/api/doctors/{doctorId}/calendar-feed")
  ResponseEntity<Feed> rotate(@PathVariable UUID doctorId, Authentication auth) {
    access.require(auth, doctorId);
    doctors.get(doctorId);
    String secret = feeds.rotate(doctorId);
    String url =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/ical/{secret}.ics")
            .buildAndExpand(secret)
            .toUriString();
    return ResponseEntity.status(HttpStatus.CREATED)
        .cacheControl(CacheControl.noStore())
        .body(new Feed(url, feeds.created(doctorId).orElseThrow()));
  }

  @Operation(summary = "Whether the doctor has a feed URL, and since when (not the URL itself)")
  @GetMapping("/api/doctors/{doctorId}/calendar-feed")
  Feed status(@PathVariable UUID doctorId, Authentication auth) {
    access.require(auth, doctorId);
    return feeds
        .created(doctorId)
        .map(created -> new Feed(null, created))
        .orElseThrow(() -> noFeed("The doctor has no calendar feed; POST to make one."));
  }

  @Operation(summary = "End the doctor's feed URL")
  @DeleteMapping("/api/doctors/{doctorId}/calendar-feed")
  ResponseEntity<Void> revoke(@PathVariable UUID doctorId, Authentication auth) {
    access.require(auth, doctorId);
    if (!feeds.revoke(doctorId)) {
      throw noFeed("The doctor has no calendar feed to end.");
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "The iCalendar feed at its secret URL (no account: the URL is the key)")
  @GetMapping("/ical/{secret}.ics")
  ResponseEntity<String> feed(
      @PathVariable String secret,
      @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
    UUID doctorId =
        (SECRET.matcher(secret).matches() ? feeds.doctorOf(secret) : Optional.<UUID>empty())
            .orElseThrow(() -> noFeed("No calendar feed at this URL; it may have been replaced."));
    Instant now = clock.instant();
    // The calendar's version moves with every appointment change; the day moves the window.
    String etag =
        "\"" + versions.current(doctorId) + "-" + LocalDate.ofInstant(now, ZoneOffset.UTC) + "\"";
    if (etag.equals(ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
    }
    DoctorSnapshot doctor = doctors.get(doctorId);
    Instant until =
        now.plus(Duration.ofDays(7L * availabilities.get(doctorId).availability().horizon() + 1));
    Map<String, String> insurerNames = new HashMap<>();
    List<AppointmentFeed.Entry> entries =
        appointments.ofDoctor(doctorId, now.minus(PAST), until).stream()
            .map(
                a ->
                    new AppointmentFeed.Entry(
                        a,
                        insurerNames.computeIfAbsent(
                            a.insurerId(),
                            id -> insurers.find(id).map(InsurerRegistration::name).orElse(id)),
                        a.telemedicine() ? "Telemedicine" : place(doctor, a.locationId())))
            .toList();
    return ResponseEntity.ok()
        .contentType(CALENDAR)
        .eTag(etag)
        .cacheControl(CacheControl.noCache().cachePrivate())
        .body(AppointmentFeed.ics(name(doctor), entries, now));
  }

  private static String place(DoctorSnapshot doctor, String locationId) {
    return doctor.locations().stream()
        .filter(l -> l.id().equals(locationId))
        .findFirst()
        .map(CalendarFeedController::place)
        .orElse(null);
  }

  private static String place(PracticeLocation location) {
    StringBuilder text = new StringBuilder(location.name() == null ? "" : location.name());
    if (location.address() != null) {
      for (String line : location.address().lines()) {
        text.append(text.isEmpty() ? "" : ", ").append(line);
      }
      if (location.address().city() != null) {
        text.append(text.isEmpty() ? "" : ", ").append(location.address().city());
      }
    }
    return text.isEmpty() ? null : text.toString();
  }

  private static String name(DoctorSnapshot doctor) {
    if (doctor.name() == null) {
      return doctor.id().toString();
    }
    StringBuilder name = new StringBuilder();
    if (doctor.name().prefix() != null) {
      name.append(doctor.name().prefix()).append(' ');
    }
    if (doctor.name().given() != null) {
      doctor.name().given().forEach(g -> name.append(g).append(' '));
    }
    return name.append(doctor.name().family()).toString().strip();
  }

  private static ApiException noFeed(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, "No calendar feed", detail);
  }
}
