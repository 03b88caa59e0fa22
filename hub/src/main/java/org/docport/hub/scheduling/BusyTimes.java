package org.docport.hub.scheduling;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The busy times in an iCalendar (RFC 5545) document: every event that is not cancelled and not
 * marked free ({@code TRANSP:TRANSPARENT}), recurrences expanded, within a window. All-day and
 * floating times are read in the doctor's time zone. Pure, with ical4j doing the RFC 5545.
 */
final class BusyTimes {

  /** A period the doctor is busy elsewhere. */
  record Busy(Instant start, Instant end) {}

  /** More than this many periods in the window is not a calendar a doctor keeps. */
  static final int MAX_PERIODS = 5_000;

  private BusyTimes() {}

  /**
   * @throws IllegalArgumentException when the text is not iCalendar, or holds too many periods
   */
  static List<Busy> parse(String ics, Instant from, Instant to, ZoneId zone) {
    net.fortuna.ical4j.model.Calendar calendar;
    try {
      calendar = new CalendarBuilder().build(new StringReader(ics));
    } catch (IOException | ParserException | RuntimeException e) {
      throw new IllegalArgumentException("not an iCalendar document: " + e.getMessage(), e);
    }
    List<Busy> busy = new ArrayList<>();
    for (VEvent event : calendar.<VEvent>getComponents("VEVENT")) {
      if (free(event) || event.getDateTimeStart() == null) {
        continue;
      }
      for (Period<Temporal> period :
          event.<Temporal>calculateRecurrenceSet(window(event, from, to, zone))) {
        Instant start = instant(period.getStart(), zone);
        Instant end = instant(period.getEnd(), zone);
        if (end.isAfter(from) && start.isBefore(to) && end.isAfter(start)) {
          busy.add(new Busy(start, end));
        }
        if (busy.size() > MAX_PERIODS) {
          throw new IllegalArgumentException(
              "more than " + MAX_PERIODS + " busy periods in the planning horizon");
        }
      }
    }
    busy.sort(Comparator.comparing(Busy::start).thenComparing(Busy::end));
    return busy;
  }

  /**
   * The window in the kind of time the event starts at: ical4j compares an event's times with the
   * window's, so floating times take a floating window (in the doctor's zone) and zoned or UTC ones
   * a zoned window.
   */
  private static Period<?> window(VEvent event, Instant from, Instant to, ZoneId zone) {
    Temporal start = event.getDateTimeStart().getDate();
    if (start instanceof LocalDateTime) {
      return new Period<>(LocalDateTime.ofInstant(from, zone), LocalDateTime.ofInstant(to, zone));
    }
    return new Period<>(from.atZone(ZoneOffset.UTC), to.atZone(ZoneOffset.UTC));
  }

  private static boolean free(VEvent event) {
    boolean transparent =
        event
            .getTransparency()
            .map(t -> "TRANSPARENT".equalsIgnoreCase(t.getValue()))
            .orElse(false);
    boolean cancelled =
        event.getStatus() != null && "CANCELLED".equalsIgnoreCase(event.getStatus().getValue());
    return transparent || cancelled;
  }

  private static Instant instant(Temporal time, ZoneId zone) {
    if (time instanceof Instant instant) {
      return instant;
    }
    if (time.isSupported(ChronoField.OFFSET_SECONDS)) {
      return Instant.from(time); // zoned or with an offset
    }
    if (time instanceof LocalDateTime floating) {
      return floating.atZone(zone).toInstant();
    }
    if (time instanceof LocalDate day) {
      return day.atStartOfDay(zone).toInstant();
    }
    throw new IllegalArgumentException("unsupported time " + time);
  }
}
