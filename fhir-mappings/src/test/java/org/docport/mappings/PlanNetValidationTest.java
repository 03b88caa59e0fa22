package org.docport.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.stream.Stream;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.mappings.snapshot.TechnicalEndpoint;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every resource the fixtures produce validates, with no error, against base FHIR R4 and the
 * Plan-Net 1.2.0 profile it claims ({@link PlanNetValidator}).
 */
class PlanNetValidationTest {

  static Stream<Arguments> producedResources() {
    return Fixtures.NAMES.stream()
        .flatMap(
            fixture ->
                Fixtures.mapped(fixture).resources().stream()
                    .map(r -> Arguments.of(fixture + ": " + label(r), r)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("producedResources")
  void producedResourceHasNoValidationErrors(String label, Resource resource) {
    List<SingleValidationMessage> messages = PlanNetValidator.messages(resource);

    assertThat(messages)
        .as("validation messages for %s:%n%s", label, PlanNetValidator.describe(messages))
        .noneMatch(PlanNetValidator::isError);
  }

  @Test
  void everyPlanNetResourceClaimsTheProfileItIsCheckedAgainst() {
    var claimed =
        Fixtures.NAMES.stream()
            .flatMap(f -> Fixtures.mapped(f).resources().stream())
            .filter(r -> !r.getMeta().getProfile().isEmpty())
            .map(r -> r.getMeta().getProfile().get(0).getValue())
            .distinct()
            .toList();

    assertThat(claimed)
        .containsExactlyInAnyOrder(
            PlanNetProfiles.NETWORK,
            PlanNetProfiles.ORGANIZATION,
            PlanNetProfiles.INSURANCE_PLAN,
            PlanNetProfiles.ORGANIZATION_AFFILIATION,
            PlanNetProfiles.HEALTHCARE_SERVICE,
            PlanNetProfiles.LOCATION,
            PlanNetProfiles.PRACTITIONER,
            PlanNetProfiles.PRACTITIONER_ROLE,
            PlanNetProfiles.ENDPOINT);
  }

  @Test
  void everyCanonicalUrlTheMappingsUseIsInThePackage() {
    var plannet = PlanNetValidator.planNetPackage();

    for (String profile :
        List.of(
            PlanNetProfiles.NETWORK,
            PlanNetProfiles.ORGANIZATION,
            PlanNetProfiles.INSURANCE_PLAN,
            PlanNetProfiles.ORGANIZATION_AFFILIATION,
            PlanNetProfiles.HEALTHCARE_SERVICE,
            PlanNetProfiles.LOCATION,
            PlanNetProfiles.PRACTITIONER,
            PlanNetProfiles.PRACTITIONER_ROLE,
            PlanNetProfiles.ENDPOINT,
            PlanNetProfiles.NETWORK_REFERENCE_EXTENSION)) {
      assertThat(plannet.fetchResource(StructureDefinition.class, profile))
          .as(profile)
          .isNotNull()
          .returns("1.2.0", StructureDefinition::getVersion);
    }
    CodeSystem orgTypes =
        plannet.fetchResource(CodeSystem.class, PlanNetProfiles.ORGANIZATION_TYPE_SYSTEM);
    assertThat(orgTypes.getConcept())
        .anyMatch(
            c ->
                c.getCode().equals(PlanNetProfiles.NETWORK_TYPE_CODE)
                    && c.getDisplay().equals("Network"));
    assertThat(plannet.fetchResource(ValueSet.class, PlanNetProfiles.SPECIALTY_VALUE_SET))
        .isNotNull();
  }

  @Test
  void specialtyListInTheMappingsEqualsThePackageValueSet() {
    ValueSet specialties =
        PlanNetValidator.planNetPackage()
            .fetchResource(ValueSet.class, PlanNetProfiles.SPECIALTY_VALUE_SET);

    assertThat(specialties.getCompose().getInclude())
        .singleElement()
        .satisfies(
            include -> {
              assertThat(include.getSystem()).isEqualTo(PlanNetProfiles.NUCC_PROVIDER_TAXONOMY);
              assertThat(include.getConcept())
                  .extracting(c -> c.getCode() + " " + c.getDisplay())
                  .containsExactlyElementsOf(
                      PlanNetSpecialties.all().stream()
                          .map(c -> c.code() + " " + c.display())
                          .toList());
            });
  }

  @Test
  void productTypesInTheMappingsEqualThePackageCodeSystem() {
    CodeSystem productTypes =
        PlanNetValidator.planNetPackage()
            .fetchResource(CodeSystem.class, PlanNetProfiles.PRODUCT_TYPE_SYSTEM);

    assertThat(productTypes.getConcept())
        .extracting(c -> c.getCode() + " " + c.getDisplay())
        .containsExactlyElementsOf(
            PlanNetProductTypes.codes().stream()
                .map(c -> c + " " + PlanNetProductTypes.display(c))
                .toList());
    assertThat(PlanNetProductTypes.contains(InsurerContext.Network.DEFAULT_PRODUCT_TYPE)).isTrue();
  }

  @Test
  void connectionTypesInTheMappingsEqualThePackageValueSetsCodeSystems() {
    ValueSet connectionTypes =
        PlanNetValidator.planNetPackage()
            .fetchResource(
                ValueSet.class,
                "http://hl7.org/fhir/us/davinci-pdex-plan-net/ValueSet/EndpointConnectionTypeVS");
    CodeSystem planNet =
        PlanNetValidator.planNetPackage()
            .fetchResource(CodeSystem.class, PlanNetConnectionTypes.PLAN_NET_SYSTEM);
    CodeSystem fhir =
        (CodeSystem)
            new DefaultProfileValidationSupport(TestFhir.CONTEXT)
                .fetchCodeSystem(PlanNetConnectionTypes.FHIR_SYSTEM);

    assertThat(connectionTypes.getCompose().getInclude())
        .extracting(include -> include.getSystem())
        .containsExactly(
            PlanNetConnectionTypes.FHIR_SYSTEM, PlanNetConnectionTypes.PLAN_NET_SYSTEM);
    assertThat(PlanNetConnectionTypes.codes())
        .containsExactlyElementsOf(
            Stream.concat(fhir.getConcept().stream(), planNet.getConcept().stream())
                .map(c -> c.getCode())
                .toList());
    assertThat(
            Stream.concat(fhir.getConcept().stream(), planNet.getConcept().stream())
                .filter(
                    c ->
                        !PlanNetConnectionTypes.coding(c.getCode())
                            .orElseThrow()
                            .getDisplay()
                            .equals(c.getDisplay())))
        .isEmpty();
  }

  @Test
  void theDefaultPayloadTypeIsInThePackageCodeSystem() {
    CodeSystem payloadTypes =
        PlanNetValidator.planNetPackage()
            .fetchResource(CodeSystem.class, PlanNetProfiles.PAYLOAD_TYPE_SYSTEM);

    assertThat(payloadTypes.getConcept())
        .anyMatch(c -> c.getCode().equals(PlanNetProfiles.NOT_APPLICABLE_PAYLOAD_CODE));
  }

  @Test
  void aRoleWithAnEndpointButNoContactInformationMeetsPd1() {
    var role = firstRole("endpoint-doctor");

    assertThat(role.getTelecom()).isEmpty();
    assertThat(role.getEndpoint()).hasSize(2);
    assertThat(PlanNetValidator.errors(role)).isEmpty();
  }

  /** The binding is extensible: a doctor's own payload type is published as given. */
  @Test
  void anEndpointWithAPayloadTypeOutsidePlanNetsValueSetIsValid() {
    var input = Fixtures.input("endpoint-doctor");
    var endpoint = input.doctor().endpoints().get(0);
    var ihe =
        new TechnicalEndpoint(
            endpoint.id(),
            endpoint.connectionType(),
            endpoint.address(),
            endpoint.name(),
            new org.docport.mappings.snapshot.Coding(
                "http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode",
                "urn:ihe:pcc:xphr:2007",
                "Personal Health Records"),
            endpoint.mimeTypes());
    var published =
        PlanNetMapper.map(input.doctor().withEndpoints(List.of(ihe)), input.insurer())
            .ofType(Endpoint.class)
            .get(0);

    assertThat(published.getPayloadTypeFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("urn:ihe:pcc:xphr:2007");
    assertThat(PlanNetValidator.errors(published))
        .as(PlanNetValidator.describe(PlanNetValidator.messages(published)))
        .isEmpty();
  }

  @Test
  void anEndpointWithoutAPayloadTypeBreaksThePlanNetProfile() {
    var endpoint = Fixtures.mapped("endpoint-doctor").ofType(Endpoint.class).get(0).copy();
    endpoint.getPayloadType().clear();

    assertThat(PlanNetValidator.errors(endpoint))
        .anyMatch(m -> m.getLocationString().startsWith("Endpoint"));
  }

  @Test
  void theServiceCategoryIsInThePackageCodeSystem() {
    CodeSystem categories =
        PlanNetValidator.planNetPackage()
            .fetchResource(CodeSystem.class, PlanNetProfiles.SERVICE_CATEGORY_SYSTEM);

    assertThat(categories.getConcept())
        .anyMatch(c -> c.getCode().equals(PlanNetProfiles.OUTPATIENT_CATEGORY_CODE));
  }

  /** The insurer's Organization is published only with an address, which the profile requires. */
  @Test
  void anInsurerOrganizationWithoutAnAddressBreaksThePlanNetProfile() {
    var insurer =
        Fixtures.mapped("full-doctor").ofType(Organization.class).stream()
            .filter(o -> o.getMeta().hasProfile(PlanNetProfiles.ORGANIZATION))
            .findFirst()
            .orElseThrow()
            .copy();
    insurer.getAddress().clear();

    assertThat(PlanNetValidator.errors(insurer))
        .anyMatch(m -> m.getLocationString().startsWith("Organization"));
  }

  @Test
  void aRoleWithoutContactInformationBreaksPd1() {
    var role = firstRole("new-user-doctor");
    role.getTelecom().clear();

    assertThat(PlanNetValidator.errors(role)).anyMatch(m -> m.getMessage().contains("pd-1"));
  }

  @Test
  void anInactivePractitionerBreaksThePlanNetPattern() {
    var practitioner = Fixtures.mapped("full-doctor").ofType(Practitioner.class).get(0).copy();
    practitioner.setActive(false);

    assertThat(PlanNetValidator.errors(practitioner))
        .anyMatch(m -> m.getLocationString().equals("Practitioner.active"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"123456789X", "207Q00000Y"})
  void aSpecialtyOutsidePlanNetsValueSetIsAnError(String code) {
    var role = firstRole("new-user-doctor");
    role.getSpecialtyFirstRep().getCodingFirstRep().setCode(code);

    assertThat(PlanNetValidator.errors(role))
        .anyMatch(m -> m.getMessage().contains("IndividualAndGroupSpecialtiesVS"));
  }

  @Test
  void aProfileMissingFromThePackageIsAnError() {
    var location = Fixtures.mapped("full-doctor").ofType(Location.class).get(0).copy();
    location.getMeta().addProfile("http://example.org/fhir/StructureDefinition/not-published");

    assertThat(PlanNetValidator.errors(location))
        .anyMatch(m -> m.getMessage().contains("not-published"));
  }

  @Test
  void aRealDataErrorIsReportedAsAnError() {
    var location = Fixtures.mapped("full-doctor").ofType(Location.class).get(0).copy();
    location.addTelecom().setValue("+91 80 0000 0000"); // cpt-2: a value needs a system

    assertThat(PlanNetValidator.errors(location)).anyMatch(m -> m.getMessage().contains("cpt-2"));
  }

  /**
   * Proof that leaving Plan-Net's dependency packages out hides no error: what they would have
   * supplied (US Core's USPS state value set, HL7 Terminology's v2-0360 degree codes) is reported,
   * and only as a warning.
   */
  @Test
  void missingDependencyPackagesCostOnlyWarnings() {
    List<SingleValidationMessage> messages =
        Fixtures.mapped("full-doctor").resources().stream()
            .flatMap(r -> PlanNetValidator.messages(r).stream())
            .filter(
                m ->
                    m.getMessage().contains("us-core-usps-state")
                        || m.getMessage().contains("CodeSystem/v2-0360"))
            .toList();

    assertThat(messages)
        .isNotEmpty()
        .anyMatch(m -> m.getMessage().contains("us-core-usps-state"))
        .anyMatch(m -> m.getMessage().contains("v2-0360"))
        .noneMatch(PlanNetValidator::isError);
  }

  @Test
  void aLanguageOutsideHl7sShortListIsNoError() {
    var practitioner = Fixtures.mapped("full-doctor").ofType(Practitioner.class).get(0).copy();
    practitioner.getCommunication().clear();
    practitioner.addCommunication().addCoding().setSystem("urn:ietf:bcp:47").setCode("kn");

    assertThat(PlanNetValidator.errors(practitioner)).isEmpty();
  }

  private static PractitionerRole firstRole(String fixture) {
    return Fixtures.mapped(fixture).ofType(PractitionerRole.class).get(0).copy();
  }

  private static String label(Resource resource) {
    return References.to(resource);
  }
}
