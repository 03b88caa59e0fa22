package org.docport.hub.fhir;

import java.util.List;
import java.util.Optional;

/**
 * The subscription topics DocPort offers: one per directory resource type, triggered when a
 * resource of that type is created, changed or removed in the insurer's view (a consent revoked
 * removes the doctor's resources, and so notifies their deletion); and one for the insurer's own
 * appointments, triggered by every change of one, whoever made it. R4 has no SubscriptionTopic
 * resource: the topics are declared by canonical URL in {@code /fhir/metadata}, named in {@code
 * Subscription.criteria}, and served as {@code Basic} resources ({@link SubscriptionTopicBasics}).
 */
final class SubscriptionTopics {

  static final String BASE = "https://docport.org/fhir/SubscriptionTopic/";

  /**
   * One topic: its canonical URL (whose last segment is also its id as a {@code Basic}) and the
   * resource type whose changes it reports.
   */
  record Topic(String url, String resourceType, String title) {
    String id() {
      return url.substring(BASE.length());
    }
  }

  static final List<Topic> ALL =
      List.of(
          new Topic(
              BASE + "practitioner", "Practitioner", "Practitioner created, changed or removed"),
          new Topic(
              BASE + "practitioner-role",
              "PractitionerRole",
              "PractitionerRole created, changed or removed"),
          new Topic(BASE + "location", "Location", "Location created, changed or removed"),
          new Topic(
              BASE + "organization", "Organization", "Organization created, changed or removed"),
          new Topic(
              BASE + "appointment",
              "Appointment",
              "One of the insurer's appointments booked, held, moved, cancelled (by the doctor too),"
                  + " recorded as arrived, fulfilled or no-show, or flagged for another time"));

  private SubscriptionTopics() {}

  static Optional<Topic> byUrl(String url) {
    return ALL.stream().filter(t -> t.url().equals(url)).findFirst();
  }

  static Optional<Topic> byId(String id) {
    return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** Whether the topic's resources are the insurer's appointments rather than its directory. */
  static boolean ofAppointments(String resourceType) {
    return "Appointment".equals(resourceType);
  }

  static Optional<Topic> forType(String resourceType) {
    return ALL.stream().filter(t -> t.resourceType().equals(resourceType)).findFirst();
  }
}
