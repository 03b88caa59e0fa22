package org.docport.connectors;

import org.docport.mappings.PublishedResources;

/**
 * A job with the resources to publish, mapped from the snapshot at {@code version}, and what to
 * write of the doctor's calendar (null for the insurer's own pair, which has none).
 */
public record PreparedDelivery(
    DeliveryJob job, long version, PublishedResources resources, PreparedCalendar calendar) {

  public PreparedDelivery(DeliveryJob job, long version, PublishedResources resources) {
    this(job, version, resources, null);
  }
}
