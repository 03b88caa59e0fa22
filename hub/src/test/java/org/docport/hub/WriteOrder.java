package org.docport.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docport.insurersim.InsurerServer;
import org.docport.insurersim.WriteLogEntry;
import org.docport.mappings.BusinessIdentifiers;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * The spine's "never stale" promise read from the insurer's side: the registry versions each
 * doctor's Practitioner arrived with, in the order the insurer committed them.
 */
public final class WriteOrder {

  private WriteOrder() {}

  /** Per Practitioner business identifier, the registry versions written, in commit order. */
  public static Map<String, List<Long>> registryVersions(InsurerServer insurer) {
    Map<String, List<Long>> versions = new LinkedHashMap<>();
    for (WriteLogEntry entry : insurer.writeLog()) {
      if (!entry.resourceType().equals("Practitioner")
          || entry.operation() == WriteLogEntry.Operation.DELETE) {
        continue;
      }
      insurer
          .written(entry, Practitioner.class)
          .flatMap(BusinessIdentifiers::registryVersion)
          .ifPresent(
              v -> versions.computeIfAbsent(entry.identifier(), k -> new ArrayList<>()).add(v));
    }
    return versions;
  }

  /**
   * No doctor's Practitioner was ever overwritten by an older version. A version may repeat: after
   * a kill between the insurer's commit and the receipt, the same version is delivered again, which
   * is harmless (idempotent) and not stale.
   */
  public static void assertNeverStale(InsurerServer insurer) {
    Map<String, List<Long>> versions = registryVersions(insurer);
    assertThat(versions).as("Practitioner writes at %s", insurer.baseUrl()).isNotEmpty();
    versions.forEach(
        (doctor, written) ->
            assertThat(written)
                .as("registry versions of %s in commit order at %s", doctor, insurer.baseUrl())
                .isSortedAccordingTo(Long::compare));
  }
}
