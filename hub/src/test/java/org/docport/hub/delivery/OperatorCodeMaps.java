package org.docport.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.docport.testkit.HubClient;

/** The operators' code map API, as the delivery tests call it. */
final class OperatorCodeMaps {

  static final String NUCC = "http://nucc.org/provider-taxonomy";

  private OperatorCodeMaps() {}

  /**
   * Uploads, or replaces, the insurer's code map {@code id}: the NUCC {@code code} to the insurer's
   * own {@code target}, as equivalent; every other NUCC code is then one it lacks.
   */
  static void put(HubClient operator, String insurerId, String id, String code, String target) {
    put(operator, insurerId, id, code, "https://insurer.example/specialties", target);
  }

  /** Like {@link #put(HubClient, String, String, String, String)}, into {@code targetSystem}. */
  static void put(
      HubClient operator,
      String insurerId,
      String id,
      String code,
      String targetSystem,
      String target) {
    String conceptMap =
        """
        {"resourceType": "ConceptMap", "status": "active",
         "group": [{"source": "%s", "target": "%s",
           "element": [{"code": "%s",
             "target": [{"code": "%s", "display": "Insurer's %s", "equivalence": "equivalent"}]}]}]}
        """
            .formatted(NUCC, targetSystem, code, target, target);
    int status =
        operator
            .putBytes(
                "/api/operator/insurers/" + insurerId + "/code-maps/" + id,
                "application/fhir+json",
                conceptMap.getBytes(StandardCharsets.UTF_8))
            .status();
    assertThat(status).isIn(201, 204);
  }

  /** What {@code /unmapped-codes} lists of the insurer: doctor, field, system, code. */
  static List<JsonNode> unmapped(HubClient operator, String insurerId) {
    JsonNode all =
        operator.get("/api/operator/insurers/" + insurerId + "/unmapped-codes").expect(200).body();
    return StreamSupport.stream(all.spliterator(), false).toList();
  }
}
