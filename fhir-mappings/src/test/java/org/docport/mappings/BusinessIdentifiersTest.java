package org.docport.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.docport.mappings.snapshot.Affiliation;
import org.docport.mappings.snapshot.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class BusinessIdentifiersTest {

  private static final UUID DOCTOR = UUID.fromString("8d3c5a52-3f1e-4b8e-9a55-0c2f7e1d4b61");

  @ParameterizedTest
  @FieldSource("org.docport.mappings.Fixtures#NAMES")
  void everyProducedResourceCarriesExactlyOneDocPortIdentifierAndTheIdDerivedFromIt(
      String fixture) {
    for (Resource resource : Fixtures.mapped(fixture).resources()) {
      var business = BusinessIdentifiers.of(resource);

      assertThat(BusinessIdentifiers.SYSTEMS).contains(business.getSystem());
      assertThat(resource.getIdElement().getIdPart())
          .isEqualTo(BusinessIdentifiers.logicalId(business))
          .matches("[A-Za-z0-9\\-.]{1,64}");
    }
  }

  @ParameterizedTest
  @FieldSource("org.docport.mappings.Fixtures#NAMES")
  void idsAndIdentifiersAreStableAcrossCalls(String fixture) {
    var input = Fixtures.input(fixture);

    assertThat(keys(input.map().resources())).isEqualTo(keys(input.map().resources()));
  }

  @Test
  void idSchemeIsPinnedSoPublishedIdsNeverChangeSilently() {
    // A change here re-keys every resource already written at every insurer: a migration.
    var practitioner = BusinessIdentifiers.practitioner(DOCTOR);

    assertThat(practitioner.getSystem()).isEqualTo("https://docport.org/fhir/sid/practitioner");
    assertThat(practitioner.getValue()).isEqualTo(DOCTOR.toString());
    assertThat(BusinessIdentifiers.logicalId(practitioner))
        .isEqualTo("592dd2b0-fed3-3b94-ac94-9e3375df1e91");
  }

  @Test
  void valuesNameTheirParts() {
    assertThat(BusinessIdentifiers.location(DOCTOR, "loc-1").getValue())
        .isEqualTo(DOCTOR + "/loc-1");
    assertThat(BusinessIdentifiers.practitionerRole(DOCTOR, "loc-1", "gold").getValue())
        .isEqualTo(DOCTOR + "/loc-1/gold");
    assertThat(BusinessIdentifiers.network("acme", "gold").getValue()).isEqualTo("acme/gold");
  }

  @Test
  void affiliationWithItsOwnIdentifierKeepsItsKeyWhenRenamed() {
    var rohini =
        new Identifier("https://rohini.iib.gov.in", "8900080123456", null, null, null, null, null);

    var before = BusinessIdentifiers.organization(new Affiliation("St. John's Hospital", rohini));
    var after =
        BusinessIdentifiers.organization(new Affiliation("St John's Medical College", rohini));

    assertThat(before).get().extracting(i -> i.getValue()).asString().startsWith("id-");
    assertThat(before.get().equalsDeep(after.get())).isTrue();
  }

  @Test
  void affiliationWithoutIdentifierIsKeyedOnItsNormalisedName() {
    var plain =
        BusinessIdentifiers.organization(new Affiliation("Chennai Physicians' Collective", null));
    var sloppy =
        BusinessIdentifiers.organization(
            new Affiliation("  CHENNAI  physicians collective ", null));
    var withoutValue =
        BusinessIdentifiers.organization(
            new Affiliation(
                "chennai physicians collective",
                new Identifier("https://rohini.iib.gov.in", " ", null, null, null, null, null)));

    assertThat(plain.get().getValue()).isEqualTo("name-chennai-physicians-collective");
    assertThat(sloppy.get().getValue()).isEqualTo("name-chennai-physicians-collective");
    assertThat(withoutValue.get().getValue()).isEqualTo("name-chennai-physicians-collective");
  }

  @Test
  void namesInAnyScriptKeepTheirLetters() {
    var hindi = BusinessIdentifiers.organization(new Affiliation("सरकारी अस्पताल", null));

    assertThat(hindi.get().getValue()).isEqualTo("name-सरकारी-अस्पताल");
  }

  @Test
  void affiliationWithNothingToKeyOnHasNoIdentifier() {
    assertThat(BusinessIdentifiers.organization(new Affiliation(" ", null))).isEmpty();
  }

  @Test
  void missingRegistryIdsAreRejectedRatherThanKeyedOnNull() {
    assertThatThrownBy(() -> BusinessIdentifiers.practitioner(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("doctor id");
    assertThatThrownBy(() -> BusinessIdentifiers.location(DOCTOR, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("location id");
    assertThatThrownBy(() -> BusinessIdentifiers.network("acme", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("network id");
  }

  @Test
  void idsThatWouldNeedEscapingInASearchAreRejected() {
    assertThatThrownBy(() -> BusinessIdentifiers.location(DOCTOR, "main|2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("location id must not contain");
    assertThatThrownBy(() -> BusinessIdentifiers.network("acme,health", "gold"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("insurer id must not contain");
  }

  @Test
  void ofRejectsAResourceWithoutADocPortIdentifier() {
    var foreign = new Organization();
    foreign.addIdentifier().setSystem("https://example.org/sid").setValue("1");

    assertThatThrownBy(() -> BusinessIdentifiers.of(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 DocPort identifiers");
  }

  private static List<String> keys(List<Resource> resources) {
    return resources.stream()
        .map(
            r ->
                References.to(r)
                    + " "
                    + BusinessIdentifiers.of(r).getSystem()
                    + "|"
                    + BusinessIdentifiers.of(r).getValue())
        .toList();
  }

  @Test
  void registryVersionIsEmptyWithoutTheExtensionOrWithoutANumber() {
    var bare = new Practitioner();
    var garbled = new Practitioner();
    garbled.addExtension(BusinessIdentifiers.REGISTRY_VERSION_EXTENSION, new StringType("seven"));

    assertThat(BusinessIdentifiers.registryVersion(bare)).isEmpty();
    assertThat(BusinessIdentifiers.registryVersion(garbled)).isEmpty();
  }

  @Test
  void registryVersionExtensionUrlIsPinned() {
    // Insurers and benchmarks read this URL back; changing it breaks them silently.
    assertThat(BusinessIdentifiers.REGISTRY_VERSION_EXTENSION)
        .isEqualTo("https://docport.org/fhir/StructureDefinition/registry-version");
  }
}
