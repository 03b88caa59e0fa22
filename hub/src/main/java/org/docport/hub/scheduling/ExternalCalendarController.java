package org.docport.hub.scheduling;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import org.docport.hub.registry.Doctors;
import org.docport.hub.security.DoctorAccess;
import org.docport.hub.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calendars a doctor keeps elsewhere, whose busy times block slots: registered by their private
 * iCalendar URL ({@code https://}, or {@code webcal://} as calendar apps show it), read at once and
 * then polled; listed with when they were last read and any error; removed, which frees the slots
 * they held.
 */
@RestController
@RequestMapping("/api/doctors/{doctorId}/external-calendars")
@Tag(name = "Calendars elsewhere")
class ExternalCalendarController {

  /** What the doctor registers. */
  record Registration(String url, String name) {}

  private static final String INVALID = "Invalid calendar";

  private final ExternalCalendars calendars;
  private final ExternalCalendarPoller poller;
  private final CalendarQueue queue;
  private final Doctors doctors;
  private final DoctorAccess access;
  private final TransactionTemplate tx;
  private final boolean allowHttpLocalhost;

  ExternalCalendarController(
      ExternalCalendars calendars,
      ExternalCalendarPoller poller,
      CalendarQueue queue,
      Doctors doctors,
      DoctorAccess access,
      TransactionTemplate tx,
      @Value("${docport.calendar.external.allow-http-localhost:false}")
          boolean allowHttpLocalhost) {
    this.calendars = calendars;
    this.poller = poller;
    this.queue = queue;
    this.doctors = doctors;
    this.access = access;
    this.tx = tx;
    this.allowHttpLocalhost = allowHttpLocalhost;
  }

  @Operation(summary = "The doctor's calendars elsewhere (each shown by its host, not its URL)")
  @GetMapping
  List<ExternalCalendars.Shown> list(@PathVariable UUID doctorId, Authentication auth) {
    access.require(auth, doctorId);
    return calendars.of(doctorId);
  }

  @Operation(summary = "Register a calendar by its private iCalendar URL; it is read at once")
  @PostMapping
  ResponseEntity<ExternalCalendars.Shown> add(
      @PathVariable UUID doctorId, @RequestBody Registration registration, Authentication auth) {
    access.require(auth, doctorId);
    doctors.get(doctorId);
    if (registration == null) {
      throw ApiException.invalidField(INVALID, "url", "required");
    }
    String url = checked(registration.url());
    String name = registration.name() == null ? null : registration.name().strip();
    if (name != null && name.length() > 100) {
      throw ApiException.invalidField(INVALID, "name", "at most 100 characters");
    }
    UUID id = calendars.add(doctorId, url, name);
    return ResponseEntity.status(HttpStatus.CREATED).body(readNow(doctorId, id));
  }

  @Operation(summary = "Read the calendar now rather than at the next poll")
  @PostMapping("/{calendarId}/poll")
  ExternalCalendars.Shown poll(
      @PathVariable UUID doctorId, @PathVariable UUID calendarId, Authentication auth) {
    access.require(auth, doctorId);
    return readNow(doctorId, calendarId);
  }

  @Operation(summary = "Remove the calendar: the slots it held are free again")
  @DeleteMapping("/{calendarId}")
  ResponseEntity<Void> remove(
      @PathVariable UUID doctorId, @PathVariable UUID calendarId, Authentication auth) {
    access.require(auth, doctorId);
    tx.executeWithoutResult(
        s -> {
          boolean heldTime = calendars.remove(doctorId, calendarId).orElseThrow(() -> notFound());
          if (heldTime) {
            queue.enqueue(doctorId);
          }
        });
    return ResponseEntity.noContent().build();
  }

  private ExternalCalendars.Shown readNow(UUID doctorId, UUID calendarId) {
    poller.poll(calendars.claim(doctorId, calendarId).orElseThrow(() -> notFound()));
    return calendars.find(doctorId, calendarId).orElseThrow(() -> notFound());
  }

  /**
   * An absolute {@code https://} URL with a host ({@code webcal://} read as {@code https://});
   * {@code http://} only on the loopback interface, and only where configured (development).
   */
  private String checked(String url) {
    if (url == null || url.isBlank()) {
      throw ApiException.invalidField(
          INVALID, "url", "required: the calendar's private iCalendar URL");
    }
    String given = url.strip();
    if (given.regionMatches(true, 0, "webcal://", 0, 9)) {
      given = "https://" + given.substring(9);
    }
    URI uri;
    try {
      uri = new URI(given);
    } catch (URISyntaxException e) {
      throw ApiException.invalidField(INVALID, "url", "'" + url + "' is not a URL");
    }
    if (uri.getHost() == null || uri.getUserInfo() != null || given.length() > 2000) {
      throw ApiException.invalidField(
          INVALID, "url", "must be an absolute URL with a host (and no user info)");
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean localHttp =
        allowHttpLocalhost && "http".equalsIgnoreCase(uri.getScheme()) && loopback(uri.getHost());
    if (!https && !localHttp) {
      throw ApiException.invalidField(INVALID, "url", "must be an https:// (or webcal://) URL");
    }
    return given;
  }

  private static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static ApiException notFound() {
    return new ApiException(
        HttpStatus.NOT_FOUND, "No such calendar", "The doctor has no such calendar.");
  }
}
