package org.docport.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class TestDatabaseTest {

  @AfterEach
  void clearSwitch() {
    System.clearProperty("docport.test.db");
  }

  @Test
  void theEmbeddedServerRunsWithLogicalWalAndNeedsNoDocker() throws SQLException {
    System.setProperty("docport.test.db", "embedded");
    try (TestDatabase db = TestDatabase.start()) {
      assertRunsAsTheHubNeeds(db);
    }
  }

  @Test
  void testcontainersRunsThePostgresImageWhereADockerEngineIs() throws SQLException {
    System.setProperty("docport.test.db", "testcontainers");
    assertThat(TestDatabase.provider()).isEqualTo(TestDatabase.TESTCONTAINERS);
    if (DockerClientFactory.instance().isDockerAvailable()) {
      try (TestDatabase db = TestDatabase.start()) {
        assertRunsAsTheHubNeeds(db);
      }
    } else {
      // The build machines have no Docker engine: the switch must say so, not hang or half-start.
      assertThatThrownBy(TestDatabase::start)
          .hasMessageContaining("needs a Docker engine")
          .hasMessageContaining("unset DOCPORT_TEST_DB");
    }
  }

  @Test
  void theContainerRunsWithTheEmbeddedServersSettings() {
    assertThat(String.join(" ", ContainerDatabase.command(TestDatabase.SERVER_CONFIG)))
        .startsWith("postgres ")
        .contains("-c wal_level=logical")
        .contains("-c synchronous_commit=on")
        .contains("-c max_replication_slots=8");
  }

  @Test
  void aSettingGivenAtStartIsTheServers() throws Exception {
    try (TestDatabase db = TestDatabase.start(Map.of("shared_buffers", "160MB"));
        Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery("show shared_buffers")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("160MB");
    }
  }

  @Test
  void withoutTheSwitchTheEmbeddedServerIsUsed() {
    // Unless the environment of this run names a provider.
    String env = System.getenv("DOCPORT_TEST_DB");
    assertThat(TestDatabase.provider())
        .isEqualTo(env == null || env.isBlank() ? TestDatabase.EMBEDDED : env.trim());
  }

  @Test
  void anUnknownProviderIsRefusedWithTheChoices() {
    System.setProperty("docport.test.db", "h2");
    assertThatThrownBy(TestDatabase::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[embedded, testcontainers]")
        .hasMessageContaining("'h2'");
  }

  private static void assertRunsAsTheHubNeeds(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      assertThat(setting(s, "wal_level")).isEqualTo("logical");
      assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(s, "server_version")).startsWith("17.");
      assertThat(db.hubEnvironment()).containsEntry("DOCPORT_DB_URL", db.jdbcUrl());
    }
  }

  private static String setting(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("show " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
