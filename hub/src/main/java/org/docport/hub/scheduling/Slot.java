package org.docport.hub.scheduling;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One period a patient can be booked into, as generated from a doctor's availability.
 *
 * @param id derived from the doctor, location, service and start ({@link #idOf}): the same hours
 *     generated again are the same slots
 * @param status {@code FREE}, or {@code BUSY_UNAVAILABLE} on leave and public holidays (FHIR's
 *     {@code free} and {@code busy-unavailable})
 * @param comment why an unavailable slot is unavailable ("leave: conference"), else null
 * @param reservedFor the insurer the slot is reserved for ({@link Availability.Allotment}), or null
 *     when it is open to every insurer
 */
public record Slot(
    String id,
    String locationId,
    String serviceId,
    Instant start,
    Instant end,
    Status status,
    String comment,
    String reservedFor) {

  /** A slot open to every insurer. */
  public Slot(
      String id,
      String locationId,
      String serviceId,
      Instant start,
      Instant end,
      Status status,
      String comment) {
    this(id, locationId, serviceId, start, end, status, comment, null);
  }

  /** This slot, reserved for the insurer (null: open to all). */
  Slot reservedFor(String insurerId) {
    return new Slot(id, locationId, serviceId, start, end, status, comment, insurerId);
  }

  /** The id of the slot of this doctor, location and service that starts then. */
  static String idOf(UUID doctorId, String locationId, String serviceId, Instant start) {
    String name = doctorId + "/" + locationId + "/" + serviceId + "/" + start;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** What a generated slot can be; bookings add the busy states. */
  public enum Status {
    FREE,
    BUSY_UNAVAILABLE
  }
}
