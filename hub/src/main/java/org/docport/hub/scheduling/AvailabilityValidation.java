package org.docport.hub.scheduling;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.docport.hub.scheduling.Availability.Allotment;
import org.docport.hub.scheduling.Availability.ExtraHours;
import org.docport.hub.scheduling.Availability.Leave;
import org.docport.hub.scheduling.Availability.Location;
import org.docport.hub.scheduling.Availability.Mode;
import org.docport.hub.scheduling.Availability.Service;
import org.docport.hub.scheduling.Availability.WeeklyHours;
import org.docport.hub.web.Violations;
import org.docport.mappings.snapshot.Coding;

/**
 * What an availability must be before it is stored: every field's error at once, each naming the
 * field ({@code locations[0].weekly[1].end}) and what to fix.
 */
final class AvailabilityValidation {

  static final String TITLE = "Invalid availability";

  /** A FHIR id's characters, so a service's id can name its FHIR resources. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private static final int MAX_SERVICES = 20;
  private static final int MAX_LOCATIONS = 20;
  private static final int MAX_HOURS = 50;
  private static final int MAX_LEAVE = 200;
  private static final int MAX_HORIZON_WEEKS = 26;
  private static final int MAX_ALLOTMENTS = 20;
  private static final int MAX_PER_DAY = 200;

  private AvailabilityValidation() {}

  /**
   * @param locationIds the ids of the doctor's practice locations
   * @param isInsurer whether an id is an insurer's on DocPort
   */
  static Violations validate(Availability a, Set<String> locationIds, Predicate<String> isInsurer) {
    Violations v = new Violations(TITLE);
    if (a.horizonWeeks() != null
        && (a.horizonWeeks() < 1 || a.horizonWeeks() > MAX_HORIZON_WEEKS)) {
      v.add(
          "horizonWeeks", "must be 1 to " + MAX_HORIZON_WEEKS + " weeks, was " + a.horizonWeeks());
    }
    Set<String> services = services(v, a.services());
    if (v.atMost("locations", a.locations(), MAX_LOCATIONS)) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < a.locations().size(); i++) {
        location(v, "locations[" + i + "]", a.locations().get(i), locationIds, services, seen);
      }
    }
    if (v.atMost("leave", a.leave(), MAX_LEAVE)) {
      for (int i = 0; i < a.leave().size(); i++) {
        leave(v, "leave[" + i + "]", a.leave().get(i), locationIds);
      }
    }
    if (v.atMost("allotments", a.allotments(), MAX_ALLOTMENTS)) {
      allotments(v, a.allotments(), services, isInsurer);
    }
    return v;
  }

  /**
   * Each allotment names an insurer on DocPort, a service of the doctor's (or none: all), and
   * either a percent or a count per day; one per insurer and service; and the percents reserved of
   * any service add up to at most 100.
   */
  private static void allotments(
      Violations v, List<Allotment> allotments, Set<String> services, Predicate<String> isInsurer) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < allotments.size(); i++) {
      String p = "allotments[" + i + "]";
      Allotment a = allotments.get(i);
      if (a == null) {
        v.add(p, "required");
        continue;
      }
      if (v.required(p + ".insurerId", a.insurerId(), 64) && !isInsurer.test(a.insurerId())) {
        v.add(p + ".insurerId", "no insurer \"" + a.insurerId() + "\" on DocPort");
      }
      if (a.service() != null && !services.contains(a.service())) {
        v.add(p + ".service", "not one of the services: " + new TreeSet<>(services));
      }
      if ((a.percent() == null) == (a.perDay() == null)) {
        v.add(p, "give either percent (of each day's slots) or perDay (a count), not both");
      } else if (a.percent() != null && (a.percent() < 1 || a.percent() > 100)) {
        v.add(p + ".percent", "must be 1 to 100, was " + a.percent());
      } else if (a.perDay() != null && (a.perDay() < 1 || a.perDay() > MAX_PER_DAY)) {
        v.add(p + ".perDay", "must be 1 to " + MAX_PER_DAY + ", was " + a.perDay());
      }
      if (!seen.add(a.insurerId() + "/" + a.service())) {
        v.add(p, "another allotment is for the same insurer and service");
      }
    }
    for (String service : services) {
      int percent =
          allotments.stream()
              .filter(a -> a != null && a.percent() != null && a.appliesTo(service))
              .mapToInt(Allotment::percent)
              .sum();
      if (percent > 100) {
        v.add("allotments", "reserve " + percent + "% of service " + service + "; at most 100%");
      }
    }
  }

  private static Set<String> services(Violations v, List<Service> services) {
    Set<String> ids = new HashSet<>();
    if (!v.atMost("services", services, MAX_SERVICES)) {
      return ids;
    }
    for (int i = 0; i < services.size(); i++) {
      String p = "services[" + i + "]";
      Service s = services.get(i);
      if (s == null) {
        v.add(p, "required");
        continue;
      }
      if (v.required(p + ".id", s.id(), 64)) {
        v.matches(p + ".id", s.id(), ID, "letters, digits, '-' and '.' only");
        if (!ids.add(s.id())) {
          v.add(p + ".id", "another service has the id \"" + s.id() + "\"");
        }
      }
      v.required(p + ".name", s.name(), 200);
      minutes(v, p + ".slotMinutes", s.slotMinutes(), 5, 480, true);
      minutes(v, p + ".bufferMinutes", s.bufferMinutes(), 0, 240, false);
      meeting(v, p, s);
      type(v, p + ".type", s.type());
    }
    return ids;
  }

  /** A service type is a code in an absolute code system, as FHIR's Coding needs it. */
  private static void type(Violations v, String p, Coding type) {
    if (type == null) {
      return;
    }
    if (v.required(p + ".system", type.system(), 500) && !isAbsolute(type.system())) {
      v.add(p + ".system", "must be an absolute URI such as http://snomed.info/sct");
    }
    v.required(p + ".code", type.code(), 100);
    v.optional(p + ".display", type.display(), 200);
  }

  private static boolean isAbsolute(String uri) {
    try {
      return URI.create(uri).isAbsolute();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void minutes(
      Violations v, String field, Integer minutes, int min, int max, boolean required) {
    if (minutes == null) {
      if (required) {
        v.add(field, "required");
      }
    } else if (minutes < min || minutes > max) {
      v.add(field, "must be " + min + " to " + max + " minutes, was " + minutes);
    }
  }

  private static void meeting(Violations v, String p, Service s) {
    if (s.mode() == null) {
      v.add(p + ".mode", "required: one of " + List.of(Mode.values()));
    } else if (s.mode() == Mode.TELEMEDICINE) {
      if (v.required(p + ".meetingLink", s.meetingLink(), 2000) && !isHttps(s.meetingLink())) {
        v.add(p + ".meetingLink", "must be an https:// link, was \"" + s.meetingLink() + "\"");
      }
    } else if (s.meetingLink() != null) {
      v.add(p + ".meetingLink", "only for TELEMEDICINE; leave it out for IN_PERSON");
    }
  }

  private static boolean isHttps(String link) {
    try {
      URI uri = URI.create(link);
      return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void location(
      Violations v,
      String p,
      Location l,
      Set<String> locationIds,
      Set<String> services,
      Set<String> seen) {
    if (l == null) {
      v.add(p, "required");
      return;
    }
    if (l.locationId() == null) {
      v.add(p + ".locationId", "required: the id of one of the doctor's practice locations");
    } else if (!locationIds.contains(l.locationId())) {
      v.add(
          p + ".locationId",
          "\"" + l.locationId() + "\" is none of the doctor's practice locations " + locationIds);
    } else if (!seen.add(l.locationId())) {
      v.add(p + ".locationId", "\"" + l.locationId() + "\" is listed twice");
    }
    zone(v, p + ".timeZone", l.timeZone());
    if (v.atMost(p + ".weekly", l.weekly(), MAX_HOURS)) {
      List<WeeklyHours> valid = new ArrayList<>();
      for (int i = 0; i < l.weekly().size(); i++) {
        String h = p + ".weekly[" + i + "]";
        WeeklyHours hours = l.weekly().get(i);
        if (hours == null) {
          v.add(h, "required");
          continue;
        }
        if (hours.days().isEmpty() || hours.days().contains(null)) {
          v.add(h + ".days", "required: one or more of MONDAY to SUNDAY");
        }
        if (period(v, h, hours.start(), hours.end()) && service(v, h, hours.service(), services)) {
          overlap(v, h, hours, valid, l.weekly());
          valid.add(hours);
        }
      }
    }
    if (v.atMost(p + ".extra", l.extra(), MAX_HOURS)) {
      for (int i = 0; i < l.extra().size(); i++) {
        String h = p + ".extra[" + i + "]";
        ExtraHours extra = l.extra().get(i);
        if (extra == null) {
          v.add(h, "required");
          continue;
        }
        if (extra.date() == null) {
          v.add(h + ".date", "required, as 2027-01-31");
        }
        if (period(v, h, extra.start(), extra.end())
            && service(v, h, extra.service(), services)
            && extra.date() != null) {
          for (int w = 0; w < l.weekly().size(); w++) {
            WeeklyHours hours = l.weekly().get(w);
            if (hours != null
                && hours.start() != null
                && hours.end() != null
                && hours.days().contains(extra.date().getDayOfWeek())
                && overlaps(extra.start(), extra.end(), hours.start(), hours.end())) {
              v.add(h, "overlaps weekly[" + w + "] on " + extra.date());
              break;
            }
          }
        }
      }
    }
  }

  private static void zone(Violations v, String field, String zone) {
    if (zone == null) {
      v.add(field, "required: an IANA time zone such as Asia/Kolkata");
    } else if (!ZoneId.getAvailableZoneIds().contains(zone)) {
      v.add(field, "\"" + zone + "\" is not an IANA time zone such as Asia/Kolkata");
    }
  }

  /** A start and an end on one day; an end of 00:00 is the midnight that ends the day. */
  private static boolean period(Violations v, String p, LocalTime start, LocalTime end) {
    boolean ok = true;
    if (start == null) {
      v.add(p + ".start", "required, as 09:00");
      ok = false;
    }
    if (end == null) {
      v.add(p + ".end", "required, as 13:00 (00:00 for midnight)");
      ok = false;
    }
    if (ok && !end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
      v.add(p + ".end", "must be after start (" + start + "); hours past midnight are two entries");
      ok = false;
    }
    return ok;
  }

  private static boolean service(Violations v, String p, String service, Set<String> services) {
    if (service == null) {
      v.add(p + ".service", "required: the id of one of the services");
      return false;
    }
    if (!services.contains(service)) {
      v.add(p + ".service", "\"" + service + "\" is none of the services " + services);
      return false;
    }
    return true;
  }

  /** Weekly hours at one location may not overlap on any day: the doctor is in one room. */
  private static void overlap(
      Violations v, String p, WeeklyHours hours, List<WeeklyHours> earlier, List<WeeklyHours> all) {
    for (WeeklyHours other : earlier) {
      for (DayOfWeek day : hours.days()) {
        if (other.days().contains(day) && overlaps(hours, other)) {
          v.add(
              p,
              "overlaps weekly["
                  + all.indexOf(other)
                  + "] on "
                  + day
                  + "; a doctor sees one patient at a time");
          return;
        }
      }
    }
  }

  private static boolean overlaps(WeeklyHours a, WeeklyHours b) {
    return overlaps(a.start(), a.end(), b.start(), b.end());
  }

  private static boolean overlaps(LocalTime s1, LocalTime e1, LocalTime s2, LocalTime e2) {
    return s1.isBefore(endOf(e2)) && s2.isBefore(endOf(e1));
  }

  private static LocalTime endOf(LocalTime end) {
    return end.equals(LocalTime.MIDNIGHT) ? LocalTime.MAX : end;
  }

  private static void leave(Violations v, String p, Leave l, Set<String> locationIds) {
    if (l == null) {
      v.add(p, "required");
      return;
    }
    if (l.start() == null) {
      v.add(p + ".start", "required, as 2027-01-31T00:00");
    }
    if (l.end() == null) {
      v.add(p + ".end", "required, as 2027-02-03T00:00");
    }
    if (l.start() != null && l.end() != null && !l.end().isAfter(l.start())) {
      v.add(p + ".end", "must be after start (" + l.start() + ")");
    }
    if (l.locationId() != null && !locationIds.contains(l.locationId())) {
      v.add(
          p + ".locationId",
          "\"" + l.locationId() + "\" is none of the doctor's practice locations " + locationIds);
    }
    v.optional(p + ".reason", l.reason(), 200);
  }
}
