package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.docport.hub.fhir.SearchIndex.Value;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

  private static final SearchIndex INDEX = new SearchIndex(FhirContext.forR4Cached());

  @Test
  void namesAreStoredWithoutCaseOrAccentsAndLicencesByTheirType() {
    Practitioner practitioner = new Practitioner();
    practitioner.addName().setFamily("Rao-Kumár").addGiven("Ásha");
    practitioner
        .addIdentifier()
        .setSystem("https://nmc.org.in/registration")
        .setValue("KA-123")
        .setType(
            new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MD", null)))
        .setAssigner(new Reference().setDisplay("Karnataka Medical Council"));
    practitioner.addIdentifier().setSystem("urn:other").setValue("X-9");

    List<Value> values = INDEX.valuesOf(practitioner);

    assertThat(values)
        .contains(
            new Value("family", "rao-kumar"),
            new Value("given", "asha"),
            new Value("name", "asha"),
            new Value("licence", "https://nmc.org.in/registration|KA-123"),
            new Value("licence", "KA-123"),
            new Value("licence-issuer", "karnataka medical council"),
            new Value("identifier", "urn:other|X-9"))
        .doesNotContain(new Value("licence", "X-9"));
  }

  @Test
  void rolesAreIndexedBySpecialtyNetworkAndLocationReferences() {
    PractitionerRole role = new PractitionerRole();
    role.addSpecialty(
        new CodeableConcept(new Coding("http://nucc.org/provider-taxonomy", "207Q00000X", null)));
    role.addLocation(new Reference("Location/loc-1"));
    role.setPractitioner(new Reference("Practitioner/p-1"));
    role.addExtension(
        "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/network-reference",
        new Reference("Organization/net-1"));

    assertThat(INDEX.valuesOf(role))
        .contains(
            new Value("specialty", "207Q00000X"),
            new Value("specialty", "http://nucc.org/provider-taxonomy|207Q00000X"),
            new Value("location", "Location/loc-1"),
            new Value("practitioner", "Practitioner/p-1"),
            new Value("network", "Organization/net-1"));
  }

  @Test
  void aLocationIsFoundByAnyPartOfItsAddress() {
    Location location = new Location();
    location.getAddress().addLine("12 MG Road").setCity("Bengaluru").setPostalCode("560001");

    assertThat(INDEX.valuesOf(location))
        .contains(
            new Value("address-city", "bengaluru"),
            new Value("address-postalcode", "560001"),
            new Value("address", "12 mg road"),
            new Value("address", "bengaluru"));
  }

  @Test
  void aReferenceToAResourcePublishedWithItCarriesTheTargetsChainedValues() {
    Location location = new Location();
    location.setId("loc-1");
    location.getAddress().setCity("Pune").setState("MH");
    PractitionerRole role = new PractitionerRole();
    role.addLocation(new Reference("Location/loc-1"));
    role.setPractitioner(new Reference("Practitioner/p-1"));

    List<Value> values =
        INDEX.valuesOf(role, reference -> "Location/loc-1".equals(reference) ? location : null);

    assertThat(values)
        .contains(
            new Value("location", "Location/loc-1"),
            new Value("location.address-city", "pune"),
            new Value("location.address-state", "mh"),
            new Value("location.address", "pune"))
        .noneMatch(v -> v.param().startsWith("practitioner."));
    assertThat(INDEX.valuesOf(role)).noneMatch(v -> v.param().contains("."));
  }

  @Test
  void aPrefixEndsBeforeTheNextStringThatDoesNotStartWithIt() {
    assertThat(SearchIndex.prefixEnd("pune")).contains("punf");
    assertThat(SearchIndex.prefixEnd("http://nucc.org/provider-taxonomy|"))
        .contains("http://nucc.org/provider-taxonomy}");
    // The last code point that can grow grows; the highest code point cannot, and goes.
    assertThat(SearchIndex.prefixEnd("a" + Character.toString(Character.MAX_CODE_POINT)))
        .contains("b");
    // Above U+D7FF comes U+E000: surrogates are not characters.
    assertThat(SearchIndex.prefixEnd("x\uD7FF")).contains("x\uE000");
    assertThat(SearchIndex.prefixEnd("\uFFFF")).contains(Character.toString(0x10000));
    assertThat(SearchIndex.prefixEnd("")).isEmpty();
    assertThat(SearchIndex.prefixEnd(Character.toString(Character.MAX_CODE_POINT))).isEmpty();
  }
}
