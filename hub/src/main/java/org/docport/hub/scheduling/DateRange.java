package org.docport.hub.scheduling;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.docport.hub.web.ApiException;

/**
 * A range of dates a doctor's calendar is read over, {@code from} inclusive and {@code to}
 * exclusive, as asked in a query ({@code ?from=2027-01-04&to=2027-01-11}): a week from today when
 * not given, at most {@value #MAX_DAYS} days.
 */
record DateRange(LocalDate from, LocalDate to) {

  /** The longest range one request may ask for. */
  static final int MAX_DAYS = 62;

  /** The range asked, or a 400 naming the field to fix ({@code title} says what was read). */
  static DateRange of(String from, String to, LocalDate today, String title) {
    LocalDate start = from == null ? today : date(title, "from", from);
    LocalDate end = to == null ? start.plusDays(7) : date(title, "to", to);
    if (!end.isAfter(start)) {
      throw ApiException.invalidField(title, "to", "must be after from (" + start + ")");
    }
    if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
      throw ApiException.invalidField(
          title, "to", "at most " + MAX_DAYS + " days after from (" + start + ")");
    }
    return new DateRange(start, end);
  }

  /** The date in {@code value}, or a 400 naming {@code field}. */
  static LocalDate date(String title, String field, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidField(
          title, field, "must be a date as 2027-01-31, was \"" + value + "\"");
    }
  }
}
