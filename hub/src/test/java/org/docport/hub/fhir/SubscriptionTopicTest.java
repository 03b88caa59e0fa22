package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.docport.hub.fhir.Subscriptions.BACKPORT;
import static org.docport.hub.fhir.Subscriptions.PRACTITIONER;
import static org.docport.hub.fhir.Subscriptions.TOPIC;
import static org.docport.hub.fhir.Subscriptions.create;
import static org.docport.hub.fhir.Subscriptions.subscription;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.UriClientParam;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * The subscription topics as an insurer discovers them before subscribing: {@code Basic} resources
 * holding the R5 SubscriptionTopic in cross-version extensions (the Subscriptions Backport's R4
 * representation, the extension URLs HAPI FHIR reads), found by their code, read by id, declared in
 * {@code /fhir/metadata}, and only to an authenticated client allowed to read Basic.
 */
class SubscriptionTopicTest extends FhirTest {

  private static final String FHIR_TYPES = "http://hl7.org/fhir/fhir-types";
  private static final String R5 = "http://hl7.org/fhir/5.0/StructureDefinition/extension-";
  private static final String R4B = "http://hl7.org/fhir/4.3/StructureDefinition/extension-";
  private static final List<String> TOPICS =
      List.of(
          PRACTITIONER,
          TOPIC + "practitioner-role",
          TOPIC + "location",
          TOPIC + "organization",
          TOPIC + "appointment");

  @Test
  void anInsurerFindsTheFiveTopicsByTheirCodeAndOneByItsUrl() {
    IGenericClient fhir = client(insurer(), "system/*.read");

    Bundle byCode =
        fhir.search()
            .forResource(Basic.class)
            .where(Basic.CODE.exactly().systemAndCode(FHIR_TYPES, "SubscriptionTopic"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(resources(byCode, Basic.class))
        .extracting(SubscriptionTopicTest::url)
        .containsExactlyInAnyOrderElementsOf(TOPICS);
    assertThat(resources(searchByUrl(fhir, "Basic?code=SubscriptionTopic"), Basic.class))
        .hasSize(5);
    assertThat(
            resources(
                searchByUrl(fhir, "Basic?code=http://example.org|SubscriptionTopic"), Basic.class))
        .isEmpty();

    Bundle byUrl =
        fhir.search()
            .forResource(Basic.class)
            .where(new UriClientParam("url").matches().value(TOPIC + "location"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(resources(byUrl, Basic.class))
        .singleElement()
        .satisfies(b -> assertThat(b.getIdPart()).isEqualTo("location"));
  }

  @Test
  void aTopicTellsItsTriggerItsFiltersAndItsShape() {
    IGenericClient fhir = client(insurer(), "system/Basic.read");

    Basic topic = fhir.read().resource(Basic.class).withId("practitioner").execute();

    assertThat(topic.getCode().getCodingFirstRep().getSystem()).isEqualTo(FHIR_TYPES);
    assertThat(topic.getCode().getCodingFirstRep().getCode()).isEqualTo("SubscriptionTopic");
    assertThat(url(topic)).isEqualTo(PRACTITIONER);
    assertThat(topic.getModifierExtensionsByUrl(R5 + "SubscriptionTopic.status"))
        .singleElement()
        .satisfies(e -> assertThat(e.getValue().primitiveValue()).isEqualTo("active"));
    Extension trigger = single(topic, R4B + "SubscriptionTopic.resourceTrigger");
    assertThat(values(trigger, "resource"))
        .containsExactly("http://hl7.org/fhir/StructureDefinition/Practitioner");
    assertThat(values(trigger, "supportedInteraction"))
        .containsExactly("create", "update", "delete");
    assertThat(filterParameters(topic))
        .contains("family", "identifier", "licence", "_id", "_lastUpdated")
        .doesNotHaveDuplicates();
    Extension shape = single(topic, R4B + "SubscriptionTopic.notificationShape");
    assertThat(values(shape, "resource")).containsExactly("Practitioner");
    assertThat(values(shape, "include")).as("only the focus is sent").isEmpty();

    Basic role = fhir.read().resource(Basic.class).withId("practitioner-role").execute();
    assertThat(filterParameters(role)).contains("specialty", "location", "network");
  }

  /** Each filter a topic declares is one a subscription may use: nothing more is promised. */
  @Test
  void everyDeclaredFilterIsAcceptedInASubscription() {
    IGenericClient fhir = Subscriptions.subscriber(operator(), port, insurer().id());
    for (String id : List.of("practitioner", "practitioner-role", "location", "organization")) {
      Basic topic = fhir.read().resource(Basic.class).withId(id).execute();
      String type =
          values(single(topic, R4B + "SubscriptionTopic.notificationShape"), "resource").get(0);
      for (String parameter : filterParameters(topic)) {
        String value = parameter.equals("_lastUpdated") ? "ge2024-01-01" : "x";
        String subscription =
            create(
                fhir,
                subscription(
                    "http://localhost:9/hook",
                    "id-only",
                    s -> {
                      s.setCriteria(url(topic));
                      s.getCriteriaElement()
                          .addExtension(
                              BACKPORT + "backport-filter-criteria",
                              new StringType(type + "?" + parameter + "=" + value));
                    }));
        fhir.delete().resourceById("Subscription", subscription).execute();
      }
    }
  }

  @Test
  void topicsNeedAnAccessTokenAllowedToReadBasic() {
    assertThat(
            catchThrowableOfType(
                () -> unauthenticated().read().resource(Basic.class).withId("location").execute(),
                AuthenticationException.class))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                () -> searchByUrl(unauthenticated(), "Basic?code=SubscriptionTopic"),
                AuthenticationException.class))
        .isNotNull();

    IGenericClient practitionersOnly = client(insurer(), "system/Practitioner.read");
    assertThat(
            catchThrowableOfType(
                () -> practitionersOnly.read().resource(Basic.class).withId("location").execute(),
                ForbiddenOperationException.class))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                () -> searchByUrl(practitionersOnly, "Basic?code=SubscriptionTopic"),
                ForbiddenOperationException.class))
        .isNotNull();

    IGenericClient reader = client(insurer(), "system/*.read");
    assertThat(
            catchThrowableOfType(
                () -> reader.read().resource(Basic.class).withId("claim").execute(),
                ResourceNotFoundException.class))
        .isNotNull();
  }

  @Test
  void metadataDeclaresTheTopicsAsReadOnlyBasicResources() {
    CapabilityStatement metadata =
        unauthenticated().capabilities().ofType(CapabilityStatement.class).execute();

    CapabilityStatementRestResourceComponent basic =
        metadata.getRestFirstRep().getResource().stream()
            .filter(r -> r.getType().equals("Basic"))
            .findFirst()
            .orElseThrow();
    assertThat(basic.getInteraction())
        .extracting(i -> i.getCode().toCode())
        .containsExactlyInAnyOrder("read", "search-type");
    assertThat(basic.getSearchParam())
        .extracting(p -> p.getName() + ":" + p.getType().toCode())
        .containsExactlyInAnyOrder("code:token", "url:uri");
    assertThat(basic.getDocumentation()).contains(FHIR_TYPES + "|SubscriptionTopic");
    assertThat(basic.getSupportedProfile()).isEmpty();
  }

  private static Bundle searchByUrl(IGenericClient fhir, String url) {
    return fhir.search().byUrl(url).returnBundle(Bundle.class).execute();
  }

  private static String url(Basic topic) {
    return single(topic, R5 + "SubscriptionTopic.url").getValue().primitiveValue();
  }

  private static List<String> filterParameters(Basic topic) {
    return topic.getExtensionsByUrl(R4B + "SubscriptionTopic.canFilterBy").stream()
        .flatMap(f -> values(f, "filterParameter").stream())
        .toList();
  }

  private static Extension single(Basic topic, String url) {
    List<Extension> found = topic.getExtensionsByUrl(url);
    assertThat(found).as(url).hasSize(1);
    return found.get(0);
  }

  private static List<String> values(Extension complex, String part) {
    return complex.getExtensionsByUrl(part).stream()
        .map(e -> e.getValue().primitiveValue())
        .toList();
  }
}
