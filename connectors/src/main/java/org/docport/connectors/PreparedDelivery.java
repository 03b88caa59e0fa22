package org.docport.connectors;

import java.util.List;
import org.docport.mappings.PublishedResources;
import org.docport.mappings.document.DoctorMessage;

/**
 * A job with what to publish, mapped from the snapshot at {@code version} under the insurer's
 * profile: FHIR resources ({@code plan-net}, {@code ndhm}) and what to write of the doctor's
 * calendar (null for the insurer's own pair, which has none), or a {@code docport-json} {@code
 * message} (and no resources, no calendar: such insurers read slots through the partner API).
 */
public record PreparedDelivery(
    DeliveryJob job,
    long version,
    PublishedResources resources,
    PreparedCalendar calendar,
    DoctorMessage message) {

  public PreparedDelivery(
      DeliveryJob job, long version, PublishedResources resources, PreparedCalendar calendar) {
    this(job, version, resources, calendar, null);
  }

  public PreparedDelivery(DeliveryJob job, long version, PublishedResources resources) {
    this(job, version, resources, null, null);
  }

  /** A {@code docport-json} delivery. */
  public static PreparedDelivery message(DeliveryJob job, long version, DoctorMessage message) {
    return new PreparedDelivery(job, version, new PublishedResources(List.of()), null, message);
  }
}
