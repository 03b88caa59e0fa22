package org.docport.hub.fhir;

import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent;

/**
 * What {@code /fhir/metadata} says of subscriptions, as the Subscriptions Backport asks of an R4
 * server: that it implements the backport's server capabilities, the profile its Subscriptions
 * follow, and each topic it offers by canonical URL (R4 has no SubscriptionTopic resource); and
 * that the topics can be read in full as {@code Basic} resources.
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
      if (resource.getType().equals(SubscriptionService.TOPIC_TYPE)) {
        describeTopics(resource);
      }
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

  private static void describeTopics(CapabilityStatementRestResourceComponent resource) {
    resource.setDocumentation(
        "The subscription topics, read-only, each a Basic holding an R5 SubscriptionTopic in"
            + " cross-version extensions (its trigger, the filters a subscription may use and the"
            + " notification shape); find them with code="
            + SubscriptionTopicBasics.FHIR_TYPES
            + "|"
            + SubscriptionTopicBasics.CODE
            + ", one by url=<canonical URL>. DocPort serves no other Basic resources.");
    for (CapabilityStatementRestResourceSearchParamComponent parameter :
        resource.getSearchParam()) {
      if (parameter.getName().equals(Basic.SP_CODE)) {
        parameter
            .setDefinition("http://hl7.org/fhir/SearchParameter/Basic-code")
            .setDocumentation(
                SubscriptionTopicBasics.FHIR_TYPES
                    + "|"
                    + SubscriptionTopicBasics.CODE
                    + " (or the code alone) finds the subscription topics.");
      } else if (parameter.getName().equals("url")) {
        parameter.setDocumentation(
            "A topic's canonical URL, as given in Subscription.criteria; matched exactly.");
      }
    }
  }
}
