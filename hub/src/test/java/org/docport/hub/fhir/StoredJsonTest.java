package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.docport.mappings.PlanNetProfiles;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * A stored version served as stored JSON is, byte for byte, what HAPI's encoder writes for the
 * parsed version: with and without a profile in {@code meta}, with a source and tags after it, with
 * no content at all, and with text that needs escaping.
 */
class StoredJsonTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final Instant UPDATED = Instant.parse("2026-12-05T11:42:07.123456Z");

  @Test
  void storedJsonIsWhatHapiEncodesForTheParsedVersion() {
    Practitioner profiled = new Practitioner();
    profiled.getMeta().addProfile(PlanNetProfiles.PRACTITIONER);
    profiled.addName(new HumanName().setFamily("D'Souza \"Dr\" \u00e9\u4e2d").addGiven("A\\B"));
    profiled.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+91 80");

    Location withSourceAndTag = new Location();
    withSourceAndTag.getMeta().setSource("https://docport.org/x").addTag(new Coding("s", "c", "d"));
    withSourceAndTag.setName("Clinic </script>");

    PractitionerRole noMeta = new PractitionerRole();
    noMeta.setPractitioner(new Reference("Practitioner/p-1"));

    for (Resource resource : List.of(profiled, withSourceAndTag, noMeta, new Practitioner())) {
      DirectoryQueries.Stored stored = stored(resource, 7);
      assertThat(StoredJson.json(stored))
          .as(resource.fhirType())
          .isEqualTo(FHIR.newJsonParser().encodeResourceToString(Resources.parse(FHIR, stored)));
    }
  }

  @Test
  void textNotStoredAsTheProjectionWritesItIsRefusedRatherThanServedWrong() {
    DirectoryQueries.Stored pretty =
        new DirectoryQueries.Stored(
            "Practitioner",
            "p-1",
            1,
            UPDATED,
            false,
            "{\n  \"resourceType\": \"Practitioner\"\n}",
            UUID.randomUUID());

    assertThatThrownBy(() -> StoredJson.json(pretty))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Practitioner/p-1/_history/1");
  }

  /** A version as the projection stores it: compact JSON without id, versionId or lastUpdated. */
  private static DirectoryQueries.Stored stored(Resource resource, long version) {
    return new DirectoryQueries.Stored(
        resource.fhirType(),
        "id-" + resource.fhirType().toLowerCase(),
        version,
        UPDATED,
        false,
        FHIR.newJsonParser().encodeResourceToString(resource),
        UUID.randomUUID());
  }
}
