package org.docport.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.docport.mappings.snapshot.ContactPoint;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.mappings.snapshot.InsurerContext.Network;
import org.docport.mappings.snapshot.PracticeLocation;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class PlanNetMapperTest {

  @ParameterizedTest
  @FieldSource("org.docport.mappings.Fixtures#NAMES")
  void everyReferencePointsAtAResourceWrittenEarlier(String fixture) {
    Set<String> written = new HashSet<>();
    for (Resource resource : Fixtures.mapped(fixture).resources()) {
      assertThat(literalReferences(resource)).isSubsetOf(written);
      written.add(References.to(resource));
    }
  }

  /**
   * The insurer's own resources, published alone when only the insurer changed, are exactly those
   * every doctor's delivery starts with: the two paths never publish different content for them.
   */
  @ParameterizedTest
  @FieldSource("org.docport.mappings.Fixtures#ACTIVE")
  void theInsurersOwnResourcesAreTheOnesEveryDoctorPublishesFirst(String fixture) {
    var input = Fixtures.input(fixture);
    List<Resource> own = PlanNetMapper.insurer(input.insurer()).resources();
    List<Resource> doctors = input.map().resources();

    assertThat(own).isNotEmpty();
    for (int i = 0; i < own.size(); i++) {
      assertThat(own.get(i).equalsDeep(doctors.get(i))).as("resource %d", i).isTrue();
    }
    assertThat(doctors.get(own.size()).fhirType()).isNotEqualTo("InsurancePlan");
    assertThat(own)
        .allSatisfy(
            r ->
                assertThat(BusinessIdentifiers.of(r).getSystem())
                    .isIn(
                        BusinessIdentifiers.INSURER,
                        BusinessIdentifiers.NETWORK,
                        BusinessIdentifiers.INSURANCE_PLAN));
  }

  @Test
  void resourcesComeInWriteOrder() {
    var types =
        Fixtures.mapped("several-locations-doctor").resources().stream()
            .map(PlanNetMapperTest::kind)
            .toList();

    assertThat(types)
        .containsExactly(
            "Network",
            "Network",
            "InsurancePlan",
            "InsurancePlan",
            "Organization",
            "Organization",
            "Location",
            "Location",
            "Location",
            "HealthcareService",
            "HealthcareService",
            "HealthcareService",
            "Practitioner",
            "PractitionerRole",
            "PractitionerRole",
            "PractitionerRole",
            "PractitionerRole",
            "PractitionerRole",
            "PractitionerRole",
            "OrganizationAffiliation",
            "OrganizationAffiliation",
            "OrganizationAffiliation",
            "OrganizationAffiliation");
  }

  @Test
  void oneRolePerLocationAndNetwork() {
    var published = Fixtures.mapped("several-locations-doctor");

    var placements =
        published.ofType(PractitionerRole.class).stream()
            .map(r -> r.getLocationFirstRep().getReference() + " in " + network(r))
            .toList();

    assertThat(placements).hasSize(6).doesNotHaveDuplicates();
    for (Location location : published.ofType(Location.class)) {
      assertThat(placements).filteredOn(p -> p.startsWith(References.to(location))).hasSize(2);
    }
  }

  @Test
  void inactiveDoctorIsWithdrawnRatherThanPublished() {
    // Plan-Net fixes active to true; connectors delete what the mapping no longer produces.
    var input = Fixtures.input("inactive-doctor");

    assertThat(input.doctor().active()).isFalse();
    assertThat(input.map().resources()).isEmpty();
  }

  @Test
  void everyPublishedPractitionerAndRoleIsActive() {
    for (String fixture : Fixtures.ACTIVE) {
      var published = Fixtures.mapped(fixture);
      assertThat(published.ofType(Practitioner.class)).allMatch(Practitioner::getActive);
      assertThat(published.ofType(PractitionerRole.class)).allMatch(PractitionerRole::getActive);
    }
  }

  @Test
  void roleCarriesTheDoctorsContactPointsWhenTheDoctorHasAny() {
    var published = Fixtures.mapped("several-locations-doctor");
    var doctorTelecom = published.ofType(Practitioner.class).get(0).getTelecom();

    assertThat(doctorTelecom).hasSize(2);
    for (PractitionerRole role : published.ofType(PractitionerRole.class)) {
      assertThat(role.getTelecom())
          .usingElementComparator((a, b) -> a.equalsDeep(b) ? 0 : 1)
          .containsExactlyElementsOf(doctorTelecom);
    }
  }

  @Test
  void roleFallsBackToThePracticeLocationsTelephone() {
    var published = Fixtures.mapped("location-contact-doctor");

    assertThat(published.ofType(Practitioner.class).get(0).hasTelecom()).isFalse();
    assertThat(published.ofType(PractitionerRole.class))
        .singleElement()
        .satisfies(
            role ->
                assertThat(role.getTelecom())
                    .singleElement()
                    .returns("+91 832 242 0000", c -> c.getValue())
                    .returns(ContactPointSystem.PHONE, c -> c.getSystem()));
  }

  @Test
  void aDoctorNobodyCanContactIsRefusedWithTheReason() {
    var input = Fixtures.input("new-user-doctor");
    var unreachable = withTelecom(input.doctor(), List.of());

    assertThatThrownBy(() -> PlanNetMapper.map(unreachable, input.insurer()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("practice location 'Rao Clinic'")
        .hasMessageContaining("contact information or an Endpoint on every PractitionerRole");
  }

  @Test
  void everyRoleRefersToEveryEndpointOfTheDoctorAndNoLocationDoes() {
    var input = Fixtures.input("endpoint-doctor");
    var place = input.doctor().locations().get(0);
    var doctor =
        input
            .doctor()
            .withLocations(
                List.of(place, new PracticeLocation("loc-2", "Iyer Annexe", null, null, null)));
    var insurer =
        new InsurerContext(
            "acme-health",
            "Acme Health",
            null,
            List.of(new Network("gold", "Gold PPO"), new Network("silver", "Silver HMO")));

    var published = PlanNetMapper.map(doctor, insurer);

    var endpoints = published.ofType(Endpoint.class).stream().map(References::to).toList();
    assertThat(endpoints).hasSize(2);
    assertThat(published.ofType(PractitionerRole.class))
        .hasSize(4)
        .allSatisfy(
            role ->
                assertThat(role.getEndpoint())
                    .extracting(Reference::getReference)
                    .containsExactlyElementsOf(endpoints));
    assertThat(published.ofType(Location.class))
        .allSatisfy(l -> assertThat(l.hasEndpoint()).isFalse());
  }

  @Test
  void anEndpointIsTheSameResourceAtEveryInsurer() {
    var input = Fixtures.input("endpoint-doctor");
    var other =
        new InsurerContext(
            "zen-health", "Zen Health", null, List.of(new Network("basic", "Zen Basic")));

    var atAcme = PlanNetMapper.map(input.doctor(), input.insurer()).ofType(Endpoint.class);
    var atZen = PlanNetMapper.map(input.doctor(), other).ofType(Endpoint.class);

    assertThat(TestFhir.encode(new PublishedResources(List.copyOf(atZen))))
        .isEqualTo(TestFhir.encode(new PublishedResources(List.copyOf(atAcme))));
  }

  @Test
  void affiliationsClaimNoPlanNetProfile() {
    // plannet-Organization requires a type and an address, which the registry does not hold.
    var organizations = Fixtures.mapped("several-locations-doctor").ofType(Organization.class);

    assertThat(organizations)
        .filteredOn(o -> !isNetwork(o))
        .hasSize(2)
        .allMatch(o -> !o.getMeta().hasProfile());
  }

  @Test
  void anInsurerWithoutAnAddressHasNoOrganizationAndItsPlansReferToItByIdentifier() {
    var published = Fixtures.mapped("several-locations-doctor");

    assertThat(published.ofType(Organization.class))
        .noneMatch(o -> o.getMeta().hasProfile(PlanNetProfiles.ORGANIZATION));
    assertThat(published.ofType(InsurancePlan.class))
        .hasSize(2)
        .allSatisfy(
            plan -> {
              assertThat(plan.getOwnedBy().hasReference()).isFalse();
              assertThat(plan.getOwnedBy().getIdentifier().getValue()).isEqualTo("IRDAI-145");
              assertThat(plan.getAdministeredBy().getDisplay()).isEqualTo("Acme Health Insurance");
            });
    assertThat(published.ofType(InsurancePlan.class))
        .extracting(p -> p.getTypeFirstRep().getCodingFirstRep().getCode())
        .containsExactly(Network.DEFAULT_PRODUCT_TYPE, "qhp");
  }

  @Test
  void anInsurerWithAnAddressOwnsItsPlansAndAffiliations() {
    var published = Fixtures.mapped("full-doctor");
    var insurer =
        published.ofType(Organization.class).stream()
            .filter(o -> o.getMeta().hasProfile(PlanNetProfiles.ORGANIZATION))
            .findFirst()
            .orElseThrow();
    String reference = References.to(insurer);

    assertThat(published.ofType(InsurancePlan.class))
        .singleElement()
        .satisfies(
            plan -> {
              assertThat(plan.getOwnedBy().getReference()).isEqualTo(reference);
              assertThat(plan.getAdministeredBy().getReference()).isEqualTo(reference);
            });
    assertThat(published.ofType(OrganizationAffiliation.class))
        .singleElement()
        .satisfies(a -> assertThat(a.getOrganization().getReference()).isEqualTo(reference));
  }

  /** Two doctors of one hospital publish one OrganizationAffiliation, shared like the hospital. */
  @Test
  void organizationAffiliationsDoNotDependOnTheDoctor() {
    var input = Fixtures.input("full-doctor");
    var other = input.doctor().withIdentity(java.util.UUID.randomUUID(), 1);

    var mine = PlanNetMapper.map(input.doctor(), input.insurer());
    var theirs = PlanNetMapper.map(other, input.insurer());

    assertThat(
            TestFhir.CONTEXT
                .newJsonParser()
                .encodeResourceToString(mine.ofType(OrganizationAffiliation.class).get(0)))
        .isEqualTo(
            TestFhir.CONTEXT
                .newJsonParser()
                .encodeResourceToString(theirs.ofType(OrganizationAffiliation.class).get(0)));
    assertThat(mine.ofType(HealthcareService.class).get(0).getId())
        .isNotEqualTo(theirs.ofType(HealthcareService.class).get(0).getId());
  }

  @Test
  void eachRoleOffersTheServiceAtItsLocation() {
    var published = Fixtures.mapped("several-locations-doctor");

    for (PractitionerRole role : published.ofType(PractitionerRole.class)) {
      var service =
          published.ofType(HealthcareService.class).stream()
              .filter(
                  s -> References.to(s).equals(role.getHealthcareServiceFirstRep().getReference()))
              .findFirst()
              .orElseThrow();
      assertThat(service.getLocationFirstRep().getReference())
          .isEqualTo(role.getLocationFirstRep().getReference());
    }
  }

  @Test
  void roleNamesTheAffiliationOnlyWhenThereIsExactlyOne() {
    var single = Fixtures.mapped("full-doctor");
    var several = Fixtures.mapped("several-locations-doctor");

    var affiliation =
        single.ofType(Organization.class).stream().filter(o -> !o.getMeta().hasProfile()).toList();
    assertThat(affiliation).hasSize(1);
    assertThat(single.ofType(PractitionerRole.class))
        .allMatch(
            r -> r.getOrganization().getReference().equals(References.to(affiliation.get(0))));
    assertThat(several.ofType(PractitionerRole.class)).noneMatch(PractitionerRole::hasOrganization);
  }

  @Test
  void repeatedNetworksAndLocationsArePublishedOnce() {
    var input = Fixtures.input("minimal-doctor");
    var doctor = input.doctor();
    var place = new PracticeLocation("main", "Mehta Clinic", null, null, "+91 22 2200 0000");
    var twice =
        new DoctorSnapshot(
            doctor.id(),
            doctor.version(),
            true,
            doctor.name(),
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(place, place),
            null,
            null);
    var network = new Network("basic", "Acme Basic Network");
    var insurer = new InsurerContext("acme-health", "Acme Health", null, List.of(network, network));

    var published = PlanNetMapper.map(twice, insurer);

    // network, plan, location, service, practitioner, role
    assertThat(published.resources()).hasSize(6);
  }

  @Test
  void practitionerCarriesTheRegistryVersionAsAString() {
    var practitioner = Fixtures.mapped("full-doctor").ofType(Practitioner.class).get(0);

    var extension = practitioner.getExtensionByUrl(BusinessIdentifiers.REGISTRY_VERSION_EXTENSION);
    assertThat(extension.getValue()).isInstanceOf(StringType.class);
    assertThat(extension.getValue().primitiveValue()).isEqualTo("7");
    assertThat(BusinessIdentifiers.registryVersion(practitioner)).contains(7L);
  }

  @Test
  void registryVersionBeyondTheFhirIntegerRangeSurvives() {
    var input = Fixtures.input("minimal-doctor");
    long version = 3_000_000_000L;
    var doctor = input.doctor().withIdentity(input.doctor().id(), version);

    var practitioner = PlanNetMapper.map(doctor, input.insurer()).ofType(Practitioner.class).get(0);

    assertThat(BusinessIdentifiers.registryVersion(practitioner)).contains(version);
  }

  @ParameterizedTest
  @FieldSource("org.docport.mappings.Fixtures#ACTIVE")
  void onlyThePractitionerCarriesTheRegistryVersion(String fixture) {
    var others =
        Fixtures.mapped(fixture).resources().stream()
            .filter(r -> !(r instanceof Practitioner))
            .toList();

    assertThat(others)
        .isNotEmpty()
        .noneMatch(PlanNetMapperTest::containsRegistryVersion)
        .anyMatch(Location.class::isInstance)
        .anyMatch(PractitionerRole.class::isInstance);
  }

  @Test
  void roleAndLocationDoNotChangeWhenOnlyTheRegistryVersionDoes() {
    var input = Fixtures.input("full-doctor");
    var before = PlanNetMapper.map(input.doctor(), input.insurer());
    var after =
        PlanNetMapper.map(
            input.doctor().withIdentity(input.doctor().id(), input.doctor().version() + 1),
            input.insurer());

    for (int i = 0; i < before.resources().size(); i++) {
      var old = before.resources().get(i);
      var next = after.resources().get(i);
      assertThat(next.equalsDeep(old))
          .as("%s unchanged by a new registry version", References.to(old))
          .isEqualTo(!(old instanceof Practitioner));
    }
  }

  @Test
  void absentDataProducesNoElements() {
    var practitioner = Fixtures.mapped("minimal-doctor").ofType(Practitioner.class).get(0);

    assertThat(practitioner.hasGender()).isFalse();
    assertThat(practitioner.hasTelecom()).isFalse();
    assertThat(practitioner.hasCommunication()).isFalse();
    assertThat(practitioner.getNameFirstRep().hasPrefix()).isFalse();
    assertThat(practitioner.getNameFirstRep().hasSuffix()).isFalse();
    assertThat(practitioner.getNameFirstRep().getGiven())
        .extracting(Object::toString)
        .containsExactly("Vikram");
  }

  @Test
  void aDoctorWithoutAnIdCannotBePublished() {
    var input = Fixtures.input("minimal-doctor");
    var anonymous = input.doctor().withIdentity(null, 1L);

    assertThatThrownBy(() -> PlanNetMapper.map(anonymous, input.insurer()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("doctor id");
  }

  private static boolean containsRegistryVersion(Base element) {
    if (element instanceof org.hl7.fhir.r4.model.Extension extension
        && BusinessIdentifiers.REGISTRY_VERSION_EXTENSION.equals(extension.getUrl())) {
      return true;
    }
    return element.children().stream()
        .flatMap(p -> p.getValues().stream())
        .anyMatch(PlanNetMapperTest::containsRegistryVersion);
  }

  /** The Plan-Net profile's name, or the resource type for a resource that claims none. */
  private static String kind(Resource resource) {
    return resource.getMeta().getProfile().stream()
        .map(p -> p.getValue().replaceAll(".*/plannet-", ""))
        .findFirst()
        .orElse(resource.fhirType());
  }

  private static DoctorSnapshot withTelecom(DoctorSnapshot d, List<ContactPoint> telecom) {
    return new DoctorSnapshot(
        d.id(),
        d.version(),
        d.active(),
        d.name(),
        d.gender(),
        d.identifiers(),
        d.qualifications(),
        d.specialties(),
        d.languages(),
        telecom,
        d.locations(),
        d.affiliations(),
        d.endpoints());
  }

  private static boolean isNetwork(Organization organization) {
    return organization.getMeta().hasProfile(PlanNetProfiles.NETWORK);
  }

  private static String network(PractitionerRole role) {
    return ((Reference)
            role.getExtensionByUrl(PlanNetProfiles.NETWORK_REFERENCE_EXTENSION).getValue())
        .getReference();
  }

  private static List<String> literalReferences(Base element) {
    List<String> found = new ArrayList<>();
    if (element instanceof Reference reference && reference.hasReference()) {
      found.add(reference.getReference());
    }
    element.children().forEach(p -> p.getValues().forEach(v -> found.addAll(literalReferences(v))));
    return found;
  }
}
