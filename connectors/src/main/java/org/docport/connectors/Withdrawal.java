package org.docport.connectors;

import java.util.Map;
import java.util.UUID;

/**
 * Takes back what an insurer holds of a doctor, when the consent ends.
 *
 * @param published what the insurer holds (the delivery's published map)
 */
public record Withdrawal(String insurerId, UUID doctorId, Map<String, String> published) {

  public Withdrawal {
    published = Map.copyOf(published);
  }
}
