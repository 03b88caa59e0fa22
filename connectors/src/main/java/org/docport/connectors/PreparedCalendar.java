package org.docport.connectors;

import java.util.List;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Slot;

/**
 * The calendar part of a delivery, mapped: written after the doctor's resources (the slots refer to
 * the Schedules among them) as one transaction per insurer, not one request per slot.
 *
 * @param version the calendar version the insurer holds once it is written
 * @param slots slots to create or update, each by its business identifier
 * @param removedSlotIds ids of slots to delete (none that is also in {@code slots}: {@link
 *     CalendarChanges} sees to it)
 * @param appointments the insurer's appointments to create or update, as pushed copies
 */
public record PreparedCalendar(
    long version, List<Slot> slots, List<String> removedSlotIds, List<Appointment> appointments) {

  public PreparedCalendar {
    slots = List.copyOf(slots);
    removedSlotIds = List.copyOf(removedSlotIds);
    appointments = List.copyOf(appointments);
  }

  /** Whether there is nothing to write. */
  public boolean isEmpty() {
    return slots.isEmpty() && removedSlotIds.isEmpty() && appointments.isEmpty();
  }
}
