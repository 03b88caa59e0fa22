package org.docport.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.docport.connectors.ConnectorSettings.Sftp.RosterColumn;
import org.docport.connectors.delivery.Backoff;
import org.docport.connectors.delivery.DeliveryDispatcher;
import org.docport.connectors.delivery.RunLedger;
import org.docport.connectors.delivery.RunLedger.HeldRun;
import org.docport.connectors.delivery.RunLedger.RunEntry;
import org.docport.connectors.sftp.SftpRosterWriter;
import org.docport.mappings.MappingProfile;
import org.docport.mappings.codes.CodeMap;
import org.docport.mappings.codes.UnmappedCode;
import org.docport.mappings.document.RosterRow;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.testkit.SftpTestServer;
import org.docport.testkit.SftpTestServer.FileEvent;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations;
import org.junit.jupiter.api.Test;

class SftpRosterDeliveryTest extends RosterTestSupport {

  private static final String DELTA = SftpRosterWriter.DELTA;
  private static final String FULL = SftpRosterWriter.FULL;

  @Test
  void aDeltaListsExactlyTheChangedDoctorsAtTheirCurrentVersions() {
    DoctorSnapshot a = Doctors.doctor(UUID.randomUUID(), 1, "a1");
    DoctorSnapshot b = Doctors.doctor(UUID.randomUUID(), 1, "b1", "b2");
    changed(a);
    changed(b);
    run(DELTA);
    sftp.clearEvents();

    // b changed twice before the next delta: the file carries b as it is now, once.
    changed(Doctors.doctor(b.id(), 2, "b1"));
    subjects.consent(Doctors.ACME, Doctors.doctor(b.id(), 3, "b1"));
    RunReport report = run(DELTA);

    String file = report.files().get(0);
    List<List<String>> rows = csv(file);
    assertThat(rows.get(0)).isEqualTo(RosterRow.COLUMNS);
    assertThat(rows.subList(1, rows.size()))
        .extracting(r -> r.get(0), r -> r.get(1), r -> r.get(2), r -> r.get(3))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(b.id().toString(), "3", "ACTIVE", "b1"));
    assertThat(delivery(b.id()))
        .containsEntry("state", "DELIVERED")
        .containsEntry("delivered_version", 3L);
    assertThat(delivery(a.id())).containsEntry("delivered_version", 1L);
    assertThat(run(DELTA).files()).as("nothing is due any more").isEmpty();
  }

  @Test
  void theRowsCarryTheInsurersOwnSpecialtyCodesAndTheOnesItsCodeMapLacksAreReported() {
    DoctorSnapshot a = Doctors.doctor(UUID.randomUUID(), 1, "a1"); // NUCC 207RC0000X
    subjects.mapping(Doctors.INSURER_ID, specialtyMap("208D00000X", "GP"));
    changed(a);

    String file = run(DELTA).files().get(0);

    assertThat(csv(file).get(1).get(RosterRow.COLUMNS.indexOf("specialty_codes")))
        .isEqualTo("207RC0000X");
    assertThat(subjects.unmappedReports)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.listed()).containsExactly(a.id());
              assertThat(r.found().get(a.id()))
                  .extracting(UnmappedCode::code)
                  .containsExactly("207RC0000X");
            });

    subjects.mapping(Doctors.INSURER_ID, specialtyMap("207RC0000X", "CARD"));
    changed(Doctors.doctor(a.id(), 2, "a1"));
    String mapped = run(FULL).files().get(0);

    assertThat(csv(mapped).get(1).get(RosterRow.COLUMNS.indexOf("specialty_codes")))
        .isEqualTo("CARD");
    assertThat(subjects.unmappedReports.get(1).listed())
        .as("a full roster replaces what is known of every doctor of the insurer")
        .isNull();
    assertThat(subjects.unmappedReports.get(1).found()).isEmpty();
  }

  /** A docport-json insurer's code map: the NUCC {@code code} to its own {@code target}. */
  private static MappingChoice specialtyMap(String code, String target) {
    ConceptMap map = new ConceptMap();
    map.setStatus(Enumerations.PublicationStatus.ACTIVE);
    ConceptMap.ConceptMapGroupComponent group = map.addGroup();
    group.setSource("http://nucc.org/provider-taxonomy");
    group.setTarget("https://acme.example/specialties");
    group
        .addElement()
        .setCode(code)
        .addTarget()
        .setCode(target)
        .setEquivalence(Enumerations.ConceptMapEquivalence.EQUIVALENT);
    return new MappingChoice(MappingProfile.DOCPORT_JSON, CodeMap.of(map));
  }

  @Test
  void aFullRosterListsEveryDoctorTheInsurerMaySeeAndNoOther() {
    DoctorSnapshot a = Doctors.doctor(UUID.randomUUID(), 4, "a1");
    DoctorSnapshot b = Doctors.doctor(UUID.randomUUID(), 2);
    DoctorSnapshot elsewhere = Doctors.doctor(UUID.randomUUID(), 1, "e1");
    changed(a);
    run(DELTA); // a is delivered already; b is due; elsewhere consented to another insurer only
    changed(b);
    subjects.consent(new InsurerContext("other", "Other Health", null, List.of()), elsewhere);

    RunReport report = run(FULL);

    String file = report.files().get(0);
    assertThat(file).contains("_full_");
    List<List<String>> rows = csv(file);
    assertThat(rows.subList(1, rows.size()))
        .extracting(r -> r.get(0))
        .containsExactlyInAnyOrder(a.id().toString(), b.id().toString());
    assertThat(manifest(file)).containsEntry("kind", FULL).containsEntry("rows", 2);
    assertThat(delivery(b.id())).containsEntry("state", "DELIVERED");
  }

  @Test
  void theManifestCountsTheRowsAndCarriesTheCsvChecksum() throws Exception {
    changed(Doctors.doctor(UUID.randomUUID(), 1, "a1", "a2"));
    changed(Doctors.doctor(UUID.randomUUID(), 1, "b1"));

    String file = run(DELTA).files().get(0);

    byte[] csv = text(file).getBytes(StandardCharsets.UTF_8);
    Map<String, Object> manifest = manifest(file);
    assertThat(manifest)
        .containsEntry("layout", RosterRow.LAYOUT)
        .containsEntry("kind", DELTA)
        .containsEntry("file", file)
        .containsEntry("rows", 3)
        .containsEntry("doctors", 2)
        .containsEntry("bytes", csv.length)
        .containsEntry(
            "sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv)));
    assertThat(lines(file)).hasSize(4);
    assertThat(((Number) manifest.get("sequence")).longValue()).isPositive();
    assertThat(run(FULL).files().get(0))
        .as("the next file has the next number")
        .contains("_%08d_".formatted(((Number) manifest.get("sequence")).longValue() + 1));
  }

  @Test
  void aReaderNeverSeesAPartialFileUnderItsRealName() {
    changed(Doctors.doctor(UUID.randomUUID(), 1, "a1"));

    String file = run(DELTA).files().get(0);

    String csv = DIRECTORY + "/" + file;
    String manifest = csv.replace(".csv", ".manifest.json");
    assertThat(sftp.events())
        .containsExactly(
            new FileEvent("write", csv + ".part", null),
            new FileEvent("closed", csv + ".part", null),
            new FileEvent("renamed", csv + ".part", csv),
            new FileEvent("write", manifest + ".part", null),
            new FileEvent("closed", manifest + ".part", null),
            new FileEvent("renamed", manifest + ".part", manifest));
    assertThat(files()).containsExactly(file, file.replace(".csv", ".manifest.json"));
  }

  @Test
  void whenTheServerIsDownNothingIsReceiptedAndTheNextRunSendsThePairs() {
    DoctorSnapshot a = Doctors.doctor(UUID.randomUUID(), 1, "a1");
    changed(a);
    sftp.stop();

    Throwable failure = catchThrowable(() -> run(DELTA));

    assertThat(failure)
        .isInstanceOf(RetryableDeliveryException.class)
        .hasMessageContaining("could not reach the SFTP server");
    assertThat(delivery(a.id()))
        .containsEntry("state", "PENDING")
        .containsEntry("delivered_version", null)
        .containsEntry("attempts", 1)
        .containsEntry("lease_until", null);

    sftp.restart();
    String file = run(DELTA).files().get(0);

    assertThat(csv(file).get(1).get(0)).isEqualTo(a.id().toString());
    assertThat(delivery(a.id())).containsEntry("state", "DELIVERED").containsEntry("attempts", 0);
  }

  @Test
  void aFailedUploadLeavesNoFileUnderItsRealNameAndReceiptsNothing() {
    DoctorSnapshot a = Doctors.doctor(UUID.randomUUID(), 1, "a1");
    changed(a);
    sftp.refuseWrites(true);

    assertThat(catchThrowable(() -> run(DELTA))).isInstanceOf(RetryableDeliveryException.class);

    assertThat(files()).noneMatch(f -> f.endsWith(".csv") || f.endsWith(".json"));
    assertThat(delivery(a.id())).containsEntry("state", "PENDING").containsEntry("attempts", 1);
  }

  @Test
  void aServerWithAnotherHostKeyIsRefusedWithAClearMessageAndNothingIsSent() {
    connectors.connect(Doctors.INSURER_ID, settings(SftpTestServer.someOtherHostKey(), null));
    DoctorSnapshot a = Doctors.doctor(UUID.randomUUID(), 1, "a1");
    changed(a);

    Throwable failure = catchThrowable(() -> run(DELTA));

    assertThat(failure)
        .hasMessageContaining("did not present the host key in sftp.hostKey (SHA256:")
        .hasMessageContaining("nothing was sent");
    assertThat(files()).isEmpty();
    assertThat(sftp.events()).isEmpty();
    assertThat(delivery(a.id())).containsEntry("state", "PENDING");
    assertThat(
            ConnectorKinds.connectionProblem(
                services, Doctors.INSURER_ID, settings(SftpTestServer.someOtherHostKey(), null)))
        .hasValueSatisfying(p -> assertThat(p).contains("did not present the host key"));
  }

  @Test
  void theConnectionTestLogsInAndListsTheDirectoryWithoutWritingAnything() {
    assertThat(
            ConnectorKinds.connectionProblem(
                services, Doctors.INSURER_ID, settings(sftp.hostKey(), null)))
        .isEmpty();
    assertThat(sftp.events()).isEmpty();

    var wrongPassword =
        ConnectorSettings.sftpRoster(
            sftp.url(DIRECTORY),
            new ConnectorSettings.Sftp(
                SftpTestServer.USER,
                "wrong",
                null,
                null,
                sftp.hostKey(),
                "@hourly",
                null,
                null,
                null));
    assertThat(ConnectorKinds.connectionProblem(services, Doctors.INSURER_ID, wrongPassword))
        .hasValueSatisfying(p -> assertThat(p).contains("refused the login of 'insurer'"));
  }

  @Test
  void aWithdrawalSendsTheDoctorsWithdrawnRowAtOnce() {
    UUID doctor = UUID.randomUUID();

    Map<String, String> remaining =
        connectors.withdraw(
            new Withdrawal(
                Doctors.INSURER_ID,
                doctor,
                Map.of("docport-roster", "7@docport-roster_acme_delta_00000001.csv")));

    assertThat(remaining).isEmpty();
    String file = files().get(0);
    assertThat(file).contains("_delta_").endsWith(".csv");
    List<String> row = csv(file).get(1);
    assertThat(row.subList(0, 3)).containsExactly(doctor.toString(), "7", "WITHDRAWN");
    assertThat(row.subList(3, row.size())).allMatch(String::isEmpty);
    assertThat(manifest(file)).containsEntry("withdrawn", 1).containsEntry("doctors", 0);
  }

  @Test
  void aDoctorWhoseConsentEndedBeforeTheDeltaIsWithdrawnInIt() {
    DoctorSnapshot a = Doctors.doctor(UUID.randomUUID(), 1, "a1");
    DoctorSnapshot never = Doctors.doctor(UUID.randomUUID(), 1, "n1");
    changed(a);
    run(DELTA);
    changed(Doctors.doctor(a.id(), 2, "a1"));
    changed(never);
    subjects.revoke(Doctors.ACME, a.id());
    subjects.revoke(Doctors.ACME, never.id());

    RunReport report = run(DELTA);

    List<List<String>> rows = csv(report.files().get(0));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).subList(0, 3)).containsExactly(a.id().toString(), "1", "WITHDRAWN");
    assertThat(delivery(a.id()))
        .containsEntry("state", "SKIPPED")
        .containsEntry("published", "{}")
        .containsEntry("delivered_version", null);
    assertThat(delivery(never.id())).containsEntry("state", "SKIPPED");
    assertThat(report.skipped()).isEqualTo(1);
  }

  @Test
  void anInsurersOwnLayoutPicksAndNamesTheColumns() {
    connectors.connect(
        Doctors.INSURER_ID,
        settings(
            sftp.hostKey(),
            List.of(
                new RosterColumn("Provider ID", "doctor_id"),
                new RosterColumn("Rev", "version"),
                new RosterColumn("Status", "status"),
                new RosterColumn("City", "city"))));
    DoctorSnapshot a = Doctors.doctor(UUID.randomUUID(), 5, "a1");
    changed(a);

    String file = run(DELTA).files().get(0);

    assertThat(lines(file))
        .containsExactly("Provider ID,Rev,Status,City", a.id() + ",5,ACTIVE,Bengaluru");
    assertThat(manifest(file))
        .containsEntry("custom", true)
        .containsEntry("columns", List.of("Provider ID", "Rev", "Status", "City"));
  }

  @Test
  void aPausedInsurerGetsNoFileAndItsPairsStayDue() {
    DoctorSnapshot a = Doctors.doctor(UUID.randomUUID(), 1, "a1");
    changed(a);
    // Paused after the claim, as the roster is built: the claims are given back untouched.
    subjects.pause(Doctors.ACME);

    RunReport report = run(DELTA);

    assertThat(report.files()).isEmpty();
    assertThat(report.outcome()).contains("paused");
    assertThat(files()).isEmpty();
    assertThat(delivery(a.id()))
        .containsEntry("state", "PENDING")
        .containsEntry("attempts", 0)
        .containsEntry("lease_until", null);
    assertThat(run(FULL).files()).as("nor a full roster").isEmpty();
  }

  @Test
  void theLedgerHandsEachScheduledRunToOneHolderAtATime() {
    RunLedger ledger = store.runs();
    Instant due = Instant.parse("2026-12-07T02:00:00Z");
    Duration hour = Duration.ofHours(1);

    Optional<HeldRun> first = ledger.take(Doctors.INSURER_ID, DELTA, due, hour);
    assertThat(first).isPresent();
    assertThat(ledger.take(Doctors.INSURER_ID, DELTA, due, hour))
        .as("the same run again")
        .isEmpty();
    assertThat(ledger.take(Doctors.INSURER_ID, FULL, due, hour)).as("another run").isPresent();
    assertThat(ledger.takeOver(Doctors.INSURER_ID, List.of(DELTA, FULL), hour))
        .as("while both are held")
        .isEmpty();

    // Its replica dies: once the hold runs out, the run is someone else's, and only theirs.
    assertThat(ledger.renew(first.get(), Duration.ZERO)).isTrue();
    HeldRun second = ledger.takeOver(Doctors.INSURER_ID, List.of(DELTA), hour).orElseThrow();
    assertThat(second.dueAt()).isEqualTo(due);
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(ledger.renew(first.get(), hour)).as("the old holder's renewal").isFalse();
    ledger.completed(first.get());
    assertThat(run(DELTA, due).completedAt()).as("the old holder's completion").isNull();

    // It fails: held until its retry time, then taken again; once it went through, never.
    ledger.failed(second, Duration.ZERO, "connection refused");
    assertThat(run(DELTA, due).lastError()).isEqualTo("connection refused");
    HeldRun third = ledger.takeOver(Doctors.INSURER_ID, List.of(DELTA), hour).orElseThrow();
    assertThat(third.attempts()).isEqualTo(3);
    ledger.completed(third);
    assertThat(run(DELTA, due).completedAt()).isNotNull();
    assertThat(run(DELTA, due).lastError()).isNull();
    ledger.failed(third, Duration.ZERO, "too late");
    assertThat(ledger.takeOver(Doctors.INSURER_ID, List.of(DELTA), hour)).isEmpty();

    // A full roster left unfinished is not taken up once its next time was taken: that one sends
    // what it would have. Nor is a run the insurer's schedule no longer has.
    HeldRun full = ledger.take(Doctors.INSURER_ID, FULL, due.plusSeconds(60), hour).orElseThrow();
    ledger.failed(full, Duration.ZERO, "refused");
    assertThat(ledger.take(Doctors.INSURER_ID, FULL, due.plusSeconds(120), Duration.ZERO))
        .isPresent();
    assertThat(ledger.takeOver(Doctors.INSURER_ID, List.of(DELTA), hour)).isEmpty();
    assertThat(ledger.takeOver(Doctors.INSURER_ID, List.of(FULL), hour))
        .map(HeldRun::dueAt)
        .contains(due.plusSeconds(120));
  }

  @Test
  void aScheduledDeltaSendsChangesWithoutAnyoneAsking() {
    try (DeliveryDispatcher dispatcher = dispatcher(Duration.ofSeconds(30))) {
      dispatcher.startScheduled(
          Doctors.INSURER_ID, List.of(new ScheduledRun(DELTA, "* * * * * *", ZoneOffset.UTC)));
      DoctorSnapshot a = Doctors.doctor(UUID.randomUUID(), 1, "a1");
      changed(a);

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> "DELIVERED".equals(delivery(a.id()).get("state")));
    }
    assertThat(files()).anyMatch(f -> f.contains("_delta_"));
  }

  @Test
  void aRunWhoseReplicaDiedIsTakenUpOnceItsHoldRunsOutNotAtItsNextTime() {
    Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    // The replica that took the 02:00 delta died before sending it.
    store.runs().take(Doctors.INSURER_ID, DELTA, due, Duration.ofSeconds(1));
    DoctorSnapshot a = Doctors.doctor(UUID.randomUUID(), 1, "a1");
    changed(a);

    try (DeliveryDispatcher dispatcher = dispatcher(Duration.ofSeconds(1))) {
      dispatcher.startScheduled(Doctors.INSURER_ID, List.of(yearly(DELTA)));

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> "DELIVERED".equals(delivery(a.id()).get("state")));
    }
    assertThat(files()).anyMatch(f -> f.contains("_delta_"));
    RunEntry entry = run(DELTA, due);
    assertThat(entry.completedAt()).isNotNull();
    assertThat(entry.attempts()).isEqualTo(2);
  }

  @Test
  void aFailedRunIsRetriedWithBackoffUntilItGoesThroughNotAtItsNextTime() {
    sftp.refuseWrites(true);
    DoctorSnapshot a = Doctors.doctor(UUID.randomUUID(), 1, "a1");
    changed(a);
    ZonedDateTime soon = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(4);
    // Due once, four seconds from now, and then not for a year.
    ScheduledRun once =
        new ScheduledRun(
            DELTA,
            String.format(
                "%d %d %d %d %d *",
                soon.getSecond(),
                soon.getMinute(),
                soon.getHour(),
                soon.getDayOfMonth(),
                soon.getMonthValue()),
            ZoneOffset.UTC);

    try (DeliveryDispatcher dispatcher = dispatcher(Duration.ofSeconds(30))) {
      dispatcher.startScheduled(Doctors.INSURER_ID, List.of(once));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> latest().filter(r -> r.lastError() != null).isPresent());
      assertThat(delivery(a.id())).containsEntry("state", "PENDING");

      sftp.refuseWrites(false);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> "DELIVERED".equals(delivery(a.id()).get("state")));
    }
    RunEntry entry = latest().orElseThrow();
    assertThat(entry.dueAt()).isEqualTo(soon.withNano(0).toInstant());
    assertThat(entry.completedAt()).isNotNull();
    assertThat(entry.attempts()).isGreaterThanOrEqualTo(2);
    assertThat(files()).anyMatch(f -> f.contains("_delta_"));
  }

  private DeliveryDispatcher dispatcher(Duration lease) {
    return new DeliveryDispatcher(
        store,
        connectors,
        Backoff.standard(),
        new DeliveryDispatcher.Settings(1, Duration.ofSeconds(1), lease, Duration.ofSeconds(5)));
  }

  private static ScheduledRun yearly(String run) {
    return new ScheduledRun(run, "0 0 0 1 1 *", ZoneOffset.UTC);
  }

  private RunEntry run(String run, Instant dueAt) {
    return store.runs().latest(Doctors.INSURER_ID, 100).stream()
        .filter(r -> r.run().equals(run) && r.dueAt().equals(dueAt))
        .findFirst()
        .orElseThrow();
  }

  private Optional<RunEntry> latest() {
    return store.runs().latest(Doctors.INSURER_ID, 1).stream().findFirst();
  }

  @Test
  void aPrivateKeyLogsInInsteadOfAPassword() throws Exception {
    var generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    java.security.KeyPair key = generator.generateKeyPair();
    sftp.authorize(key.getPublic());
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    var withKey =
        ConnectorSettings.sftpRoster(
            sftp.url(DIRECTORY),
            new ConnectorSettings.Sftp(
                SftpTestServer.USER, null, pem, null, sftp.hostKey(), "@hourly", null, null, null));
    assertThat(withKey.problems()).isEmpty();
    connectors.connect(Doctors.INSURER_ID, withKey);
    changed(Doctors.doctor(UUID.randomUUID(), 1, "a1"));

    assertThat(run(DELTA).files()).hasSize(1);
  }
}
