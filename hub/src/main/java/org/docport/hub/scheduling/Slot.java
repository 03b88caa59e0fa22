package org.docport.hub.scheduling;

import java.time.Instant;

/**
 * One period a patient can be booked into, as generated from a doctor's availability.
 *
 * @param status {@code FREE}, or {@code BUSY_UNAVAILABLE} on leave and public holidays (FHIR's
 *     {@code free} and {@code busy-unavailable})
 * @param comment why an unavailable slot is unavailable ("leave: conference"), else null
 */
public record Slot(
    String locationId,
    String serviceId,
    Instant start,
    Instant end,
    Status status,
    String comment) {

  /** What a generated slot can be; bookings add the busy states. */
  public enum Status {
    FREE,
    BUSY_UNAVAILABLE
  }
}
