package org.docport.connectors;

import java.util.List;
import org.docport.mappings.PublishedResources;
import org.docport.mappings.document.DoctorCalendar;
import org.docport.mappings.document.DoctorMessage;

/**
 * A job with what to publish, mapped from the snapshot at {@code version} under the insurer's
 * profile: FHIR resources ({@code plan-net}, {@code ndhm}) and what to write of the doctor's
 * calendar (null for the insurer's own pair, which has none), or a {@code docport-json} {@code
 * message} and the doctor's calendar as that document carries it ({@code messageCalendar}, null
 * when the doctor offers no hours).
 */
public record PreparedDelivery(
    DeliveryJob job,
    long version,
    PublishedResources resources,
    PreparedCalendar calendar,
    DoctorMessage message,
    DoctorCalendar messageCalendar) {

  public PreparedDelivery(
      DeliveryJob job, long version, PublishedResources resources, PreparedCalendar calendar) {
    this(job, version, resources, calendar, null, null);
  }

  public PreparedDelivery(DeliveryJob job, long version, PublishedResources resources) {
    this(job, version, resources, null, null, null);
  }

  /** A {@code docport-json} delivery. */
  public static PreparedDelivery message(
      DeliveryJob job, long version, DoctorMessage message, DoctorCalendar calendar) {
    return new PreparedDelivery(
        job, version, new PublishedResources(List.of()), null, message, calendar);
  }

  /** The calendar version the insurer holds once this is delivered; null when none is sent. */
  public Long calendarVersion() {
    if (calendar != null) {
      return calendar.version();
    }
    return messageCalendar == null ? null : messageCalendar.version();
  }
}
