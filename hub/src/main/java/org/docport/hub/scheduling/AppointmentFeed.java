package org.docport.hub.scheduling;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A doctor's appointments as an iCalendar (RFC 5545) feed that Google Calendar, Outlook and Apple
 * Calendar subscribe to: one event per appointment, its UID stable for the appointment's life and
 * its SEQUENCE the appointment's version, so a moved or cancelled appointment updates the event it
 * was. Pure: the same appointments give the same text. The feed names no patient (calendar apps are
 * third parties); the doctor's book in DocPort has the details.
 */
final class AppointmentFeed {

  /** One appointment, with the names it is shown by. */
  record Entry(Appointments.Stored appointment, String insurerName, String place) {}

  static final String UID_DOMAIN = "@docport";

  private AppointmentFeed() {}

  static String ics(String doctorName, List<Entry> entries, Instant now) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//DocPort//Appointments//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(new XProperty("X-WR-CALNAME", "DocPort: " + doctorName));
    for (Entry entry : entries) {
      calendar.add(event(entry, now));
    }
    return calendar.toString();
  }

  private static VEvent event(Entry entry, Instant now) {
    Appointments.Stored a = entry.appointment();
    VEvent event = new VEvent(a.start(), a.end(), summary(a, entry.insurerName()));
    event.add(new Uid(a.id() + UID_DOMAIN));
    event.add(new Sequence((int) Math.min(a.version(), Integer.MAX_VALUE)));
    event.add(new DtStamp(now));
    event.add(new LastModified(a.updated()));
    event.add(status(a.status()));
    if (entry.place() != null) {
      event.add(new Location(entry.place()));
    }
    if (a.meetingLink() != null) {
      event.add(new Url(URI.create(a.meetingLink().strip())));
    }
    event.add(new Description(description(a, entry.insurerName())));
    return event;
  }

  private static String summary(Appointments.Stored a, String insurer) {
    String what = a.serviceName() == null ? "Appointment" : a.serviceName();
    String prefix =
        switch (a.status()) {
          case HELD -> "Held: ";
          case CANCELLED, EXPIRED -> "Cancelled: ";
          default -> a.rescheduleReason() != null ? "To move: " : "";
        };
    return prefix + what + " (" + insurer + ")";
  }

  private static String description(Appointments.Stored a, String insurer) {
    StringBuilder text = new StringBuilder("Booked through " + insurer + ".");
    if (a.status() == Appointments.Status.HELD) {
      text.append(" Held, not yet booked.");
    }
    if (a.cancellationReason() != null) {
      text.append(" Cancelled: ").append(a.cancellationReason());
    } else if (a.status() == Appointments.Status.EXPIRED) {
      text.append(" The hold ran out.");
    }
    if (a.rescheduleReason() != null) {
      text.append(" Needs another time: ").append(a.rescheduleReason());
    }
    text.append(" Open DocPort for the patient's details.");
    return text.toString();
  }

  private static Status status(Appointments.Status status) {
    return switch (status) {
      case HELD -> ImmutableStatus.VEVENT_TENTATIVE;
      case CANCELLED, EXPIRED -> ImmutableStatus.VEVENT_CANCELLED;
      default -> ImmutableStatus.VEVENT_CONFIRMED;
    };
  }
}
