package org.docport.hub.scheduling;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.docport.hub.registry.Doctors;
import org.docport.hub.security.DoctorAccess;
import org.docport.hub.web.Violations;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * When the doctor is reminded of booked appointments by e-mail: on or off, and how long before each
 * (ISO 8601 durations, 5 minutes to 14 days; 24 hours and 1 hour until the doctor chooses).
 */
@RestController
@RequestMapping("/api/doctors/{doctorId}/reminders")
@Tag(name = "Appointments")
class ReminderController {

  /** The choice as the API shows and takes it. */
  record Reminders(Boolean enabled, List<String> before) {}

  private static final Duration SHORTEST = Duration.ofMinutes(5);
  private static final Duration LONGEST = Duration.ofDays(14);

  private final AppointmentReminders reminders;
  private final Doctors doctors;
  private final DoctorAccess access;

  ReminderController(AppointmentReminders reminders, Doctors doctors, DoctorAccess access) {
    this.reminders = reminders;
    this.doctors = doctors;
    this.access = access;
  }

  @Operation(summary = "The doctor's appointment reminders")
  @GetMapping
  Reminders get(@PathVariable UUID doctorId, Authentication auth) {
    access.require(auth, doctorId);
    doctors.get(doctorId);
    return shown(reminders.preference(doctorId));
  }

  @Operation(
      summary = "Set the doctor's appointment reminders; the coming appointments' reminders follow")
  @PutMapping
  Reminders set(@PathVariable UUID doctorId, @RequestBody Reminders wanted, Authentication auth) {
    access.require(auth, doctorId);
    doctors.get(doctorId);
    Violations v = new Violations("Invalid reminders");
    List<Duration> before = new ArrayList<>();
    if (wanted == null || wanted.enabled() == null) {
      v.add("enabled", "required: true or false");
    }
    List<String> given = wanted == null || wanted.before() == null ? List.of() : wanted.before();
    if (given.isEmpty() || given.size() > 5) {
      v.add("before", "1 to 5 ISO 8601 durations, such as PT24H and PT1H");
    }
    Set<Duration> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String field = "before[" + i + "]";
      try {
        Duration d = Duration.parse(String.valueOf(given.get(i)));
        if (d.compareTo(SHORTEST) < 0 || d.compareTo(LONGEST) > 0) {
          v.add(field, "must be 5 minutes (PT5M) to 14 days (P14D), was " + given.get(i));
        } else if (!seen.add(d)) {
          v.add(field, "given twice");
        } else {
          before.add(d);
        }
      } catch (DateTimeParseException e) {
        v.add(field, "an ISO 8601 duration such as PT24H, not '" + given.get(i) + "'");
      }
    }
    v.throwIfAny();
    AppointmentReminders.Preference preference =
        new AppointmentReminders.Preference(wanted.enabled(), List.copyOf(before));
    reminders.setPreference(doctorId, preference);
    return shown(preference);
  }

  private static Reminders shown(AppointmentReminders.Preference preference) {
    return new Reminders(
        preference.enabled(), preference.before().stream().map(Duration::toString).toList());
  }
}
