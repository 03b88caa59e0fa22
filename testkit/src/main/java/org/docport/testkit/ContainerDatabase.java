package org.docport.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The test database where a Docker engine exists: the {@code postgres:17} image through
 * Testcontainers, with the same settings as the embedded one.
 */
final class ContainerDatabase {

  static final String IMAGE = "postgres:17";

  private ContainerDatabase() {}

  static TestDatabase start(Map<String, String> config) {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException(
          "DOCPORT_TEST_DB=testcontainers needs a Docker engine, and Testcontainers found none."
              + " Start one, or unset DOCPORT_TEST_DB to use the embedded PostgreSQL.");
    }
    PostgreSQLContainer<?> container =
        new PostgreSQLContainer<>(DockerImageName.parse(IMAGE))
            .withDatabaseName(TestDatabase.DATABASE)
            .withUsername(TestDatabase.USER)
            .withPassword(TestDatabase.PASSWORD)
            .withCommand(command(config));
    container.start();
    return new TestDatabase(container.getJdbcUrl(), container::stop);
  }

  /** {@code postgres -c name=value ...} for each of the server settings. */
  static String[] command(Map<String, String> config) {
    List<String> command = new ArrayList<>(List.of("postgres"));
    config.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
    return command.toArray(String[]::new);
  }
}
