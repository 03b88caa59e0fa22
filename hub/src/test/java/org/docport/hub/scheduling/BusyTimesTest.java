package org.docport.hub.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusyTimesTest {

  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  private static final Instant FROM = Instant.parse("2027-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2027-02-01T00:00:00Z");

  @Test
  void busyTimesAreEveryOpaqueEventRecurrencesExpandedInTheirOwnZone() {
    String ics =
        calendar(
            event(
                "DTSTART;TZID=Europe/London:20270104T090000",
                "DTEND;TZID=Europe/London:20270104T100000",
                "RRULE:FREQ=WEEKLY;COUNT=3"),
            event("DTSTART:20270105T030000Z", "DTEND:20270105T040000Z"),
            event("DTSTART;VALUE=DATE:20270106", "DTEND;VALUE=DATE:20270107"),
            event("DTSTART:20270107T090000", "DURATION:PT30M"),
            event("DTSTART:20270108T090000Z", "DTEND:20270108T100000Z", "TRANSP:TRANSPARENT"),
            event("DTSTART:20270109T090000Z", "DTEND:20270109T100000Z", "STATUS:CANCELLED"),
            event("DTSTART:20261201T090000Z", "DTEND:20261201T100000Z"));

    List<BusyTimes.Busy> busy = BusyTimes.parse(ics, FROM, TO, KOLKATA);

    assertThat(busy)
        .containsExactly(
            busy("2027-01-04T09:00:00Z", "2027-01-04T10:00:00Z"),
            busy("2027-01-05T03:00:00Z", "2027-01-05T04:00:00Z"),
            // All day and floating: in the doctor's zone.
            busy("2027-01-05T18:30:00Z", "2027-01-06T18:30:00Z"),
            busy("2027-01-07T03:30:00Z", "2027-01-07T04:00:00Z"),
            busy("2027-01-11T09:00:00Z", "2027-01-11T10:00:00Z"),
            busy("2027-01-18T09:00:00Z", "2027-01-18T10:00:00Z"));
  }

  @Test
  void somethingThatIsNotACalendarIsRefusedSayingSo() {
    assertThatThrownBy(() -> BusyTimes.parse("<html>login</html>", FROM, TO, KOLKATA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not an iCalendar document");
  }

  private static BusyTimes.Busy busy(String start, String end) {
    return new BusyTimes.Busy(Instant.parse(start), Instant.parse(end));
  }

  private static int uid;

  private static String event(String... lines) {
    return "BEGIN:VEVENT\r\nUID:e"
        + (++uid)
        + "\r\nDTSTAMP:20261201T000000Z\r\n"
        + String.join("\r\n", lines)
        + "\r\nEND:VEVENT\r\n";
  }

  private static String calendar(String... events) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n"
        + String.join("", events)
        + "END:VCALENDAR\r\n";
  }
}
