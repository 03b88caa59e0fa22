package org.docport.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docport.insurersim.InsurerServer;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.testkit.HubClient;
import org.docport.testkit.HubProcess;
import org.docport.testkit.TestDatabase;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged hub is killed with SIGKILL right after an operator edits an insurer, before the
 * insurer (down at that moment) can have received anything of the edit: once the hub is started
 * again and the insurer is back, the insurer holds its new Organization and InsurancePlan, exactly
 * one of each, and the receipt of its own resources is at the edit's version.
 */
class InsurerEditRestartIT {

  private static final String OPERATOR_PASSWORD = "insurer-edit-operator";
  private static final String INSURER = "edited";

  private TestDatabase db;
  private InsurerServer insurer;
  private HubProcess hub;
  private Path log;
  private int port;

  @BeforeEach
  void start() throws IOException {
    db = TestDatabase.start();
    insurer = InsurerServer.start(0);
    log = Files.createTempFile("insurer-edit-restart-it", ".log");
    port = HubProcess.freePort();
    hub = startHub();
  }

  @AfterEach
  void stop() {
    if (hub != null) {
      hub.close();
    }
    insurer.close();
    db.close();
  }

  @Test
  void anEditIsDeliveredAfterTheHubIsKilledRightAfterIt() throws Exception {
    HubClient api = new HubClient(hub.baseUrl(), "operator", OPERATOR_PASSWORD);
    api.post("/api/operator/insurers", SampleInsurers.fhirRest(INSURER, insurer.baseUrl()))
        .expect(201);
    for (String family : List.of("Rao", "Sen")) {
      String doctor =
          api.post("/api/doctors", SampleDoctors.profile(family))
              .expect(201)
              .body()
              .get("id")
              .asText();
      api.put("/api/operator/consents/" + doctor + "/" + INSURER, Map.of("status", "ACTIVE"), null)
          .expect(200);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  api.get("/api/operator/insurers/" + INSURER + "/receipts/" + doctor)
                      .body()
                      .path("state")
                      .asText()
                      .equals("DELIVERED"));
    }
    assertThat(organization()).isEmpty();
    insurer.failAlways(503);

    api.patch(
            "/api/operator/insurers/" + INSURER,
            Map.of(
                "address",
                Map.of("lines", List.of("1 MG Road"), "city", "Pune", "country", "IN"),
                "networks",
                List.of(Map.of("id", "gold", "productType", "commhmo"))),
            null)
        .expect(200);
    hub.kill9();
    insurer.healthy();
    hub = startHub();

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                organization()
                        .map(o -> o.getAddressFirstRep().getCity())
                        .equals(Optional.of("Pune"))
                    && productType().equals(Optional.of("commhmo")));
    assertThat(insurer.all(Organization.class))
        .filteredOn(o -> BusinessIdentifiers.of(o).getSystem().equals(BusinessIdentifiers.INSURER))
        .hasSize(1);
    assertThat(insurer.all(InsurancePlan.class)).hasSize(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> ownReceiptAtCurrentVersion());
  }

  private Optional<Organization> organization() {
    return insurer.findByIdentifier(Organization.class, BusinessIdentifiers.INSURER, INSURER);
  }

  private Optional<String> productType() {
    return insurer
        .findByIdentifier(
            InsurancePlan.class, BusinessIdentifiers.INSURANCE_PLAN, INSURER + "/gold")
        .map(p -> p.getTypeFirstRep().getCodingFirstRep().getCode());
  }

  /** The receipt of the insurer's own resources holds the insurer profile's current version. */
  private boolean ownReceiptAtCurrentVersion() throws Exception {
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select d.state = 'DELIVERED' and d.delivered_version = i.version"
                        + " from delivery d join insurer i on i.id = d.insurer_id"
                        + " where d.insurer_id = '"
                        + INSURER
                        + "' and d.doctor_id = '00000000-0000-0000-0000-000000000000'")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private HubProcess startHub() {
    return HubProcess.packaged(db, OPERATOR_PASSWORD)
        .with("DOCPORT_DELIVERY_LEASE", "5s")
        .with("DOCPORT_DELIVERY_HTTPSOCKETTIMEOUT", "2s")
        .maxHeap("512m")
        .start(port, log);
  }
}
