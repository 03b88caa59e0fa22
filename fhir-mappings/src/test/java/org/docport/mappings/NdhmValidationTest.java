package org.docport.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.stream.Stream;
import org.docport.mappings.codes.CodeMap;
import org.docport.mappings.snapshot.Affiliation;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.Identifier;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.mappings.snapshot.Qualification;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource the {@code ndhm} profile produces from the fixtures validates against base FHIR R4
 * with no error, and keeps the NRCeS guide's rules the mapping implements ({@link NdhmValidator}:
 * the guide's package cannot be had here, so its profiles are not loaded).
 */
class NdhmValidationTest {

  static Stream<Arguments> producedResources() {
    return ProfileFixtures.ALL.stream()
        .flatMap(
            fixture ->
                ndhm(fixture).resources().stream()
                    .map(r -> Arguments.of(fixture + ": " + References.to(r), r)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("producedResources")
  void producedResourceHasNoBaseR4ValidationErrors(String label, Resource resource) {
    List<SingleValidationMessage> messages = NdhmValidator.baseMessages(resource);

    assertThat(messages)
        .as("validation messages for %s:%n%s", label, PlanNetValidator.describe(messages))
        .noneMatch(PlanNetValidator::isError);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("producedResources")
  void producedResourceKeepsTheNrcesRules(String label, Resource resource) {
    assertThat(NdhmValidator.ruleViolations(resource)).as(label).isEmpty();
  }

  @Test
  void theDoctorAndTheOrganisationsClaimTheNrcesProfilesAndNothingElseClaimsOne() {
    var published = ndhm("india-doctor");

    assertThat(published.ofType(Practitioner.class))
        .allMatch(p -> p.getMeta().hasProfile(NdhmProfiles.PRACTITIONER));
    assertThat(published.ofType(Organization.class))
        .hasSize(3)
        .allMatch(o -> o.getMeta().hasProfile(NdhmProfiles.ORGANIZATION));
    assertThat(
            Stream.concat(
                published.ofType(Location.class).stream(),
                published.ofType(PractitionerRole.class).stream()))
        .isNotEmpty()
        .noneMatch(r -> r.getMeta().hasProfile());
    assertThat(NdhmProfiles.PRACTITIONER)
        .isEqualTo("https://nrces.in/ndhm/fhir/r4/StructureDefinition/Practitioner");
    assertThat(NdhmProfiles.ORGANIZATION)
        .isEqualTo("https://nrces.in/ndhm/fhir/r4/StructureDefinition/Organization");
  }

  @Test
  void theHprIdIsAMedicalLicenceNumberOfTheAbdmDoctorRegistry() {
    var practitioner = ndhm("india-doctor").ofType(Practitioner.class).get(0);

    assertThat(practitioner.getIdentifier())
        .filteredOn(i -> NdhmProfiles.HPR_ID_SYSTEM.equals(i.getSystem()))
        .singleElement()
        .satisfies(
            hpr -> {
              assertThat(hpr.getValue()).isEqualTo("71-4141-2363-2125");
              assertThat(hpr.getType().getCodingFirstRep().getSystem())
                  .isEqualTo("http://terminology.hl7.org/CodeSystem/v2-0203");
              assertThat(hpr.getType().getCodingFirstRep().getCode()).isEqualTo("MD");
            });
  }

  @Test
  void aCouncilRegistrationCarriesTheCouncilThatIssuedIt() {
    var practitioner = ndhm("india-doctor").ofType(Practitioner.class).get(0);

    assertThat(practitioner.getIdentifier())
        .filteredOn(i -> "TNMC-67890".equals(i.getValue()))
        .singleElement()
        .satisfies(
            registration -> {
              assertThat(registration.getType().getCodingFirstRep().getCode()).isEqualTo("MD");
              assertThat(registration.getAssigner().getDisplay())
                  .isEqualTo("Tamil Nadu Medical Council");
            });
  }

  @Test
  void docportsOwnIdentifiersAreTypedAsResourceIdentifiers() {
    var published = ndhm("india-doctor");

    assertThat(
            Stream.concat(
                published.ofType(Practitioner.class).stream(),
                published.ofType(Organization.class).stream()))
        .allSatisfy(
            r ->
                assertThat(BusinessIdentifiers.of(r).getType().getCodingFirstRep().getCode())
                    .isEqualTo("RI"));
  }

  @Test
  void theInsurerIsPublishedWithoutAnAddressAndItsNetworksReferToIt() {
    var input = ProfileFixtures.input("india-doctor");
    assertThat(input.insurer().address()).isNull();

    var own = MappingProfiles.insurer(MappingProfile.NDHM, input.insurer());

    assertThat(own.ofType(Organization.class)).hasSize(2);
    Organization insurer = own.ofType(Organization.class).get(0);
    assertThat(insurer.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("ins");
    assertThat(own.ofType(Organization.class).get(1).getPartOf().getReference())
        .isEqualTo(References.to(insurer));
    assertThat(ndhm("india-doctor").resources().subList(0, 2))
        .usingElementComparator((a, b) -> a.equalsDeep(b) ? 0 : 1)
        .containsExactlyElementsOf(own.resources());
  }

  @Test
  void anInactiveDoctorPublishesNothing() {
    assertThat(ndhm("inactive-doctor").resources()).isEmpty();
  }

  @Test
  void theRuleCheckIsNotVacuous() {
    var practitioner = ndhm("india-doctor").ofType(Practitioner.class).get(0).copy();
    practitioner.getNameFirstRep().setText(null);
    practitioner.getIdentifier().get(1).setType(null);
    var organization = ndhm("india-doctor").ofType(Organization.class).get(0).copy();
    organization.setName(null);
    organization.getIdentifierFirstRep().setSystem(null);

    assertThat(NdhmValidator.ruleViolations(practitioner))
        .anyMatch(v -> v.contains("name.text"))
        .anyMatch(v -> v.contains("type required"));
    assertThat(NdhmValidator.ruleViolations(organization))
        .anyMatch(v -> v.contains("Organization.name"))
        .anyMatch(v -> v.contains("system required"));
  }

  @Test
  void theBaseValidatorReportsARealDataError() {
    var location = ndhm("india-doctor").ofType(Location.class).get(0).copy();
    location.addTelecom().setValue("+91 44 0000 0000"); // cpt-2: a value needs a system

    assertThat(NdhmValidator.baseErrors(location)).anyMatch(m -> m.getMessage().contains("cpt-2"));
  }

  @Test
  void aRegistrationWithoutItsCouncilIsRefused() {
    var input = ProfileFixtures.input("india-doctor");
    var registration = input.doctor().identifiers().get(1);
    var withoutCouncil =
        new Identifier(
            registration.system(),
            registration.value(),
            "MD",
            null,
            "IN-TN",
            registration.validFrom(),
            registration.validTo());
    var doctor = input.doctor().withIdentifiers(List.of(withoutCouncil));

    assertThat(MappingProfiles.problems(MappingProfile.NDHM, doctor))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("identifiers[0].issuer");
              assertThat(p.message()).contains("which council issued registration TNMC-67890");
            });
    assertThatThrownBy(
            () ->
                MappingProfiles.doctor(MappingProfile.NDHM, doctor, input.insurer(), CodeMap.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not publishable under ndhm");
  }

  @Test
  void whatTheGuideRequiresAndTheRegistryLacksIsReportedNotMadeUp() {
    var input = ProfileFixtures.input("india-doctor");
    DoctorSnapshot doctor =
        new DoctorSnapshot(
            input.doctor().id(),
            input.doctor().version(),
            true,
            input.doctor().name(),
            null,
            List.of(
                new Identifier("https://example.org/sid/x", "X-1", null, null, null, null, null)),
            List.of(
                new Qualification(
                    new Coding("http://terminology.hl7.org/CodeSystem/v2-0360", "MD", null),
                    null,
                    null)),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new Affiliation(null, new Identifier(null, "IN-1", null, null, null, null, null))),
            List.of());

    assertThat(MappingProfiles.problems(MappingProfile.NDHM, doctor))
        .extracting(Publishability.Problem::field)
        .containsExactly(
            "identifiers[0].type",
            "qualifications[0].degree.display",
            "affiliations[0].name",
            "affiliations[0].identifier.system");
  }

  @Test
  void anInsurerIdentifierWithoutASystemIsRefused() {
    var insurer =
        new InsurerContext(
            "star-shield",
            "Star Shield",
            new Identifier(null, "IRDAI-129", null, null, null, null, null),
            List.of());

    assertThatThrownBy(() -> MappingProfiles.insurer(MappingProfile.NDHM, insurer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no system");
  }

  private static PublishedResources ndhm(String fixture) {
    return ((MappedDoctor.Fhir) ProfileFixtures.input(fixture).map(MappingProfile.NDHM))
        .resources();
  }
}
