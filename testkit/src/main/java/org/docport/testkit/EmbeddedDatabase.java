package org.docport.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** The default test database: zonky's embedded PostgreSQL 17, in a fresh temporary folder. */
final class EmbeddedDatabase {

  private EmbeddedDatabase() {}

  static TestDatabase start(Map<String, String> config) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(Files.createTempDirectory("docport-testdb"))
              .setCleanDataDirectory(true);
      config.forEach(builder::setServerConfig);
      EmbeddedPostgres server = builder.start();
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:postgresql://localhost:" + server.getPort() + "/postgres",
                  TestDatabase.USER,
                  "");
          Statement s = c.createStatement()) {
        s.execute("create database " + TestDatabase.DATABASE);
      }
      return new TestDatabase(
          "jdbc:postgresql://localhost:" + server.getPort() + "/" + TestDatabase.DATABASE, server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
