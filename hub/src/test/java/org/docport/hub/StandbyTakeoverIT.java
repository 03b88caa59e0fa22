package org.docport.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docport.insurersim.InsurerServer;
import org.docport.testkit.HubClient;
import org.docport.testkit.HubProcess;
import org.docport.testkit.TestDatabase;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;

/**
 * Two hub replicas on one database: exactly one captures changes, and when it is killed with
 * SIGKILL the standby takes over within seconds, so changes keep flowing.
 */
class StandbyTakeoverIT {

  private static final String PASSWORD = "standby-test-operator";

  @Test
  void theStandbyCapturesAndDeliversOnceTheActiveReplicaIsKilled() throws IOException {
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

        active.kill9();
        await().atMost(Duration.ofSeconds(30)).until(() -> "CAPTURING".equals(role(standby)));

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

  private static HubProcess start(TestDatabase db, Path log, int port, boolean capturing) {
    return HubProcess.start(
        Path.of(System.getProperty("docport.hub.jar")),
        port,
        db.hubEnvironment(
            Map.of(
                "DOCPORT_OPERATOR_PASSWORD", PASSWORD, "DOCPORT_DELIVERY_INSURER_REFRESH", "PT1S")),
        log,
        List.of("-Xmx384m"),
        capturing);
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
