package org.docport.hub.scheduling;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads doctors' calendars elsewhere, every replica taking its share: each calendar once per {@code
 * poll-every} (15 minutes by default), asking only for a newer version than the one read ({@code
 * If-None-Match}, {@code If-Modified-Since}: an unchanged calendar answers 304 with no body). When
 * its busy times change, the doctor's slots are generated again in the same transaction. A calendar
 * that cannot be read keeps its last busy times and shows the error.
 */
@Component
class ExternalCalendarPoller {

  private static final Logger log = LoggerFactory.getLogger(ExternalCalendarPoller.class);

  /** Larger than any calendar a doctor keeps; a bigger answer is refused, not read. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private static final int BATCH = 20;

  private final ExternalCalendars calendars;
  private final CalendarQueue queue;
  private final Availabilities availabilities;
  private final TransactionTemplate tx;
  private final Duration every;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private final Clock clock = Clock.systemUTC();

  ExternalCalendarPoller(
      ExternalCalendars calendars,
      CalendarQueue queue,
      Availabilities availabilities,
      TransactionTemplate tx,
      @Value("${docport.calendar.external.poll-every:PT15M}") Duration every) {
    this.calendars = calendars;
    this.queue = queue;
    this.availabilities = availabilities;
    this.tx = tx;
    this.every = every;
  }

  @Scheduled(fixedDelayString = "${docport.calendar.external.sweep:PT30S}")
  void sweep() {
    try {
      List<ExternalCalendars.Due> due;
      do {
        due = calendars.claimDue(every, BATCH);
        due.forEach(this::poll);
      } while (due.size() == BATCH);
    } catch (RuntimeException e) {
      log.warn("Polling doctors' calendars elsewhere failed; the next sweep tries again", e);
    }
  }

  /** Reads one calendar now and records what it said. */
  void poll(ExternalCalendars.Due due) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(due.url()))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "text/calendar")
            .GET();
    if (due.etag() != null) {
      request.header("If-None-Match", due.etag());
    }
    if (due.lastModified() != null) {
      request.header("If-Modified-Since", due.lastModified());
    }
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() == 304) {
          calendars.unchanged(due.id());
          return;
        }
        if (response.statusCode() != 200) {
          calendars.failed(due.id(), "the calendar answered HTTP " + response.statusCode());
          return;
        }
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          calendars.failed(due.id(), "the calendar is larger than " + MAX_BYTES + " bytes");
          return;
        }
        Instant now = clock.instant();
        List<BusyTimes.Busy> busy =
            BusyTimes.parse(
                new String(bytes, StandardCharsets.UTF_8),
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(7L * 27)),
                zoneOf(due));
        tx.executeWithoutResult(
            s -> {
              if (calendars.read(
                  due.id(),
                  response.headers().firstValue("ETag").orElse(null),
                  response.headers().firstValue("Last-Modified").orElse(null),
                  busy)) {
                queue.enqueue(due.doctorId());
              }
            });
      }
    } catch (IllegalArgumentException e) {
      calendars.failed(due.id(), e.getMessage());
    } catch (IOException e) {
      calendars.failed(due.id(), "the calendar could not be read: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Where the doctor's all-day and floating times are: the first location's zone, else UTC. */
  private ZoneId zoneOf(ExternalCalendars.Due due) {
    return availabilities.get(due.doctorId()).availability().locations().stream()
        .findFirst()
        .map(l -> ZoneId.of(l.timeZone()))
        .orElse(ZoneOffset.UTC);
  }
}
