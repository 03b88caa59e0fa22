package org.docport.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.docport.insurersim.InsurerServer;
import org.docport.testkit.HubClient;
import org.docport.testkit.HubProcess;
import org.docport.testkit.TestDatabase;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;

/**
 * Two hub replicas on one database: exactly one captures changes, and when it is killed with
 * SIGKILL the standby takes over within seconds, so changes keep flowing; deliveries the dead
 * replica had in flight are finished by the standby, and no doctor's versions reach the insurer out
 * of order.
 */
class StandbyTakeoverIT {

  private static final String PASSWORD = "standby-test-operator";
  private static final int BURST_DOCTORS = 20;
  private static final int EDITS = 5;

  @Test
  void theStandbyCapturesAndDeliversOnceTheActiveReplicaIsKilled() throws Exception {
    try (TestDatabase db = TestDatabase.start();
        InsurerServer insurer = InsurerServer.start(0)) {
      Path log = Files.createTempFile("hub-standby-it", ".log");
      HubProcess active = start(db, log, HubProcess.freePort(), true);
      HubProcess standby = start(db, log, HubProcess.freePort(), false);
      try {
        HubClient viaActive = new HubClient(active.baseUrl(), "operator", PASSWORD);
        HubClient viaStandby = new HubClient(standby.baseUrl(), "operator", PASSWORD);
        assertThat(role(active)).isEqualTo("CAPTURING");
        assertThat(role(standby)).isEqualTo("STANDBY");

        // Registered through the replica about to die: the standby learns of the insurer from
        // the registry, not from the request.
        viaActive
            .post(
                "/api/operator/insurers",
                Map.of(
                    "id",
                    "standby-ins",
                    "name",
                    "Standby Insurer",
                    "networks",
                    List.of(Map.of("id", "gold", "name", "Gold")),
                    "connector",
                    Map.of("kind", "fhir-rest", "baseUrl", insurer.baseUrl())))
            .expect(201);
        String doctor =
            viaStandby
                .post("/api/doctors", SampleDoctors.profile("Before"))
                .expect(201)
                .body()
                .get("id")
                .asText();
        viaActive
            .put(
                "/api/operator/consents/" + doctor + "/standby-ins",
                Map.of("status", "ACTIVE"),
                null)
            .expect(200);
        // Delivered in full, with its receipt: no claim of the dying replica holds the pair (a
        // claim in flight would hold it until its lease ran out, as HubCrashIT shows).
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    viaStandby
                        .get("/api/operator/insurers/standby-ins/receipts/" + doctor)
                        .body()
                        .path("state")
                        .asText()
                        .equals("DELIVERED"));
        assertThat(familyAt(insurer, doctor)).contains("Before");

        // Now a burst through the standby, with the insurer slow enough that writes of both
        // replicas are in flight when the active one dies.
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < BURST_DOCTORS; i++) {
          String id =
              viaStandby
                  .post("/api/doctors", SampleDoctors.profile("Burst" + i))
                  .expect(201)
                  .body()
                  .get("id")
                  .asText();
          viaStandby
              .put(
                  "/api/operator/consents/" + id + "/standby-ins", Map.of("status", "ACTIVE"), null)
              .expect(200);
          burst.add(id);
        }
        insurer.setWriteLatency(Duration.ofMillis(200));
        ExecutorService editor = Executors.newSingleThreadExecutor();
        Future<?> edits = editor.submit(() -> editEach(viaStandby, burst));
        await().atMost(Duration.ofSeconds(60)).until(() -> !insurer.writesInFlight().isEmpty());

        active.kill9();
        await().atMost(Duration.ofSeconds(30)).until(() -> "CAPTURING".equals(role(standby)));
        edits.get(2, TimeUnit.MINUTES);
        editor.shutdown();
        insurer.setWriteLatency(Duration.ZERO);
        // The dead replica's claims run out (lease 6 s) and the standby delivers what they held.
        await()
            .atMost(Duration.ofSeconds(90))
            .untilAsserted(
                () ->
                    assertThat(burst)
                        .allSatisfy(
                            id ->
                                assertThat(familyAt(insurer, id))
                                    .as("doctor %s at the insurer", id)
                                    .contains("Burst-" + EDITS)));
        WriteOrder.assertNeverStale(insurer);

        viaStandby
            .patch("/api/doctors/" + doctor, Map.of("name", Map.of("family", "After")), "\"1\"")
            .expect(200);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> familyAt(insurer, doctor).equals(Optional.of("After")));
      } finally {
        standby.close();
        active.close();
      }
    }
  }

  /** Renames each doctor {@link #EDITS} times, one version at a time. */
  private static void editEach(HubClient api, List<String> doctors) {
    Map<String, String> etags = new HashMap<>();
    for (int round = 1; round <= EDITS; round++) {
      for (String doctor : doctors) {
        String etag = etags.getOrDefault(doctor, "\"1\"");
        etags.put(
            doctor,
            api.patch(
                    "/api/doctors/" + doctor,
                    Map.of("name", Map.of("family", "Burst-" + round)),
                    etag)
                .expect(200)
                .etag());
      }
    }
  }

  private static HubProcess start(TestDatabase db, Path log, int port, boolean capturing) {
    HubProcess.Packaged hub =
        HubProcess.packaged(db, PASSWORD)
            .with("DOCPORT_DELIVERY_INSURER_REFRESH", "PT1S")
            .with("DOCPORT_DELIVERY_LEASE", "6s")
            .with("DOCPORT_DELIVERY_HTTPSOCKETTIMEOUT", "3s")
            .maxHeap("384m");
    return (capturing ? hub : hub.standby()).start(port, log);
  }

  private static String role(HubProcess hub) {
    JsonNode health =
        new HubClient(hub.baseUrl(), "operator", PASSWORD).get("/actuator/health").body();
    return health.at("/components/changeCapture/details/role").asText();
  }

  private static Optional<String> familyAt(InsurerServer insurer, String doctor) {
    return insurer
        .findByIdentifier(Practitioner.class, "https://docport.org/fhir/sid/practitioner", doctor)
        .map(p -> p.getNameFirstRep().getFamily());
  }
}
