package org.docport.hub;

import java.util.List;
import java.util.Map;

/** Insurer registrations for tests that run the packaged hub, as the JSON an operator sends. */
public final class SampleInsurers {

  private SampleInsurers() {}

  /** An insurer with one network, pushed to by a fhir-rest connector at {@code baseUrl}. */
  public static Map<String, Object> fhirRest(String id, String baseUrl) {
    return Map.of(
        "id",
        id,
        "name",
        "Insurer " + id,
        "networks",
        List.of(Map.of("id", "gold", "name", "Gold")),
        "connector",
        Map.of("kind", "fhir-rest", "baseUrl", baseUrl));
  }
}
