package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.docport.hub.fhir.Subscriptions.create;
import static org.docport.hub.fhir.Subscriptions.eventsSinceStart;
import static org.docport.hub.fhir.Subscriptions.numbers;
import static org.docport.hub.fhir.Subscriptions.status;
import static org.docport.hub.fhir.Subscriptions.subscriber;
import static org.docport.hub.fhir.Subscriptions.subscription;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.docport.hub.SampleDoctors;
import org.docport.hub.SampleInsurers;
import org.docport.hub.fhir.NotificationReceiver.Received;
import org.docport.insurersim.InsurerServer;
import org.docport.testkit.HubClient;
import org.docport.testkit.HubProcess;
import org.docport.testkit.TestDatabase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;

/**
 * Notification state lives in PostgreSQL and is fed by change capture: the packaged hub is killed
 * with SIGKILL while an insurer's endpoint has been refusing notifications (events recorded, none
 * acknowledged) and right after more doctor changes were committed (perhaps not yet projected: the
 * restarted hub's change capture must replay them). The restarted hub must then deliver every event
 * of each subscription, 1 to the last, at least once and in order, with every doctor's latest
 * version among them; {@code $events} must still tell what the endpoint missed. A hub that kept the
 * events, the numbering or the delivery position in memory would deliver nothing, or start again
 * from 1, after the restart.
 */
class SubscriptionRestartIT {

  private static final String PASSWORD = "subscription-restart-it";
  private static final String INSURER = "subs-restart";
  private static final String SID = "https://docport.org/fhir/sid/practitioner";
  private static final int DOCTORS = 5;
  private static final Duration WAIT = Duration.ofMinutes(2);

  private final int port = HubProcess.freePort();
  private Path log;

  @Test
  void everyEventPendingAtAKillReachesTheEndpointAfterTheRestart() throws Exception {
    try (TestDatabase db = TestDatabase.start();
        InsurerServer insurerServer = InsurerServer.start(0);
        NotificationReceiver receiver = new NotificationReceiver()) {
      log = Files.createTempFile("hub-subscription-restart-it", ".log");
      HubProcess hub = start(db);
      try {
        HubClient api = new HubClient(hub.baseUrl(), "operator", PASSWORD);
        api.post(
                "/api/operator/insurers", SampleInsurers.fhirRest(INSURER, insurerServer.baseUrl()))
            .expect(201);
        IGenericClient fhir = subscriber(api, port, INSURER);
        Map<String, String> subscriptions = new LinkedHashMap<>();
        subscriptions.put(
            "/full", create(fhir, subscription(receiver.url("/full"), "full-resource")));
        subscriptions.put("/ids", create(fhir, subscription(receiver.url("/ids"), "id-only")));
        for (String id : subscriptions.values()) {
          await().atMost(WAIT).until(() -> status(fhir, id) == SubscriptionStatus.ACTIVE);
        }

        // Event 1 is acknowledged; then the endpoint refuses everything.
        List<String> doctors = new ArrayList<>();
        doctors.add(consentedDoctor(api, "Family0"));
        for (String path : subscriptions.keySet()) {
          await().atMost(WAIT).until(() -> numbers(receiver.events(path)).contains(1L));
        }
        receiver.failing(true);
        for (int d = 1; d < DOCTORS; d++) {
          doctors.add(consentedDoctor(api, "Family" + d));
        }
        for (String doctor : doctors) {
          rename(api, doctor, "Renamed");
        }
        // Each doctor's practitioner: created, renamed: two events each at least.
        for (String id : subscriptions.values()) {
          await().atMost(WAIT).until(() -> eventsSinceStart(fhir, id) >= 2L * DOCTORS);
        }
        await().atMost(WAIT).until(() -> receiver.refused() >= subscriptions.size());
        Map<String, Long> recordedBeforeKill = new HashMap<>();
        for (Map.Entry<String, String> s : subscriptions.entrySet()) {
          recordedBeforeKill.put(s.getKey(), eventsSinceStart(fhir, s.getValue()));
        }

        // More changes committed, then the kill at once: some are not projected yet.
        for (String doctor : doctors) {
          rename(api, doctor, "Final");
        }
        for (String id : subscriptions.values()) {
          assertThat(pending(db, id)).as("events of %s pending at the kill", id).isPositive();
        }
        hub.kill9();
        assertThat(numbers(receiver.events("/full")))
            .as("nothing after event 1 was acknowledged before the kill")
            .containsOnly(1L);

        hub = start(db);
        IGenericClient again = subscriber(api, port, INSURER);
        receiver.failing(false);
        Map<String, Long> versions = new HashMap<>();
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(
                () -> {
                  versions.clear();
                  versions.putAll(latestVersions(again, doctors));
                  for (Map.Entry<String, String> s : subscriptions.entrySet()) {
                    List<Received> got = receiver.events(s.getKey());
                    long recorded = eventsSinceStart(again, s.getValue());
                    assertThat(new TreeSet<>(numbers(got)))
                        .as("events acknowledged by %s", s.getKey())
                        .containsAll(range(1, recorded));
                    assertThat(told(got))
                        .as("each doctor's latest version told to %s", s.getKey())
                        .containsAll(
                            versions.entrySet().stream()
                                .map(v -> v.getKey() + "@" + v.getValue())
                                .toList());
                  }
                });

        for (Map.Entry<String, String> s : subscriptions.entrySet()) {
          String path = s.getKey();
          String id = s.getValue();
          List<Received> got = receiver.events(path);
          assertNumberedInOrder(path, got);
          List<Long> all = numbers(got);
          long duplicates = all.size() - new TreeSet<>(all).size();
          System.out.printf(
              "SubscriptionRestartIT %s: %d events, %d notifications, %d duplicate deliveries%n",
              path, new TreeSet<>(all).size(), got.size(), duplicates);
          assertThat(status(again, id)).isEqualTo(SubscriptionStatus.ACTIVE);
          assertThat(pending(db, id)).as("nothing left to send to %s", path).isZero();

          long missedUntil = recordedBeforeKill.get(path);
          Bundle missed = events(again, id, 2, missedUntil);
          Parameters status = (Parameters) missed.getEntryFirstRep().getResource();
          assertThat(status.getParameter("type").getValue()).hasToString("query-event");
          assertThat(eventNumbers(status))
              .as("$events tells what %s missed before the kill", path)
              .containsExactlyElementsOf(range(2, missedUntil));
          assertThat(missed.getEntry().subList(1, missed.getEntry().size()))
              .allSatisfy(e -> assertThat(e.getFullUrl()).contains("/Practitioner/"));
        }
        assertThat(practitioners(events(again, subscriptions.get("/full"), 1, 1)))
            .as("full-resource $events carry the practitioner")
            .hasSize(1);
      } finally {
        hub.close();
      }
    }
  }

  /**
   * Within each notification the events run on without a gap, and {@code
   * events-since-subscription-start} is the last of them; across notifications none is skipped: a
   * notification starts at most one past the highest event acknowledged before it (a repeat after
   * the crash may start lower).
   */
  private static void assertNumberedInOrder(String path, List<Received> notifications) {
    long highest = 0;
    for (Received notification : notifications) {
      List<Long> numbers = notification.eventNumbers();
      assertThat(numbers).as("a notification to %s carries events", path).isNotEmpty();
      assertThat(numbers)
          .as("consecutive events in one notification to %s", path)
          .containsExactlyElementsOf(range(numbers.get(0), numbers.get(numbers.size() - 1)));
      assertThat(
              notification
                  .status()
                  .getParameter("events-since-subscription-start")
                  .getValue()
                  .primitiveValue())
          .as("eventsSinceSubscriptionStart of a notification to %s", path)
          .isEqualTo(Long.toString(numbers.get(numbers.size() - 1)));
      assertThat(numbers.get(0))
          .as("no event skipped before a notification to %s", path)
          .isLessThanOrEqualTo(highest + 1);
      highest = Math.max(highest, numbers.get(numbers.size() - 1));
    }
  }

  /** {@code Practitioner/id@version} of every entry the notifications told. */
  private static Set<String> told(List<Received> notifications) {
    return notifications.stream()
        .flatMap(r -> r.bundle().getEntry().stream().skip(1))
        .map(SubscriptionRestartIT::versionOf)
        .collect(Collectors.toSet());
  }

  private static String versionOf(BundleEntryComponent entry) {
    IdType id = new IdType(entry.getFullUrl());
    String etag = entry.getResponse().getEtag();
    if (etag == null) {
      return "deleted " + id.getValue();
    }
    return "Practitioner/" + id.getIdPart() + "@" + etag.replaceAll("\\D", "");
  }

  /** The version of each doctor's practitioner the insurer's view holds, once it is final. */
  private static Map<String, Long> latestVersions(IGenericClient fhir, List<String> doctors) {
    Map<String, Long> versions = new HashMap<>();
    for (String doctor : doctors) {
      List<Practitioner> found =
          practitioners(
              fhir.search()
                  .byUrl("Practitioner?identifier=" + SID + "|" + doctor)
                  .returnBundle(Bundle.class)
                  .execute());
      assertThat(found).as("practitioner of %s", doctor).hasSize(1);
      Practitioner p = found.get(0);
      assertThat(p.getNameFirstRep().getFamily()).startsWith("Final");
      versions.put("Practitioner/" + p.getIdPart(), Long.parseLong(p.getMeta().getVersionId()));
    }
    return versions;
  }

  private static List<Practitioner> practitioners(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(BundleEntryComponent::getResource)
        .filter(Practitioner.class::isInstance)
        .map(Practitioner.class::cast)
        .toList();
  }

  private static Bundle events(IGenericClient fhir, String id, long since, long until) {
    return fhir.operation()
        .onInstance(new IdType("Subscription", id))
        .named("$events")
        .withParameter(Parameters.class, "eventsSinceNumber", new StringType(Long.toString(since)))
        .andParameter("eventsUntilNumber", new StringType(Long.toString(until)))
        .useHttpGet()
        .returnResourceType(Bundle.class)
        .execute();
  }

  private static List<Long> eventNumbers(Parameters status) {
    return status.getParameter().stream()
        .filter(p -> p.getName().equals("notification-event"))
        .map(p -> Long.parseLong(Received.part(p, "event-number").getValue().primitiveValue()))
        .toList();
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  /** Events recorded for the subscription and not acknowledged by its endpoint, as stored. */
  private static long pending(TestDatabase db, String subscription) throws Exception {
    try (Connection c = db.connect();
        PreparedStatement q =
            c.prepareStatement(
                "select events_since_start - delivered_through from subscription where id = ?")) {
      q.setString(1, subscription);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    }
  }

  private static String consentedDoctor(HubClient api, String family) {
    String id =
        api.post("/api/doctors", SampleDoctors.profile(family))
            .expect(201)
            .body()
            .get("id")
            .asText();
    api.put("/api/operator/consents/" + id + "/" + INSURER, Map.of("status", "ACTIVE"), null)
        .expect(200);
    return id;
  }

  private static void rename(HubClient api, String doctor, String prefix) {
    String etag = api.get("/api/doctors/" + doctor).expect(200).etag();
    api.patch(
            "/api/doctors/" + doctor,
            Map.of("name", Map.of("family", prefix + doctor.substring(0, 8))),
            etag)
        .expect(200);
  }

  private HubProcess start(TestDatabase db) {
    return HubProcess.packaged(db, PASSWORD)
        .with("DOCPORT_SUBSCRIPTIONS_ALLOW_HTTP_LOCALHOST", "true")
        .with("DOCPORT_FHIR_SUBSCRIPTIONS_POLLINTERVAL", "PT0.1S")
        .with("DOCPORT_FHIR_SUBSCRIPTIONS_FIRSTRETRY", "PT0.2S")
        .with("DOCPORT_FHIR_SUBSCRIPTIONS_MAXRETRY", "PT1S")
        .with("DOCPORT_FHIR_SUBSCRIPTIONS_CONNECTTIMEOUT", "PT1S")
        .with("DOCPORT_FHIR_SUBSCRIPTIONS_REQUESTTIMEOUT", "PT2S")
        // Several notifications for the backlog, so their numbering is checked across them.
        .with("DOCPORT_FHIR_SUBSCRIPTIONS_MAXEVENTS", "3")
        .maxHeap("512m")
        .start(port, log);
  }
}
