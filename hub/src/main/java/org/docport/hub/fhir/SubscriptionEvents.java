package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * What may be told of a subscription's recorded events now: each version is looked up in the
 * insurer's view under the live visibility rule, so a doctor whose consent has ended since the
 * event is not shown (the event keeps its number, without a focus); a deletion is told by id only.
 * Whatever carries a doctor's data is recorded as a disclosure before it leaves.
 */
@Component
class SubscriptionEvents {

  /** A DocPort code (not a FHIR RESTful interaction): a notification pushed to a subscriber. */
  static final String NOTIFICATION = "subscription-notification";

  private final FhirContext fhir;
  private final DirectoryQueries queries;
  private final Disclosures disclosures;
  private final BookingService bookings;

  SubscriptionEvents(
      FhirContext fhir,
      DirectoryQueries queries,
      Disclosures disclosures,
      BookingService bookings) {
    this.fhir = fhir;
    this.queries = queries;
    this.disclosures = disclosures;
    this.bookings = bookings;
  }

  List<SubscriptionBundles.Told> told(
      SubscriptionStore.Row row, List<SubscriptionStore.Event> events) {
    return events.stream()
        .map(
            event -> {
              if (event.deleted()) {
                return new SubscriptionBundles.Told(event, null, null);
              }
              if (SubscriptionTopics.ofAppointments(event.type())) {
                return appointment(row.insurerId(), event);
              }
              DirectoryQueries.Stored visible =
                  queries
                      .version(row.insurerId(), event.type(), event.resourceId(), event.version())
                      .filter(v -> !v.deleted())
                      .orElse(null);
              return new SubscriptionBundles.Told(
                  event, visible, visible == null ? null : Resources.parse(fhir, visible));
            })
        .toList();
  }

  /**
   * An event of the insurer's appointment, told with the appointment as it is now (an appointment
   * keeps no history); its own insurer sees it whatever the doctor's consent.
   */
  private SubscriptionBundles.Told appointment(String insurerId, SubscriptionStore.Event event) {
    return bookings
        .current(insurerId, event.resourceId())
        .map(
            found ->
                new SubscriptionBundles.Told(
                    event,
                    new DirectoryQueries.Stored(
                        event.type(),
                        event.resourceId(),
                        found.version(),
                        found.updated(),
                        false,
                        null,
                        found.doctorId()),
                    bookings.appointment(found)))
        .orElseGet(() -> new SubscriptionBundles.Told(event, null, null));
  }

  /**
   * Records that {@code told} went to the subscription's insurer (ids count: they name doctors).
   */
  void disclose(
      SubscriptionStore.Row row,
      Caller caller,
      String interaction,
      String request,
      List<SubscriptionBundles.Told> told) {
    if (row.content().equals("empty")) {
      return;
    }
    disclosures.record(
        caller,
        interaction,
        request,
        told.stream().map(SubscriptionBundles.Told::visible).filter(Objects::nonNull).toList());
  }
}
