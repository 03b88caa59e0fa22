package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.docport.hub.fhir.SubscriptionBundles.Told;
import org.docport.hub.fhir.SubscriptionBundles.Type;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of notification bundle DocPort sends keeps the Subscriptions Backport IG's rules for
 * R4 (1.1.0: the R4 notification and SubscriptionStatus profiles, the Notifications and Payloads
 * pages), checked rule by rule since the IG's package is not available to the build for the
 * validator (neither the npm registry nor any Maven Central artifact carries it), and validates
 * against base R4 (whose history-bundle invariants apply) with no error.
 */
class SubscriptionNotificationShapeTest {

  private static final String BASE = "https://hub.example/fhir";
  private static final String BACKPORT =
      "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";
  private static final Set<String> STATUSES = Set.of("requested", "active", "error", "off");
  private static final Set<String> TYPES =
      Set.of("handshake", "heartbeat", "event-notification", "query-status", "query-event");
  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  /** An event of a Practitioner that is still seen, one deleted, and one no longer visible. */
  private static final List<Told> EVENTS =
      List.of(
          seen(6, "changed", 2),
          deleted(7, "removed"),
          new Told(event(8, "hidden", 1, false), null, null));

  static Stream<Arguments> notifications() {
    return Stream.of(
        Arguments.of("handshake", Type.HANDSHAKE, "id-only", List.of(), 0L),
        Arguments.of("heartbeat", Type.HEARTBEAT, "full-resource", List.of(), 5L),
        Arguments.of("event, id-only", Type.EVENT_NOTIFICATION, "id-only", EVENTS, 8L),
        Arguments.of("event, full-resource", Type.EVENT_NOTIFICATION, "full-resource", EVENTS, 8L),
        Arguments.of("event, empty", Type.EVENT_NOTIFICATION, "empty", EVENTS, 8L),
        Arguments.of("$events, full-resource", Type.QUERY_EVENT, "full-resource", EVENTS, 9L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notifications")
  void keepsTheBackportRulesForR4(
      String label, Type type, String content, List<Told> told, long eventsSinceStart) {
    SubscriptionStore.Row row = row(content, type == Type.HANDSHAKE ? "requested" : "active");

    Bundle bundle = SubscriptionBundles.notification(row, type, told, content, eventsSinceStart);

    // Notification bundle profile: a history bundle whose first entry is the status.
    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.HISTORY);
    assertThat(profiles(bundle.getMeta().getProfile()))
        .containsExactly(BACKPORT + "backport-subscription-notification-r4");
    assertThat(bundle.getEntry()).isNotEmpty();
    BundleEntryComponent first = bundle.getEntryFirstRep();
    assertThat(first.getResource()).isInstanceOf(Parameters.class);
    assertThat(first.getRequest().getMethod()).isEqualTo(HTTPVerb.GET);
    assertThat(first.getRequest().getUrl()).isEqualTo("Subscription/" + row.id() + "/$status");
    assertThat(bundle.getEntry())
        .as("history bundles: every entry has a request (bdl-3) and a response (bdl-4)")
        .allMatch(e -> e.hasRequest() && e.hasResponse());

    Parameters status = (Parameters) first.getResource();
    assertThat(profiles(status.getMeta().getProfile()))
        .containsExactly(BACKPORT + "backport-subscription-status-r4");
    assertThat(only(status, "subscription").getValue())
        .isInstanceOfSatisfying(
            Reference.class,
            r -> assertThat(r.getReference()).isEqualTo(BASE + "/Subscription/" + row.id()));
    assertThat(only(status, "status").getValue())
        .isInstanceOfSatisfying(CodeType.class, c -> assertThat(STATUSES).contains(c.getValue()));
    assertThat(only(status, "type").getValue())
        .isInstanceOfSatisfying(CodeType.class, c -> assertThat(c.getValue()).isEqualTo(type.code));
    assertThat(TYPES).contains(type.code);
    assertThat(only(status, "events-since-subscription-start").getValue())
        .as("a string, not incremented by handshakes and heartbeats")
        .isInstanceOfSatisfying(
            StringType.class,
            s -> assertThat(s.getValue()).isEqualTo(Long.toString(eventsSinceStart)));
    List<ParametersParameterComponent> topics = all(status, "topic");
    assertThat(topics).hasSizeLessThanOrEqualTo(1);
    topics.forEach(t -> assertThat(t.getValue()).isInstanceOf(CanonicalType.class));
    if (content.equals("empty")) {
      assertThat(topics).as("topic SHOULD NOT be present with empty payloads").isEmpty();
    }
    if (content.equals("full-resource")) {
      assertThat(topics).as("topic SHOULD be present with full-resource payloads").hasSize(1);
    }

    List<ParametersParameterComponent> events = all(status, "notification-event");
    assertThat(events).hasSize(told.size());
    for (ParametersParameterComponent event : events) {
      assertThat(parts(event, "event-number"))
          .singleElement()
          .satisfies(n -> assertThat(n.getValue()).isInstanceOf(StringType.class));
      assertThat(parts(event, "timestamp"))
          .hasSizeLessThanOrEqualTo(1)
          .allSatisfy(t -> assertThat(t.getValue()).isInstanceOf(InstantType.class));
      assertThat(parts(event, "focus"))
          .hasSizeLessThanOrEqualTo(1)
          .allSatisfy(f -> assertThat(f.getValue()).isInstanceOf(Reference.class));
    }
    checkPayload(bundle, content, told, events);

    List<SingleValidationMessage> errors = BaseR4Validator.errors(bundle);
    assertThat(errors).as(BaseR4Validator.describe(errors)).isEmpty();
  }

  /** The Payloads page: what each content carries beside the status. */
  private static void checkPayload(
      Bundle bundle, String content, List<Told> told, List<ParametersParameterComponent> events) {
    List<BundleEntryComponent> rest = bundle.getEntry().subList(1, bundle.getEntry().size());
    if (content.equals("empty")) {
      assertThat(events)
          .allMatch(e -> parts(e, "focus").isEmpty() && parts(e, "additional-context").isEmpty());
      assertThat(rest).as("empty: no entry but the status").isEmpty();
      return;
    }
    for (int i = 0; i < told.size(); i++) {
      List<ParametersParameterComponent> focus = parts(events.get(i), "focus");
      if (!told.get(i).focus()) {
        // A version the insurer may no longer see: nothing of it is told, not even its id.
        assertThat(focus).isEmpty();
        continue;
      }
      assertThat(focus).as("%s: focus of event %d", content, i).hasSize(1);
      String reference = ((Reference) focus.get(0).getValue()).getReference();
      BundleEntryComponent entry =
          rest.stream().filter(e -> reference.equals(e.getFullUrl())).findFirst().orElseThrow();
      assertThat(entry.getRequest().getUrl()).isNotBlank();
      boolean deletion = told.get(i).event().deleted();
      assertThat(entry.getRequest().getMethod())
          .isEqualTo(deletion ? HTTPVerb.DELETE : HTTPVerb.PUT);
      if (content.equals("full-resource") && !deletion) {
        assertThat(entry.getResource()).as("full-resource: the resource itself").isNotNull();
      } else {
        assertThat(entry.hasResource()).as(content + ", deleted " + deletion).isFalse();
      }
    }
  }

  private static SubscriptionStore.Row row(String content, String status) {
    return new SubscriptionStore.Row(
        UUID.randomUUID().toString(),
        "insurer",
        "client",
        SubscriptionTopics.BASE + "practitioner",
        null,
        "tests",
        SubscriptionStore.Status.of(status),
        "https://insurer.example/hook",
        content,
        List.of(),
        "a-secret-of-sixteen",
        null,
        BASE,
        9,
        5,
        null,
        0,
        null,
        null,
        null);
  }

  private static Told seen(long number, String id, long version) {
    Practitioner practitioner = new Practitioner();
    practitioner.setId("Practitioner/" + id);
    practitioner.getMeta().setVersionId(Long.toString(version));
    practitioner.addName().setFamily("Kulkarni");
    DirectoryQueries.Stored stored =
        new DirectoryQueries.Stored(
            "Practitioner", id, version, AT, false, "{}", UUID.randomUUID());
    return new Told(event(number, id, version, false), stored, practitioner);
  }

  private static Told deleted(long number, String id) {
    return new Told(event(number, id, 3, true), null, null);
  }

  private static SubscriptionStore.Event event(long number, String id, long version, boolean gone) {
    return new SubscriptionStore.Event(number, "Practitioner", id, version, gone, AT);
  }

  private static List<String> profiles(List<CanonicalType> profiles) {
    return profiles.stream().map(CanonicalType::getValue).toList();
  }

  private static List<ParametersParameterComponent> all(Parameters status, String name) {
    return status.getParameter().stream().filter(p -> p.getName().equals(name)).toList();
  }

  private static ParametersParameterComponent only(Parameters status, String name) {
    List<ParametersParameterComponent> found = all(status, name);
    assertThat(found).as(name).hasSize(1);
    return found.get(0);
  }

  private static List<ParametersParameterComponent> parts(
      ParametersParameterComponent event, String name) {
    return event.getPart().stream().filter(p -> p.getName().equals(name)).toList();
  }
}
