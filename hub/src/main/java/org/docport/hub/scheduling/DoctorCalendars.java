package org.docport.hub.scheduling;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.hub.registry.Doctors;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.PracticeLocation;
import org.springframework.stereotype.Component;

/**
 * A doctor's slots between two dates: the availability, cut into slots, with each location's public
 * holidays (its country's and its state's, from the doctor's profile) closed.
 */
@Component
public class DoctorCalendars {

  private final Availabilities availabilities;
  private final Doctors doctors;
  private final PublicHolidays holidays;

  DoctorCalendars(Availabilities availabilities, Doctors doctors, PublicHolidays holidays) {
    this.availabilities = availabilities;
    this.doctors = doctors;
    this.holidays = holidays;
  }

  /** The doctor's slots on the dates {@code from} (inclusive) to {@code to} (exclusive). */
  public List<Slot> slots(UUID doctorId, LocalDate from, LocalDate to) {
    DoctorSnapshot doctor = doctors.get(doctorId);
    Availability availability = availabilities.get(doctorId).availability();
    Map<String, Map<LocalDate, String>> closed = new HashMap<>();
    for (PracticeLocation location : doctor.locations()) {
      if (location.address() != null) {
        closed.put(
            location.id(),
            holidays.at(location.address().country(), location.address().state(), from, to));
      }
    }
    // A location removed from the profile since the availability was set offers nothing.
    List<String> locationIds = doctor.locations().stream().map(PracticeLocation::id).toList();
    Availability current =
        new Availability(
            availability.horizonWeeks(),
            availability.services(),
            availability.locations().stream()
                .filter(l -> locationIds.contains(l.locationId()))
                .toList(),
            availability.leave());
    return SlotGenerator.slots(current, closed, from, to);
  }
}
