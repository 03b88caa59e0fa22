package org.docport.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.docport.testkit.HubClient;

/**
 * The benchmark doctors' availability, as {@code PUT /api/doctors/{id}/availability} takes it and
 * the {@code availability} table stores it: one 15-minute consultation service (General Practice),
 * the same hours on every weekday at the benchmark's practice location ({@link
 * DoctorProfiles#LOCATION_ID}) in Asia/Kolkata, and whole days of leave.
 */
final class AvailabilityRules {

  static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

  private AvailabilityRules() {}

  /**
   * Weekdays {@code start}-{@code end} for {@code weeks} weeks ahead, on leave on {@code leave}.
   */
  static ObjectNode weekdays(
      int weeks, LocalTime start, LocalTime end, Collection<LocalDate> leave) {
    ObjectNode rules = HubClient.json().createObjectNode();
    rules.put("horizonWeeks", weeks);
    ObjectNode service =
        rules
            .putArray("services")
            .addObject()
            .put("id", "consult")
            .put("name", "Consultation")
            .put("slotMinutes", 15)
            .put("mode", "IN_PERSON");
    service
        .putObject("type")
        .put("system", "http://terminology.hl7.org/CodeSystem/service-type")
        .put("code", "124")
        .put("display", "General Practice");
    ObjectNode location =
        rules
            .putArray("locations")
            .addObject()
            .put("locationId", DoctorProfiles.LOCATION_ID)
            .put("timeZone", ZONE.getId());
    ObjectNode hours = location.putArray("weekly").addObject();
    ArrayNode days = hours.putArray("days");
    for (DayOfWeek day : List.of(DayOfWeek.values()).subList(0, 5)) {
      days.add(day.name());
    }
    hours.put("start", start.toString()).put("end", end.toString()).put("service", "consult");
    if (!leave.isEmpty()) {
      ArrayNode entries = rules.putArray("leave");
      leave.stream()
          .sorted()
          .forEach(
              day ->
                  entries
                      .addObject()
                      .put("start", day.atStartOfDay().toString())
                      .put("end", day.plusDays(1).atStartOfDay().toString())
                      .put("reason", "benchmark leave"));
    }
    return rules;
  }

  /** The weekdays among the {@code days} days from {@code from} on. */
  static List<LocalDate> weekdaysFrom(LocalDate from, int days) {
    List<LocalDate> all = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      LocalDate day = from.plusDays(i);
      if (day.getDayOfWeek().getValue() <= 5) {
        all.add(day);
      }
    }
    return all;
  }
}
