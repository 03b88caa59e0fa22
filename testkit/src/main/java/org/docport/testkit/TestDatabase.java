package org.docport.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;

/**
 * A throwaway PostgreSQL 17 with logical WAL, as a hub under test would find in production: the hub
 * reaches it through {@code DOCPORT_DB_URL}, so killing the hub leaves the database running.
 */
public final class TestDatabase implements AutoCloseable {

  public static final String DATABASE = "docport";
  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private final EmbeddedPostgres server;

  /** The key that seals connector secrets, shared by every hub on this database. */
  private final String secretsKey;

  private TestDatabase(EmbeddedPostgres server) {
    this.server = server;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.secretsKey = Base64.getEncoder().encodeToString(key);
  }

  public static TestDatabase start() {
    try {
      Path dir = Files.createTempDirectory("docport-testdb");
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(true)
              .setServerConfig("wal_level", "logical")
              .setServerConfig("max_replication_slots", "8")
              .setServerConfig("max_wal_senders", "8")
              .setServerConfig("max_connections", "200")
              .setServerConfig("wal_sender_timeout", "10s")
              // The library's default is off, which holds commits back from change capture
              // until the WAL writer's next flush (up to 200 ms): not what production runs.
              .setServerConfig("synchronous_commit", "on")
              .start();
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:postgresql://localhost:" + server.getPort() + "/postgres", USER, "");
          var s = c.createStatement()) {
        s.execute("create database " + DATABASE);
      }
      return new TestDatabase(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
  }

  /** The environment that points a hub process at this database. */
  public java.util.Map<String, String> hubEnvironment() {
    return java.util.Map.of(
        "DOCPORT_DB_URL",
        jdbcUrl(),
        "DOCPORT_DB_USER",
        USER,
        "DOCPORT_DB_PASSWORD",
        PASSWORD,
        "DOCPORT_SECRETS_KEY",
        secretsKey);
  }

  /** {@link #hubEnvironment()} with more variables (the operator password, Temporal...). */
  public java.util.Map<String, String> hubEnvironment(java.util.Map<String, String> extra) {
    java.util.Map<String, String> env = new java.util.HashMap<>(hubEnvironment());
    env.putAll(extra);
    return env;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
