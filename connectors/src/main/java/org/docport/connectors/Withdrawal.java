package org.docport.connectors;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes back what an insurer holds of a doctor, when the consent ends.
 *
 * @param published what the insurer holds (the delivery's published map)
 * @param slotIds the doctor's slots the insurer may hold
 * @param appointmentIds the insurer's appointments with the doctor, whose copies it may hold
 */
public record Withdrawal(
    String insurerId,
    UUID doctorId,
    Map<String, String> published,
    List<String> slotIds,
    List<String> appointmentIds) {

  public Withdrawal {
    published = Map.copyOf(published);
    slotIds = List.copyOf(slotIds);
    appointmentIds = List.copyOf(appointmentIds);
  }

  /** A withdrawal of a doctor with no calendar. */
  public Withdrawal(String insurerId, UUID doctorId, Map<String, String> published) {
    this(insurerId, doctorId, published, List.of(), List.of());
  }
}
