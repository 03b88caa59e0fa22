package org.docport.hub.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server run from the binaries on the class path, with logical WAL so change
 * capture works, and its data kept in a folder so a restart keeps the registry.
 */
final class EmbeddedPostgres implements AutoCloseable {

  static final String DATABASE = "docport";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

  private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
    this.server = server;
  }

  static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
    Files.createDirectories(dataDir);
    stopOrphanedServer(dataDir);
    var builder =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("wal_level", "logical")
            .setServerConfig("max_replication_slots", "8")
            .setServerConfig("max_wal_senders", "8")
            .setServerConfig("max_connections", "200")
            .setServerConfig("wal_sender_timeout", "10s")
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on");
    if (port > 0) {
      builder.setPort(port);
    }
    var server = builder.start();
    var embedded = new EmbeddedPostgres(server);
    embedded.createDatabaseIfMissing();
    log.info("Embedded PostgreSQL 17 on port {} with data in {}", server.getPort(), dataDir);
    return embedded;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
  }

  int port() {
    return server.getPort();
  }

  private void createDatabaseIfMissing() throws IOException {
    String adminUrl = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
        var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      check.setString(1, DATABASE);
      if (!check.executeQuery().next()) {
        try (var create = c.createStatement()) {
          create.execute("create database " + DATABASE);
        }
      }
    } catch (SQLException e) {
      throw new IOException("could not create database " + DATABASE, e);
    }
  }

  /**
   * A hub killed with SIGKILL leaves its PostgreSQL child running on the data folder; the next
   * start would fail on the lock, so stop that server first (a clean shutdown, which PostgreSQL
   * turns into crash recovery if it must).
   */
  private static void stopOrphanedServer(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> orphan =
        Files.readAllLines(pidFile).stream()
            .findFirst()
            .map(String::trim)
            .filter(s -> s.matches("\\d+"))
            .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
            .filter(p -> p.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false));
    if (orphan.isPresent()) {
      log.warn("Stopping orphaned embedded PostgreSQL (pid {})", orphan.get().pid());
      orphan.get().destroy();
      orphan.get().onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
