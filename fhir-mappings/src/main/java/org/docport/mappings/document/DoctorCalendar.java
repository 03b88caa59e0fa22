package org.docport.mappings.document;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.docport.mappings.snapshot.BookedAppointment;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.OfferedService;
import org.docport.mappings.snapshot.OfferedSlot;

/**
 * The doctor's calendar as a {@code docport-json} insurer is sent it: the {@code calendar} field of
 * the doctor's {@code docport.doctor/v1} document, present once the doctor offers hours. The same
 * facts the FHIR profiles send as Slots and Appointments, flattened, with the partner API's names.
 *
 * <p>Like the FHIR calendar it carries changes: on the first delivery every slot, afterwards the
 * slots new or changed since the calendar {@code version} the insurer held, the ids of the slots
 * the doctor no longer offers ({@code removedSlotIds}: hours changed, or over), and the insurer's
 * own appointments with the doctor that are new or changed. A consumer applies slots and
 * appointments by {@code id} and deletes the removed ones; a {@code docport.doctor.withdrawn/v1}
 * message drops them all with the doctor. Times are ISO 8601 instants (UTC); book through the
 * partner API by slot {@code id}.
 *
 * @param version the calendar version the insurer holds once it has applied this
 */
public record DoctorCalendar(
    long version, List<Slot> slots, List<String> removedSlotIds, List<Appointment> appointments) {

  /**
   * A bookable slot of one service at one practice.
   *
   * @param status {@code free}, {@code busy}, {@code busy-tentative} (held) or {@code
   *     busy-unavailable} (leave, a holiday)
   */
  public record Slot(
      String id,
      String locationId,
      String serviceId,
      String serviceName,
      Coding serviceType,
      boolean telemedicine,
      String start,
      String end,
      String status) {}

  /**
   * One of the insurer's own appointments with the doctor, as it stands now (no patient details:
   * the insurer supplied them and holds them).
   *
   * @param status FHIR's appointment status: {@code pending} (held), {@code booked}, {@code
   *     cancelled}...
   * @param holdUntil while held: when the hold runs out unless it is booked
   * @param rescheduleReason set while the doctor asks the insurer to move it (leave, a holiday)
   */
  public record Appointment(
      String id,
      String slotId,
      String locationId,
      String serviceId,
      String serviceName,
      boolean telemedicine,
      String meetingLink,
      String start,
      String end,
      String status,
      String holdUntil,
      String cancellationReason,
      String rescheduleReason) {}

  public DoctorCalendar {
    slots = List.copyOf(slots);
    removedSlotIds = List.copyOf(removedSlotIds);
    appointments = List.copyOf(appointments);
  }

  /**
   * The calendar changes as the registry holds them, flattened.
   *
   * @param removedSlotIds none that is also in {@code slots}
   */
  public static DoctorCalendar of(
      long version,
      List<OfferedSlot> slots,
      List<String> removedSlotIds,
      List<BookedAppointment> appointments) {
    return new DoctorCalendar(
        version,
        slots.stream().map(DoctorCalendar::slot).toList(),
        removedSlotIds,
        appointments.stream().map(DoctorCalendar::appointment).toList());
  }

  private static Slot slot(OfferedSlot slot) {
    OfferedService service = slot.service();
    return new Slot(
        slot.id(),
        service.locationId(),
        service.serviceId(),
        service.name(),
        service.type(),
        service.telemedicine(),
        instant(slot.start()),
        instant(slot.end()),
        slot.status().code());
  }

  private static Appointment appointment(BookedAppointment appointment) {
    OfferedService service = appointment.service();
    boolean held = appointment.status() == BookedAppointment.Status.HELD;
    return new Appointment(
        appointment.id(),
        appointment.slotId(),
        service.locationId(),
        service.serviceId(),
        service.name(),
        service.telemedicine(),
        appointment.meetingLink(),
        instant(appointment.start()),
        instant(appointment.end()),
        appointment.status().code(),
        held ? instant(appointment.holdUntil()) : null,
        appointment.status() == BookedAppointment.Status.EXPIRED
                && appointment.cancellationReason() == null
            ? "the hold ran out"
            : appointment.cancellationReason(),
        appointment.rescheduleReason());
  }

  private static String instant(Instant instant) {
    return Objects.toString(instant, null);
  }
}
