package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.docport.hub.fhir.Subscriptions.BACKPORT;
import static org.docport.hub.fhir.Subscriptions.PRACTITIONER;
import static org.docport.hub.fhir.Subscriptions.SECRET;
import static org.docport.hub.fhir.Subscriptions.SECRET_URL;
import static org.docport.hub.fhir.Subscriptions.TOPIC;
import static org.docport.hub.fhir.Subscriptions.create;
import static org.docport.hub.fhir.Subscriptions.eventsSinceStart;
import static org.docport.hub.fhir.Subscriptions.numbers;
import static org.docport.hub.fhir.Subscriptions.status;
import static org.docport.hub.fhir.Subscriptions.subscription;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.docport.hub.fhir.NotificationReceiver.Received;
import org.docport.testkit.HubClient;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.junit.jupiter.api.Test;

/**
 * FHIR Subscriptions as an insurer's integration engineer uses them: subscribe with HAPI's client,
 * receive the handshake and signed, numbered notifications on an endpoint of its own, catch up with
 * {@code $status} and {@code $events} after an outage.
 */
class SubscriptionTest extends FhirTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aDoctorChangeIsNotifiedSignedAndNumberedWithWhatTheInsurerSees() throws Exception {
    Insurer insurer = insurer();
    IGenericClient fhir = subscriber(insurer);
    try (NotificationReceiver receiver = new NotificationReceiver()) {
      String full = create(fhir, subscription(receiver.url("/full"), "full-resource"));
      String ids =
          create(
              fhir,
              subscription(
                  receiver.url("/ids"),
                  "id-only",
                  s -> {
                    s.getChannel().addHeader("X-Test: hello");
                    s.getChannel()
                        .addExtension(
                            new Extension(
                                BACKPORT + "backport-heartbeat-period", new UnsignedIntType(1)));
                  }));
      await().atMost(WAIT).until(() -> status(fhir, full) == SubscriptionStatus.ACTIVE);
      await().atMost(WAIT).until(() -> status(fhir, ids) == SubscriptionStatus.ACTIVE);
      assertThat(receiver.on("/full").get(0).type()).isEqualTo("handshake");
      assertSigned(receiver.on("/full").get(0));

      String doctor = consentedDoctor("Ranade", insurer);
      await().atMost(WAIT).until(() -> !receiver.events("/full").isEmpty());
      Received created = receiver.events("/full").get(0);
      assertSigned(created);
      assertThat(created.eventNumbers()).containsExactly(1L);
      assertThat(created.status().getParameter("events-since-subscription-start").getValue())
          .hasToString("1");
      Practitioner practitioner = resources(created.bundle(), Practitioner.class).get(0);
      assertThat(practitioner.getNameFirstRep().getFamily()).isEqualTo("Ranade");
      assertThat(practitioner.getIdentifier()).anyMatch(i -> doctor.equals(i.getValue()));

      HubClient.Response profile = operator().get("/api/doctors/" + doctor).expect(200);
      operator()
          .patch(
              "/api/doctors/" + doctor,
              Map.of("name", Map.of("family", "Ranade-Joshi")),
              profile.etag())
          .expect(200);
      await().atMost(WAIT).until(() -> receiver.events("/full").size() >= 2);
      Received changed = receiver.events("/full").get(1);
      assertSigned(changed);
      assertThat(changed.eventNumbers()).containsExactly(2L);
      Practitioner renamed = resources(changed.bundle(), Practitioner.class).get(0);
      assertThat(renamed.getNameFirstRep().getFamily()).isEqualTo("Ranade-Joshi");
      assertThat(renamed.getMeta().getVersionId()).isEqualTo("2");

      await().atMost(WAIT).until(() -> !receiver.events("/ids").isEmpty());
      Received idOnly = receiver.events("/ids").get(0);
      assertThat(idOnly.header()).isEqualTo("hello");
      BundleEntryComponent entry = idOnly.bundle().getEntry().get(1);
      assertThat(entry.getFullUrl()).endsWith("/fhir/Practitioner/" + practitioner.getIdPart());
      assertThat(entry.hasResource()).isFalse();
      await()
          .atMost(WAIT)
          .until(() -> receiver.on("/ids").stream().anyMatch(r -> r.type().equals("heartbeat")));

      JsonNode disclosures =
          operator().get("/api/doctors/" + doctor + "/disclosures").expect(200).body();
      assertThat(disclosures.findValues("request"))
          .as("each notification carrying the doctor is on the doctor's record")
          .anyMatch(r -> r.asText().contains(full))
          .anyMatch(r -> r.asText().contains(ids));
      assertThat(disclosures.findValuesAsText("interaction")).contains("subscription-notification");
      Bundle audit =
          FHIR.newJsonParser()
              .parseResource(
                  Bundle.class,
                  operator()
                      .get("/api/operator/audit-events?insurer=" + insurer.id())
                      .expect(200)
                      .body()
                      .toString());
      assertThat(resources(audit, AuditEvent.class))
          .flatExtracting(AuditEvent::getSubtype)
          .anySatisfy(
              c -> {
                assertThat(c.getSystem())
                    .isEqualTo("https://docport.org/fhir/CodeSystem/interaction");
                assertThat(c.getCode()).isEqualTo("subscription-notification");
              });
    }
  }

  @Test
  void aDoctorHiddenWhileTheEndpointIsDownIsNotInTheNotificationsItGetsLater() {
    Insurer insurer = insurer();
    IGenericClient fhir = subscriber(insurer);
    try (NotificationReceiver receiver = new NotificationReceiver()) {
      String id = create(fhir, subscription(receiver.url("/late"), "full-resource"));
      await().atMost(WAIT).until(() -> status(fhir, id) == SubscriptionStatus.ACTIVE);
      receiver.failing(true);
      String doctor = consentedDoctor("Karnik", insurer);
      consent(doctor, insurer, "REVOKED");
      await().atMost(WAIT).until(() -> eventsSinceStart(fhir, id) >= 2);

      receiver.failing(false);
      await().atMost(WAIT).until(() -> numbers(receiver.events("/late")).size() >= 2);
      assertThat(receiver.on("/late"))
          .as("neither the doctor's identifier nor their name is sent")
          .noneMatch(r -> r.body().contains(doctor) || r.body().contains("Karnik"));
      assertThat(receiver.events("/late")).anyMatch(r -> deletion(r) != null);
    }
  }

  @Test
  void aFilteredSubscriptionHearsOnlyOfTheResourcesItsFilterMatches() {
    Insurer insurer = insurer();
    IGenericClient fhir = subscriber(insurer);
    try (NotificationReceiver receiver = new NotificationReceiver()) {
      String id =
          create(
              fhir,
              subscription(
                  receiver.url("/filtered"),
                  "full-resource",
                  s ->
                      s.getCriteriaElement()
                          .addExtension(
                              BACKPORT + "backport-filter-criteria",
                              new StringType("Practitioner?family=limaye"))));
      await().atMost(WAIT).until(() -> status(fhir, id) == SubscriptionStatus.ACTIVE);
      Subscription read = fhir.read().resource(Subscription.class).withId(id).execute();
      assertThat(read.getCriteriaElement().getExtensionFirstRep().getValue())
          .hasToString("Practitioner?family=limaye");

      consentedDoctor("Kelkar", insurer);
      consentedDoctor("Limaye", insurer);
      await().atMost(WAIT).until(() -> !receiver.events("/filtered").isEmpty());
      Received first = receiver.events("/filtered").get(0);
      assertThat(first.eventNumbers()).containsExactly(1L);
      assertThat(resources(first.bundle(), Practitioner.class))
          .extracting(p -> p.getNameFirstRep().getFamily())
          .containsExactly("Limaye");
    }
  }

  @Test
  void theLocationAndRoleTopicsTellChangesOfTheirOwnType() {
    Insurer insurer = insurer();
    IGenericClient fhir = subscriber(insurer);
    try (NotificationReceiver receiver = new NotificationReceiver()) {
      String locations =
          create(
              fhir,
              subscription(
                  receiver.url("/locations"), "id-only", s -> s.setCriteria(TOPIC + "location")));
      String roles =
          create(
              fhir,
              subscription(
                  receiver.url("/roles"),
                  "full-resource",
                  s -> s.setCriteria(TOPIC + "practitioner-role")));
      await().atMost(WAIT).until(() -> status(fhir, locations) == SubscriptionStatus.ACTIVE);
      await().atMost(WAIT).until(() -> status(fhir, roles) == SubscriptionStatus.ACTIVE);

      consentedDoctor("Sathe", insurer);
      await().atMost(WAIT).until(() -> !receiver.events("/locations").isEmpty());
      await().atMost(WAIT).until(() -> !receiver.events("/roles").isEmpty());
      assertThat(receiver.events("/locations").get(0).bundle().getEntry().get(1).getFullUrl())
          .contains("/fhir/Location/");
      assertThat(resources(receiver.events("/roles").get(0).bundle(), PractitionerRole.class))
          .hasSize(1);
      assertThat(resources(receiver.events("/roles").get(0).bundle(), Practitioner.class))
          .as("a role's topic tells roles only")
          .isEmpty();
    }
  }

  @Test
  void metadataDeclaresSubscriptionsAndTheirTopics() {
    CapabilityStatement metadata =
        unauthenticated().capabilities().ofType(CapabilityStatement.class).execute();

    assertThat(metadata.getInstantiates())
        .extracting(c -> c.getValue())
        .contains(
            "http://hl7.org/fhir/uv/subscriptions-backport/CapabilityStatement/backport-subscription-server-r4");
    CapabilityStatementRestResourceComponent subscriptions =
        metadata.getRestFirstRep().getResource().stream()
            .filter(r -> r.getType().equals("Subscription"))
            .findFirst()
            .orElseThrow();
    assertThat(subscriptions.getInteraction())
        .extracting(i -> i.getCode().toCode())
        .containsExactlyInAnyOrder("create", "read", "delete", "search-type");
    assertThat(
            subscriptions.getExtensionsByUrl(
                BACKPORT + "capabilitystatement-subscriptiontopic-canonical"))
        .extracting(e -> e.getValue().primitiveValue())
        .containsExactlyInAnyOrder(
            PRACTITIONER,
            TOPIC + "practitioner-role",
            TOPIC + "location",
            TOPIC + "organization",
            TOPIC + "appointment");
    assertThat(subscriptions.getOperation())
        .extracting(o -> o.getName())
        .containsExactlyInAnyOrder("status", "events");
  }

  @Test
  void anotherInsurersSubscriptionNeverSeesADoctorWhoDidNotConsentToIt() {
    Insurer hers = insurer();
    Insurer other = insurer();
    try (NotificationReceiver receiver = new NotificationReceiver()) {
      IGenericClient herFhir = subscriber(hers);
      IGenericClient otherFhir = subscriber(other);
      String herSubscription =
          create(herFhir, subscription(receiver.url("/hers"), "full-resource"));
      String otherSubscription =
          create(otherFhir, subscription(receiver.url("/other"), "full-resource"));
      await()
          .atMost(WAIT)
          .until(() -> status(herFhir, herSubscription) == SubscriptionStatus.ACTIVE);
      await()
          .atMost(WAIT)
          .until(() -> status(otherFhir, otherSubscription) == SubscriptionStatus.ACTIVE);

      String doctor = consentedDoctor("Deshpande", hers);
      String otherDoctor = consentedDoctor("Gokhale", other);
      await().atMost(WAIT).until(() -> !receiver.events("/hers").isEmpty());
      await().atMost(WAIT).until(() -> !receiver.events("/other").isEmpty());
      assertThat(receiver.on("/other")).noneMatch(r -> r.body().contains(doctor));
      assertThat(receiver.events("/other").get(0).body()).contains(otherDoctor);
      assertThat(receiver.on("/hers")).noneMatch(r -> r.body().contains(otherDoctor));

      consent(doctor, hers, "REVOKED");
      await()
          .atMost(WAIT)
          .until(() -> receiver.events("/hers").stream().anyMatch(r -> deletion(r) != null));
      BundleEntryComponent deleted =
          receiver.events("/hers").stream()
              .map(SubscriptionTest::deletion)
              .filter(e -> e != null)
              .findFirst()
              .orElseThrow();
      assertThat(deleted.getRequest().getUrl()).startsWith("Practitioner/");
      assertThat(deleted.hasResource()).as("a withdrawn doctor's data is not sent").isFalse();
    }
  }

  @Test
  void aReceiverThatWasDownGetsTheMissedEventsInOrderAndCatchesUpWithEvents() {
    Insurer insurer = insurer();
    IGenericClient fhir = subscriber(insurer);
    try (NotificationReceiver receiver = new NotificationReceiver()) {
      String id = create(fhir, subscription(receiver.url("/down"), "id-only"));
      await().atMost(WAIT).until(() -> status(fhir, id) == SubscriptionStatus.ACTIVE);

      receiver.failing(true);
      consentedDoctor("Apte", insurer);
      consentedDoctor("Bapat", insurer);
      await().atMost(WAIT).until(() -> receiver.refused() >= 2);
      long recorded = eventsSinceStart(fhir, id);
      assertThat(recorded)
          .as("$status counts the events not yet delivered")
          .isGreaterThanOrEqualTo(2);

      receiver.failing(false);
      await().atMost(WAIT).until(() -> numbers(receiver.events("/down")).size() >= recorded);
      assertThat(numbers(receiver.events("/down")))
          .as("every missed event, once, in order")
          .startsWith(LongStream.rangeClosed(1, recorded).boxed().toArray(Long[]::new));

      Bundle caughtUp =
          fhir.operation()
              .onInstance(new IdType("Subscription", id))
              .named("$events")
              .withParameter(Parameters.class, "eventsSinceNumber", new StringType("2"))
              .andParameter("content", new CodeType("full-resource"))
              .useHttpGet()
              .returnResourceType(Bundle.class)
              .execute();
      Parameters events = (Parameters) caughtUp.getEntryFirstRep().getResource();
      assertThat(events.getParameter("type").getValue()).hasToString("query-event");
      assertThat(
              events.getParameter().stream().filter(p -> p.getName().equals("notification-event")))
          .first()
          .satisfies(e -> assertThat(Received.part(e, "event-number").getValue()).hasToString("2"));
      assertThat(resources(caughtUp, Practitioner.class))
          .extracting(p -> p.getNameFirstRep().getFamily())
          .contains("Bapat");
    }
  }

  @Test
  void aSubscriptionWhoseEndpointKeepsFailingEndsInError() {
    Insurer insurer = insurer();
    IGenericClient fhir = subscriber(insurer);
    try (NotificationReceiver receiver = new NotificationReceiver()) {
      receiver.failing(true);
      String id = create(fhir, subscription(receiver.url("/broken"), "id-only"));

      // HubTest gives up after 15 s of failures
      await()
          .atMost(WAIT.multipliedBy(2))
          .until(() -> status(fhir, id) == SubscriptionStatus.ERROR);
      Subscription failed = fhir.read().resource(Subscription.class).withId(id).execute();
      assertThat(failed.getError()).contains("HTTP 500");
      assertThat(receiver.refused()).as("retried before giving up").isGreaterThan(2);
    }
  }

  @Test
  void aWrongSubscriptionIsRefusedNamingWhatToFix() {
    IGenericClient fhir = subscriber(insurer());
    String hook = "http://localhost:9/hook";

    assertRefused(
        fhir,
        subscription(hook, "id-only", s -> s.setCriteria(TOPIC + "claim")),
        "Subscription.criteria");
    assertRefused(
        fhir,
        subscription(
            hook,
            "id-only",
            s -> {
              s.setCriteria(TOPIC + "appointment");
              s.getCriteriaElement()
                  .addExtension(
                      BACKPORT + "backport-filter-criteria",
                      new StringType("Appointment?status=booked"));
            }),
        "Subscription.criteria.extension('backport-filter-criteria')");
    assertRefused(
        fhir,
        subscription("http://example.org/hook", "id-only", s -> {}),
        "Subscription.channel.endpoint");
    assertRefused(
        fhir, subscription(hook, "id-only", s -> s.setChannel(null)), "Subscription.channel");
    assertRefused(
        fhir,
        subscription(hook, "id-only", s -> s.getChannel().getExtension().clear()),
        "notification-signing-secret");
    assertRefused(
        fhir,
        subscription(
            hook,
            "id-only",
            s ->
                s.getCriteriaElement()
                    .addExtension(
                        BACKPORT + "backport-filter-criteria",
                        new StringType("Practitioner?colour=red"))),
        "backport-filter-criteria");
  }

  @Test
  void scopesDecideWhoSubscribesAndEachInsurerSeesOnlyItsOwnSubscriptions() {
    Insurer insurer = insurer();
    IGenericClient fhir = subscriber(insurer);
    String id = create(fhir, subscription("http://localhost:9/hook", "id-only"));

    Subscription read = fhir.read().resource(Subscription.class).withId(id).execute();
    assertThat(read.getCriteria()).isEqualTo(PRACTITIONER);
    assertThat(read.getChannel().getExtensionsByUrl(SECRET_URL)).as("never echoed").isEmpty();
    assertThat(FHIR.newJsonParser().encodeResourceToString(read)).doesNotContain(SECRET);

    IGenericClient reader = client(insurer, "system/*.read");
    assertThat(
            catchThrowableOfType(
                () ->
                    reader
                        .create()
                        .resource(subscription("http://localhost:9/hook", "id-only"))
                        .execute(),
                ForbiddenOperationException.class))
        .isNotNull();
    assertThat(reader.read().resource(Subscription.class).withId(id).execute().getIdPart())
        .isEqualTo(id);
    IGenericClient practitionersOnly = client(insurer, "system/Practitioner.read");
    assertThat(
            catchThrowableOfType(
                () -> practitionersOnly.read().resource(Subscription.class).withId(id).execute(),
                ForbiddenOperationException.class))
        .isNotNull();

    IGenericClient stranger =
        InsurerFhirClients.client(
            operator(),
            port,
            insurer().id(),
            "system/Subscription.cud system/Subscription.rs",
            "system/Subscription.cud system/Subscription.rs");
    assertThat(
            catchThrowableOfType(
                () -> stranger.read().resource(Subscription.class).withId(id).execute(),
                ResourceNotFoundException.class))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                () -> stranger.delete().resourceById("Subscription", id).execute(),
                ResourceNotFoundException.class))
        .isNotNull();
    assertThat(
            stranger
                .search()
                .forResource(Subscription.class)
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();

    fhir.delete().resourceById("Subscription", id).execute();
    assertThat(
            catchThrowableOfType(
                () -> fhir.read().resource(Subscription.class).withId(id).execute(),
                ResourceNotFoundException.class))
        .isNotNull();
  }

  private IGenericClient subscriber(Insurer insurer) {
    return Subscriptions.subscriber(operator(), port, insurer.id());
  }

  private static void assertRefused(IGenericClient fhir, Subscription subscription, String what) {
    InvalidRequestException refused =
        catchThrowableOfType(
            () -> fhir.create().resource(subscription).execute(), InvalidRequestException.class);
    assertThat(refused).as("refused for " + what).isNotNull();
    assertThat(FHIR.newJsonParser().encodeResourceToString(refused.getOperationOutcome()))
        .contains(what);
  }

  /** The first entry of the notification that tells a deletion, if any. */
  private static BundleEntryComponent deletion(Received received) {
    return received.bundle().getEntry().stream()
        .filter(e -> e.getRequest().getMethod() == Bundle.HTTPVerb.DELETE)
        .findFirst()
        .orElse(null);
  }

  /** The signature header is the HMAC-SHA256 of "t.body" with the insurer's secret. */
  private static void assertSigned(Received received) throws Exception {
    Matcher m = Pattern.compile("t=(\\d+),sha256=([0-9a-f]{64})").matcher(received.signature());
    assertThat(m.matches()).as(received.signature()).isTrue();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected =
        mac.doFinal((m.group(1) + "." + received.body()).getBytes(StandardCharsets.UTF_8));
    assertThat(m.group(2)).isEqualTo(HexFormat.of().formatHex(expected));
  }
}
