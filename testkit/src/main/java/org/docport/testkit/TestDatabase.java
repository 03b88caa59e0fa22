package org.docport.testkit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A throwaway PostgreSQL 17 with logical WAL, as a hub under test would find in production: the hub
 * reaches it through {@code DOCPORT_DB_URL}, so killing the hub leaves the database running.
 *
 * <p>By default the server is zonky's embedded PostgreSQL (real binaries from Maven, no Docker).
 * Where a Docker engine exists, {@code DOCPORT_TEST_DB=testcontainers} (or {@code
 * -Ddocport.test.db=testcontainers}) runs the {@code postgres:17} image through Testcontainers
 * instead.
 */
public final class TestDatabase implements AutoCloseable {

  public static final String DATABASE = "docport";
  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  /** The switch's values. */
  public static final String EMBEDDED = "embedded";

  public static final String TESTCONTAINERS = "testcontainers";

  /**
   * The settings every provider runs PostgreSQL with: logical WAL for change capture, room for
   * several hubs' slots and connections, and commits that reach the WAL at once, as in production
   * (zonky's default {@code synchronous_commit=off} holds them back up to 200 ms).
   */
  static final Map<String, String> SERVER_CONFIG =
      Map.of(
          "wal_level", "logical",
          "max_replication_slots", "8",
          "max_wal_senders", "8",
          "max_connections", "200",
          "wal_sender_timeout", "10s",
          "synchronous_commit", "on");

  private final String jdbcUrl;
  private final AutoCloseable server;

  /** The key that seals connector secrets, shared by every hub on this database. */
  private final String secretsKey;

  TestDatabase(String jdbcUrl, AutoCloseable server) {
    this.jdbcUrl = jdbcUrl;
    this.server = server;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.secretsKey = Base64.getEncoder().encodeToString(key);
  }

  /** Starts the database of the provider the switch names (embedded unless told otherwise). */
  public static TestDatabase start() {
    return start(Map.of());
  }

  /**
   * {@link #start()} with more server settings, or other values for the shared ones (the
   * benchmarks' {@code shared_buffers}).
   */
  public static TestDatabase start(Map<String, String> settings) {
    Map<String, String> config = new HashMap<>(SERVER_CONFIG);
    config.putAll(settings);
    String provider = provider();
    return switch (provider) {
      case EMBEDDED -> EmbeddedDatabase.start(config);
      case TESTCONTAINERS -> ContainerDatabase.start(config);
      default ->
          throw new IllegalArgumentException(
              "DOCPORT_TEST_DB (or -Ddocport.test.db) must be one of "
                  + List.of(EMBEDDED, TESTCONTAINERS)
                  + ", was '"
                  + provider
                  + "'");
    };
  }

  /** The provider the switch names: the system property wins over the environment. */
  public static String provider() {
    String property = System.getProperty("docport.test.db");
    String env = System.getenv("DOCPORT_TEST_DB");
    String chosen = property != null && !property.isBlank() ? property : env;
    return chosen == null || chosen.isBlank() ? EMBEDDED : chosen.trim();
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** The environment that points a hub process at this database. */
  public Map<String, String> hubEnvironment() {
    return Map.of(
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
  public Map<String, String> hubEnvironment(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(hubEnvironment());
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
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop the test database", e);
    }
  }
}
