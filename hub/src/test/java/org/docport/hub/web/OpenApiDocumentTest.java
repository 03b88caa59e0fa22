package org.docport.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.docport.hub.HubTest;
import org.docport.testkit.HubClient;
import org.junit.jupiter.api.Test;

/**
 * The web app's typed API client is generated from {@code hub/frontend/openapi.json}; this keeps
 * that file the hub's own description, so a changed endpoint breaks the web app's type check
 * instead of its users. A stale file is rewritten and the test fails: commit the new file.
 */
class OpenApiDocumentTest extends HubTest {

  private static final Path COMMITTED = Path.of("frontend", "openapi.json");

  @Test
  void theWebAppIsBuiltAgainstTheHubsCurrentApi() throws Exception {
    ObjectNode api =
        (ObjectNode)
            HubClient.anonymous("http://localhost:" + port).get("/v3/api-docs").expect(200).body();
    api.remove("servers"); // the test's random port
    ObjectMapper sorted =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    String current = sorted.writeValueAsString(sorted.convertValue(api, Map.class)) + "\n";
    String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
    if (!committed.equals(current)) {
      Files.writeString(COMMITTED, current);
    }
    assertThat(committed)
        .as(
            "hub/frontend/openapi.json differed from the hub's /v3/api-docs and has been rewritten:"
                + " run npm run build in hub/frontend, fix what the type check finds, and commit it")
        .isEqualTo(current);
  }
}
