package org.docport.hub.fhir;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import java.util.function.Consumer;
import org.docport.hub.fhir.NotificationReceiver.Received;
import org.docport.testkit.HubClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;

/**
 * What an insurer's integration engineer does with subscriptions, shared by the subscription tests
 * (in one hub or against the packaged hub): the Backport-shaped request, creating it, reading its
 * status and its event count.
 */
final class Subscriptions {

  static final String TOPIC = "https://docport.org/fhir/SubscriptionTopic/";
  static final String PRACTITIONER = TOPIC + "practitioner";
  static final String BACKPORT =
      "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";
  static final String SECRET_URL =
      "https://docport.org/fhir/StructureDefinition/notification-signing-secret";
  static final String SECRET = "a-shared-secret-of-the-insurer";

  private Subscriptions() {}

  /** A client of the insurer allowed to subscribe (SMART v1 scopes). */
  static IGenericClient subscriber(HubClient operator, int port, String insurerId) {
    String scopes = "system/*.read system/Subscription.write";
    return InsurerFhirClients.client(operator, port, insurerId, scopes, scopes);
  }

  static Subscription subscription(String endpoint, String content) {
    return subscription(endpoint, content, s -> {});
  }

  /**
   * A practitioner-topic subscription as the Backport IG shapes it, then changed by {@code how}.
   */
  static Subscription subscription(String endpoint, String content, Consumer<Subscription> how) {
    Subscription s = new Subscription();
    s.setStatus(SubscriptionStatus.REQUESTED);
    s.setReason("Keep our provider directory current");
    s.setCriteria(PRACTITIONER);
    s.getChannel()
        .setType(SubscriptionChannelType.RESTHOOK)
        .setEndpoint(endpoint)
        .setPayload("application/fhir+json");
    s.getChannel()
        .getPayloadElement()
        .addExtension(BACKPORT + "backport-payload-content", new CodeType(content));
    s.getChannel().addExtension(new Extension(SECRET_URL, new StringType(SECRET)));
    how.accept(s);
    return s;
  }

  static long eventsSinceStart(IGenericClient fhir, String id) {
    Parameters status =
        (Parameters)
            fhir.operation()
                .onInstance(new IdType("Subscription", id))
                .named("$status")
                .withNoParameters(Parameters.class)
                .useHttpGet()
                .returnResourceType(Bundle.class)
                .execute()
                .getEntryFirstRep()
                .getResource();
    return Long.parseLong(
        status.getParameter("events-since-subscription-start").getValue().primitiveValue());
  }

  static String create(IGenericClient fhir, Subscription subscription) {
    return fhir.create().resource(subscription).execute().getId().getIdPart();
  }

  static SubscriptionStatus status(IGenericClient fhir, String id) {
    return fhir.read().resource(Subscription.class).withId(id).execute().getStatus();
  }

  /** The event numbers of these notifications, in the order they arrived. */
  static List<Long> numbers(List<Received> notifications) {
    return notifications.stream().flatMap(r -> r.eventNumbers().stream()).toList();
  }
}
