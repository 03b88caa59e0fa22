package org.docport.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.docport.hub.HubTest;
import org.docport.testkit.RosterInbox;
import org.docport.testkit.SftpTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An insurer that takes roster files over SFTP, registered through the operators' API: a consenting
 * doctor's changes reach its server in the next delta file, receipted once the file is complete,
 * mapped with the insurer's code maps like every other kind's deliveries.
 */
class SftpRosterDeliveryTest extends HubTest {

  private static final Duration PLANNED = Duration.ofSeconds(20);
  private static SftpTestServer sftp;

  @BeforeAll
  static void startSftpServer() throws IOException {
    sftp = SftpTestServer.start(Files.createTempDirectory("roster-sftp"));
    Files.createDirectories(sftp.root().resolve("inbound"));
  }

  @AfterAll
  static void stopSftpServer() {
    sftp.close();
  }

  @Test
  void aConsentingDoctorsChangesReachTheInsurerInTheNextDeltaFile() throws IOException {
    Insurer insurer = rosterInsurer();
    JsonNode read = operator().get("/api/operator/insurers/" + insurer.id()).expect(200).body();
    assertThat(read.at("/connector/sftp/password").asText()).isEqualTo("***");
    assertThat(read.toString()).doesNotContain(SftpTestServer.PASSWORD);

    String doctor = createDoctor("Roster");
    consent(doctor, insurer, "ACTIVE");
    awaitState(insurer, doctor, "PENDING");

    List<String> rows = delta(insurer);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(1)).startsWith(doctor + ",").contains(",ACTIVE,").contains(",Roster,");
    JsonNode receipt = receipt(insurer, doctor);
    assertThat(receipt.get("state").asText()).isEqualTo("DELIVERED");
    long delivered = receipt.get("deliveredVersion").asLong();
    assertThat(rows.get(1)).startsWith(doctor + "," + delivered + ",");

    operator()
        .patch(
            "/api/doctors/" + doctor,
            Map.of("name", Map.of("family", "Roster-Moved")),
            "\"" + delivered + "\"")
        .expect(200);
    awaitState(insurer, doctor, "PENDING");

    List<String> changed = delta(insurer);

    assertThat(changed).hasSize(2);
    assertThat(changed.get(1)).startsWith(doctor + "," + (delivered + 1) + ",");
    assertThat(changed.get(1)).contains(",Roster-Moved,");
    assertThat(receipt(insurer, doctor).get("deliveredVersion").asLong()).isEqualTo(delivered + 1);
    assertThat(
            operator()
                .post("/api/operator/insurers/" + insurer.id() + "/runs/weekly", Map.of())
                .status())
        .isEqualTo(400);
  }

  @Test
  void theRosterCarriesTheInsurersOwnSpecialtyCodesAndListsTheOnesItsCodeMapLacks()
      throws IOException {
    Insurer insurer = rosterInsurer();
    String doctor = createDoctor("Coded");
    consent(doctor, insurer, "ACTIVE");
    awaitState(insurer, doctor, "PENDING");

    // A code map that covers NUCC but not the doctor's code: the code as registered, and listed.
    codeMap(insurer, "208D00000X", "GP");
    List<String> rows = delta(insurer);

    assertThat(cell(rows, doctor, "specialty_codes")).isEqualTo("207Q00000X");
    assertThat(unmapped(insurer))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.get("doctorId").asText()).isEqualTo(doctor);
              assertThat(u.get("code").asText()).isEqualTo("207Q00000X");
              assertThat(u.get("system").asText()).isEqualTo(OperatorCodeMaps.NUCC);
            });

    // The operator completes the map: the doctor goes again, under the insurer's own code.
    codeMap(insurer, "207Q00000X", "FAM");
    awaitState(insurer, doctor, "PENDING");
    List<String> mapped = delta(insurer);

    assertThat(cell(mapped, doctor, "specialty_codes")).isEqualTo("FAM");
    assertThat(cell(mapped, doctor, "family_name")).isEqualTo("Coded");
    assertThat(unmapped(insurer)).isEmpty();
  }

  @Test
  void theOperatorSeesEachScheduledRunAndHowItEnded() {
    Insurer insurer = insurerWithConnector(rosterConnector(sftp, "* * * * * *"));
    String doctor = createDoctor("Scheduled");
    consent(doctor, insurer, "ACTIVE");

    awaitState(insurer, doctor, "DELIVERED");
    await().atMost(PLANNED).until(() -> completed(runs(insurer, 5)).size() >= 2);
    JsonNode latest = runs(insurer, 5);

    assertThat(latest.size()).isBetween(2, 5);
    JsonNode completed = completed(latest).get(0);
    assertThat(completed.get("run").asText()).isEqualTo("delta");
    assertThat(completed.get("attempts").asInt()).isEqualTo(1);
    assertThat(completed.hasNonNull("lastError")).isFalse();
    assertThat(Instant.parse(latest.get(0).get("dueAt").asText()))
        .isAfter(Instant.parse(latest.get(1).get("dueAt").asText()));
    assertThat(operator().get("/api/operator/insurers/" + insurer.id() + "/runs?limit=0").status())
        .isEqualTo(400);
  }

  @Test
  void anInsurerThatTakesEachChangeOnItsOwnHasNoRuns() {
    Insurer insurer = insurer();
    assertThat(runs(insurer, 20).isEmpty()).isTrue();

    assertThat(
            operator()
                .post("/api/operator/insurers/" + insurer.id() + "/runs/delta", Map.of())
                .status())
        .isEqualTo(409);
  }

  /**
   * An sftp-roster insurer on the test server, in layout v1; its schedule never comes in a test.
   */
  private Insurer rosterInsurer() {
    return insurerWithConnector(rosterConnector(sftp, "0 0 0 1 1 *"));
  }

  /** The settings of an sftp-roster insurer on this test server, its deltas on this schedule. */
  static Map<String, Object> rosterConnector(SftpTestServer sftp, String deltaSchedule) {
    return Map.of(
        "kind",
        "sftp-roster",
        "baseUrl",
        sftp.url("inbound"),
        "sftp",
        Map.of(
            "username",
            SftpTestServer.USER,
            "password",
            SftpTestServer.PASSWORD,
            "hostKey",
            sftp.hostKey(),
            "deltaSchedule",
            deltaSchedule));
  }

  private static List<JsonNode> completed(JsonNode runs) {
    List<JsonNode> completed = new ArrayList<>();
    runs.forEach(
        run -> {
          if (run.hasNonNull("completedAt")) {
            completed.add(run);
          }
        });
    return completed;
  }

  private JsonNode runs(Insurer insurer, int limit) {
    return operator()
        .get("/api/operator/insurers/" + insurer.id() + "/runs?limit=" + limit)
        .expect(200)
        .body();
  }

  /** Uploads, or replaces, the insurer's one code map: the NUCC {@code code} to {@code target}. */
  private void codeMap(Insurer insurer, String code, String target) {
    OperatorCodeMaps.put(operator(), insurer.id(), "specialties", code, target);
  }

  private List<JsonNode> unmapped(Insurer insurer) {
    return OperatorCodeMaps.unmapped(operator(), insurer.id());
  }

  /** The doctor's {@code column} in the CSV's rows (header first), found by the header's name. */
  private static String cell(List<String> rows, String doctor, String column) {
    int index = fields(rows.get(0)).indexOf(column);
    return rows.stream()
        .skip(1)
        .map(SftpRosterDeliveryTest::fields)
        .filter(f -> f.get(fields(rows.get(0)).indexOf("doctor_id")).equals(doctor))
        .findFirst()
        .orElseThrow()
        .get(index);
  }

  /** One CSV record's fields. */
  private static List<String> fields(String record) {
    return RosterInbox.parse(record).get(0);
  }

  /** Runs the delta now and answers the rows of the CSV it completed, header first. */
  private List<String> delta(Insurer insurer) throws IOException {
    JsonNode report =
        operator()
            .post("/api/operator/insurers/" + insurer.id() + "/runs/delta", Map.of())
            .expect(200)
            .body();
    String file = report.at("/files/0").asText();
    Path csv = sftp.root().resolve("inbound").resolve(file);
    assertThat(sftp.root().resolve("inbound").resolve(file.replace(".csv", ".manifest.json")))
        .exists();
    return List.of(Files.readString(csv, StandardCharsets.UTF_8).split("\r\n"));
  }

  private void awaitState(Insurer insurer, String doctor, String state) {
    await()
        .atMost(PLANNED)
        .until(
            () -> {
              var response =
                  operator().get("/api/operator/insurers/" + insurer.id() + "/receipts/" + doctor);
              return response.status() == 200
                  && state.equals(response.body().get("state").asText());
            });
  }
}
