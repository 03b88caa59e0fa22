package org.docport.connectors;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.docport.connectors.delivery.DeliveryStore;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.testkit.RosterInbox;
import org.docport.testkit.SftpTestServer;
import org.docport.testkit.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roster connector as the hub runs it, minus Spring: the real delivery table in a throwaway
 * PostgreSQL (the hub's own migrations), a Camel context with every kind's template, and an
 * insurer's SFTP server in this process. Each test starts with an empty roster directory, no
 * deliveries and no consents, and the insurer {@link Doctors#INSURER_ID} connected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RosterTestSupport {

  static final String DIRECTORY = "rosters";
  static final ObjectMapper JSON = new ObjectMapper();

  final FakeDeliverySubjects subjects = new FakeDeliverySubjects();
  TestDatabase database;
  JdbcTemplate jdbc;
  DeliveryStore store;
  SftpTestServer sftp;
  CamelContext camel;
  InsurerConnectors connectors;
  ConnectorServices services;

  @BeforeAll
  void startDatabaseServerAndConnectors() throws Exception {
    database = TestDatabase.start();
    var dataSource =
        new DriverManagerDataSource(database.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD);
    // The hub owns the schema; the connectors run against exactly what it migrates to.
    Flyway.configure()
        .dataSource(dataSource)
        .locations("filesystem:../hub/src/main/resources/db/migration")
        .load()
        .migrate();
    jdbc = new JdbcTemplate(dataSource);
    store =
        new DeliveryStore(
            jdbc,
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
            new ObjectMapper());
    sftp = SftpTestServer.start(Files.createTempDirectory("sftp-root"));
    camel = new DefaultCamelContext();
    camel.addRoutes(new DeliveryRouteConfiguration());
    services =
        new ConnectorServices(
            FhirContext.forR4Cached(), new DeliveryPreparation(subjects), subjects, store);
    camel.addRoutes(ConnectorKinds.templates(services));
    camel.start();
    connectors = new InsurerConnectors(camel, services);
  }

  @AfterAll
  void stopEverything() throws Exception {
    camel.close();
    sftp.close();
    database.close();
  }

  @BeforeEach
  void startAfresh() throws IOException {
    subjects.clear();
    sftp.restartIfStopped();
    sftp.refuseWrites(false);
    sftp.clearEvents();
    try (Stream<Path> files = Files.walk(sftp.root())) {
      files
          .sorted((a, b) -> b.compareTo(a))
          .filter(p -> !p.equals(sftp.root()))
          .forEach(p -> p.toFile().delete());
    }
    Files.createDirectories(sftp.root().resolve(DIRECTORY));
    jdbc.update("delete from insurer");
    jdbc.update(
        "insert into insurer (id, name, connector_kind, connector_settings) values (?, ?, ?, '{}')",
        Doctors.INSURER_ID,
        "Acme Health",
        ConnectorSettings.SFTP_ROSTER);
    connectors.connect(Doctors.INSURER_ID, settings(sftp.hostKey(), null));
  }

  ConnectorSettings settings(String hostKey, List<ConnectorSettings.Sftp.RosterColumn> columns) {
    return ConnectorSettings.sftpRoster(
        sftp.url(DIRECTORY),
        new ConnectorSettings.Sftp(
            SftpTestServer.USER,
            SftpTestServer.PASSWORD,
            null,
            null,
            hostKey,
            "0 0 * * * *",
            null,
            null,
            columns));
  }

  /** The doctor consents (or changes) at this snapshot, and the change is due for the insurer. */
  void changed(DoctorSnapshot doctor) {
    subjects.consent(Doctors.ACME, doctor);
    store.enqueue(
        List.of(new DeliveryStore.Wanted(Doctors.INSURER_ID, doctor.id(), doctor.version(), 0)));
  }

  RunReport run(String run) {
    return connectors.run(new RunRequest(Doctors.INSURER_ID, run));
  }

  /** The files complete in the roster directory, by name. */
  List<String> files() {
    try (Stream<Path> files = Files.list(sftp.root().resolve(DIRECTORY))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A roster CSV's records, header first, each split into fields. */
  List<List<String>> csv(String name) {
    return RosterInbox.parse(text(name));
  }

  List<String> lines(String name) {
    return List.of(text(name).split("\r\n"));
  }

  String text(String name) {
    try {
      return Files.readString(sftp.root().resolve(DIRECTORY).resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> manifest(String csvName) {
    try {
      return JSON.readValue(
          sftp.root()
              .resolve(DIRECTORY)
              .resolve(csvName.replace(".csv", ".manifest.json"))
              .toFile(),
          Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Object> delivery(UUID doctorId) {
    return jdbc.queryForMap(
        "select state, wanted_version, delivered_version, attempts, last_error, published::text,"
            + " lease_until from delivery where insurer_id = ? and doctor_id = ?",
        Doctors.INSURER_ID,
        doctorId);
  }
}
