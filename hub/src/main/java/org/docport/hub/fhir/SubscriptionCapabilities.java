package org.docport.hub.fhir;

import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;

/**
 * What {@code /fhir/metadata} says of subscriptions, as the Subscriptions Backport asks of an R4
 * server: that it implements the backport's server capabilities, the profile its Subscriptions
 * follow, and each topic it offers by canonical URL (R4 has no SubscriptionTopic resource).
 */
final class SubscriptionCapabilities {

  static final String SERVER =
      "http://hl7.org/fhir/uv/subscriptions-backport/CapabilityStatement/backport-subscription-server-r4";
  static final String TOPIC_CANONICAL =
      SubscriptionRequests.BACKPORT + "capabilitystatement-subscriptiontopic-canonical";

  private SubscriptionCapabilities() {}

  static void declare(CapabilityStatement statement) {
    for (CapabilityStatementRestResourceComponent resource :
        statement.getRestFirstRep().getResource()) {
      if (resource.getType().equals(SubscriptionService.TYPE)) {
        statement.addInstantiates(SERVER);
        resource.setProfile(SubscriptionBundles.SUBSCRIPTION_PROFILE);
        for (SubscriptionTopics.Topic topic : SubscriptionTopics.ALL) {
          resource.addExtension(TOPIC_CANONICAL, new CanonicalType(topic.url()));
        }
        resource.setDocumentation(
            "rest-hook only, payload application/fhir+json with content empty, id-only or"
                + " full-resource; notifications signed in X-DocPort-Signature with the secret"
                + " given in the channel extension "
                + SubscriptionRequests.SECRET
                + ". Topics: "
                + String.join(
                    "; ",
                    SubscriptionTopics.ALL.stream()
                        .map(t -> t.url() + " (" + t.title() + ")")
                        .toList())
                + ".");
      }
    }
  }
}
