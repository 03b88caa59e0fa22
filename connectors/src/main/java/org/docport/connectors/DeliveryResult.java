package org.docport.connectors;

import java.util.Map;

/** How a delivery attempt ended when it did not throw. */
public sealed interface DeliveryResult {

  /**
   * The insurer now holds this version.
   *
   * @param published business identifier to the insurer's reference, for the next delivery
   * @param calendarVersion the calendar version the insurer now holds; null when the delivery had
   *     no calendar part
   */
  record Delivered(long version, Map<String, String> published, Long calendarVersion)
      implements DeliveryResult {

    /** Delivered with no calendar part (the insurer's own pair). */
    public Delivered(long version, Map<String, String> published) {
      this(version, published, null);
    }
  }

  /** Nothing was sent, on purpose (e.g. no active consent at delivery time). */
  record Skipped(String reason) implements DeliveryResult {}

  /**
   * Nothing was sent and the pair stays due: the insurer was paused after the pair was claimed, so
   * the claim is given back untouched for when the insurer is resumed.
   */
  record Held(String reason) implements DeliveryResult {}
}
