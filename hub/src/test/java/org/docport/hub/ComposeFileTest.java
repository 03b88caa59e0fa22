package org.docport.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} cannot be run on the build machines (no Docker engine), so its
 * promises are checked here: the hub replicas reach PostgreSQL, a real Temporal server (with its UI
 * beside it) and a mail server through configuration alone, using only variables the README
 * documents.
 */
class ComposeFileTest {

  private static final Path ROOT = Path.of("..");

  @Test
  @SuppressWarnings("unchecked")
  void theHubRunsAgainstARealTemporalServerByConfigurationAlone() throws IOException {
    Map<String, Object> compose =
        new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) compose.get("services");

    assertThat(services)
        .containsKeys("postgres", "temporal", "temporal-ui", "mail", "hub-1", "hub-2");
    assertThat(String.valueOf(services.get("temporal").get("image"))).startsWith("temporalio/");
    assertThat(environment(services.get("temporal-ui")))
        .containsEntry("TEMPORAL_ADDRESS", "temporal:7233");
    Set<String> documented = documentedVariables();
    for (String hub : Set.of("hub-1", "hub-2")) {
      Map<String, String> env = environment(services.get(hub));
      assertThat(env)
          .as(hub)
          .containsEntry("TEMPORAL_ADDRESS", "temporal:7233")
          .containsEntry("DOCPORT_DB_URL", "jdbc:postgresql://postgres:5432/docport")
          .containsEntry("SPRING_MAIL_HOST", "mail")
          // Replicas in separate containers must share the key that seals connector secrets.
          .containsKey("DOCPORT_SECRETS_KEY");
      assertThat(documented).as("variables the README documents").containsAll(env.keySet());
      assertThat(String.valueOf(services.get(hub).get("build"))).isEqualTo(".");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(Map<String, Object> service) {
    return ((Map<String, Object>) service.get("environment"))
        .entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
  }

  /** Every {@code `NAME`} in the README's configuration table. */
  private static Set<String> documentedVariables() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher names = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(readme);
    return names.results().map(m -> m.group(1)).collect(Collectors.toSet());
  }
}
