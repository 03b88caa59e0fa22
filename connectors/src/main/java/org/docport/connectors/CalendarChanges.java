package org.docport.connectors;

import java.util.List;
import org.docport.mappings.snapshot.BookedAppointment;
import org.docport.mappings.snapshot.OfferedService;
import org.docport.mappings.snapshot.OfferedSlot;

/**
 * What an insurer is to be told of a doctor's calendar, read in one consistent snapshot: the
 * changes since the calendar version it holds, or the whole calendar when it holds none.
 *
 * @param version the calendar version this brings the insurer to
 * @param schedules every Schedule the doctor offers now (all of them, whatever changed: what a
 *     delivery no longer lists is withdrawn)
 * @param slots the slots new or changed since the version held; all of them when it holds none
 * @param removedSlotIds slots the doctor no longer offers (hours changed, or over) since then; none
 *     that is also in {@code slots}
 * @param appointments the insurer's own appointments with the doctor new or changed since then
 */
public record CalendarChanges(
    long version,
    List<OfferedService> schedules,
    List<OfferedSlot> slots,
    List<String> removedSlotIds,
    List<BookedAppointment> appointments) {

  public CalendarChanges {
    schedules = List.copyOf(schedules);
    slots = List.copyOf(slots);
    List<String> offered = slots.stream().map(OfferedSlot::id).toList();
    // A slot removed and offered again since the version held is written, not deleted.
    removedSlotIds = removedSlotIds.stream().filter(id -> !offered.contains(id)).toList();
    appointments = List.copyOf(appointments);
  }

  /** A doctor without a calendar. */
  public static CalendarChanges none() {
    return new CalendarChanges(0, List.of(), List.of(), List.of(), List.of());
  }
}
