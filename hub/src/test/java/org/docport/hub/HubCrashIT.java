package org.docport.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.docport.insurersim.InsurerServer;
import org.docport.testkit.HubClient;
import org.docport.testkit.HubProcess;
import org.docport.testkit.TestDatabase;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged hub is killed with SIGKILL in the middle of a burst of 1,000 updates across 100
 * doctors, then started again: every insurer must end up holding exactly the latest version of
 * every doctor (practitioner, location and role), none missing, none duplicated, and no doctor's
 * versions may have arrived out of order.
 */
class HubCrashIT {

  private static final String OPERATOR_PASSWORD = "crash-test-operator";
  private static final int DOCTORS = 100;
  private static final int UPDATES_PER_DOCTOR = 10;
  private static final int CLIENTS = 4;

  private TestDatabase db;
  private final List<InsurerServer> insurers = new ArrayList<>();
  private HubProcess hub;
  private Path log;
  private int port;

  @BeforeEach
  void start() throws IOException {
    db = TestDatabase.start();
    insurers.add(InsurerServer.start(0));
    insurers.add(InsurerServer.start(0));
    log = Files.createTempFile("hub-crash-it", ".log");
    port = HubProcess.freePort();
    hub = startHub();
  }

  @AfterEach
  void stop() {
    if (hub != null) {
      hub.close();
    }
    insurers.forEach(InsurerServer::close);
    db.close();
  }

  @Test
  void everyInsurerEndsWithTheLatestVersionOfEveryDoctorAfterAKillDuringABurst() throws Exception {
    HubClient api = new HubClient(hub.baseUrl(), "operator", OPERATOR_PASSWORD);
    for (int i = 0; i < insurers.size(); i++) {
      api.post(
              "/api/operator/insurers",
              SampleInsurers.fhirRest("crash-" + i, insurers.get(i).baseUrl()))
          .expect(201);
    }
    List<String> doctors = new ArrayList<>();
    for (int d = 0; d < DOCTORS; d++) {
      String id =
          api.post("/api/doctors", SampleDoctors.profile("Doctor" + d))
              .expect(201)
              .body()
              .get("id")
              .asText();
      doctors.add(id);
      for (int i = 0; i < insurers.size(); i++) {
        api.put("/api/operator/consents/" + id + "/crash-" + i, Map.of("status", "ACTIVE"), null)
            .expect(200);
      }
    }

    CountDownLatch thirdDone = new CountDownLatch(DOCTORS * UPDATES_PER_DOCTOR / 3);
    AtomicInteger committed = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> work = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      List<String> mine = doctors.subList(c * DOCTORS / CLIENTS, (c + 1) * DOCTORS / CLIENTS);
      work.add(clients.submit(() -> updateAll(api, mine, thirdDone, committed)));
    }

    assertThat(thirdDone.await(5, TimeUnit.MINUTES)).isTrue();
    hub.kill9();
    hub = startHub();
    for (Future<?> f : work) {
      f.get(10, TimeUnit.MINUTES);
    }
    clients.shutdown();
    assertThat(committed.get()).isEqualTo(DOCTORS * UPDATES_PER_DOCTOR);

    Map<String, String> latest = latestSuffixes();
    assertThat(latest)
        .hasSize(DOCTORS)
        .allSatisfy((id, suffix) -> assertThat(suffix).isEqualTo("u" + UPDATES_PER_DOCTOR));
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (InsurerServer insurer : insurers) {
                for (String doctor : doctors) {
                  assertThat(suffixAt(insurer, doctor))
                      .as("doctor %s at %s", doctor, insurer.baseUrl())
                      .isEqualTo(latest.get(doctor));
                }
              }
            });
    for (InsurerServer insurer : insurers) {
      // One practitioner, one practice location and one role per doctor: nothing duplicated by
      // the replay after the kill, nothing left half-written.
      assertThat(insurer.all(Practitioner.class)).hasSize(DOCTORS);
      assertThat(insurer.all(Location.class)).hasSize(DOCTORS);
      assertThat(insurer.all(PractitionerRole.class)).hasSize(DOCTORS);
      WriteOrder.assertNeverStale(insurer);
    }
    assertThat(undeliveredReceipts()).isZero();
  }

  /** One client: its doctors' updates in order, riding out the hub's death and restart. */
  private void updateAll(
      HubClient api, List<String> doctors, CountDownLatch progress, AtomicInteger committed) {
    Map<String, String> etags = new HashMap<>();
    for (int round = 1; round <= UPDATES_PER_DOCTOR; round++) {
      for (String doctor : doctors) {
        String suffix = "u" + round;
        for (int attempt = 1; ; attempt++) {
          assertThat(attempt).as("attempts to update %s", doctor).isLessThan(50);
          try {
            String etag =
                etags.computeIfAbsent(doctor, d -> api.get("/api/doctors/" + d).expect(200).etag());
            HubClient.Response r =
                api.patch("/api/doctors/" + doctor, Map.of("name", Map.of("suffix", suffix)), etag);
            if (r.status() == 200) {
              etags.put(doctor, r.etag());
              break;
            }
            // Only a stale ETag is expected: the update may have committed just before the kill.
            // Any other answer is a hub that is up and wrong, not a hub that is down.
            r.expect(412);
            HubClient.Response current = api.get("/api/doctors/" + doctor).expect(200);
            etags.put(doctor, current.etag());
            if (suffix.equals(current.body().at("/name/suffix").asText())) {
              break;
            }
          } catch (UncheckedIOException hubDown) {
            // No connection (or a connection cut mid-answer): the hub is down or restarting.
            etags.remove(doctor);
            await()
                .atMost(Duration.ofMinutes(3))
                .ignoreExceptions()
                .until(() -> api.get("/actuator/health").status() == 200);
          }
        }
        committed.incrementAndGet();
        progress.countDown();
      }
    }
  }

  private HubProcess startHub() {
    return HubProcess.packaged(db, OPERATOR_PASSWORD)
        .with("DOCPORT_DELIVERY_LEASE", "5s")
        .with("DOCPORT_DELIVERY_HTTPSOCKETTIMEOUT", "2s")
        .maxHeap("512m")
        .start(port, log);
  }

  private Map<String, String> latestSuffixes() throws Exception {
    Map<String, String> latest = new HashMap<>();
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement().executeQuery("select id, profile->'name'->>'suffix' from doctor")) {
      while (rs.next()) {
        latest.put(rs.getString(1), rs.getString(2));
      }
    }
    return latest;
  }

  private long undeliveredReceipts() throws Exception {
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select count(*) from delivery d join doctor doc on doc.id = d.doctor_id"
                        + " where d.state <> 'DELIVERED' or d.delivered_version <> doc.version")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String suffixAt(InsurerServer insurer, String doctor) {
    return insurer
        .findByIdentifier(Practitioner.class, "https://docport.org/fhir/sid/practitioner", doctor)
        .map(p -> p.getNameFirstRep().getSuffixAsSingleString())
        .orElse(null);
  }
}
