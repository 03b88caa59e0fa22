package org.docport.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.docport.connectors.fhirrest.PublishedRef;
import org.docport.insurersim.WriteLogEntry;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.mappings.PlanNetProfiles;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.TechnicalEndpoint;
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
import org.junit.jupiter.api.Test;

/** A doctor's delivery through the {@code fhir-rest} route to a real FHIR server. */
class FhirRestDeliveryTest extends ConnectorTestSupport {

  private final UUID doctorId = UUID.randomUUID();

  @Test
  void deliveringADoctorPublishesEveryResourceLinkedByTheInsurersIds() {
    var doctor = Doctors.doctor(doctorId, 3, "north", "south");

    var delivered = delivered(doctor, Map.of());

    var practitioner = practitioner();
    var north = location("north");
    var south = location("south");
    var hospital = single(insurer.all(Organization.class), o -> !isNetwork(o));
    var gold = network("gold");
    var silver = network("silver");
    assertThat(insurer.all(PractitionerRole.class)).hasSize(4);
    for (var place : List.of(north, south)) {
      for (var network : List.of(gold, silver)) {
        var role = role(place, network);
        assertThat(role.getPractitioner().getReference()).isEqualTo(ref(practitioner));
        assertThat(role.getLocationFirstRep().getReference()).isEqualTo(ref(place));
        assertThat(role.getOrganization().getReference()).isEqualTo(ref(hospital));
        assertThat(networkOf(role).getReference()).isEqualTo(ref(network));
      }
    }
    assertThat(delivered.version()).isEqualTo(3);
    var services = insurer.all(HealthcareService.class);
    assertThat(services).hasSize(2);
    assertThat(insurer.all(InsurancePlan.class))
        .extracting(p -> p.getNetworkFirstRep().getReference())
        .containsExactlyInAnyOrder(ref(gold), ref(silver));
    assertThat(insurer.all(OrganizationAffiliation.class))
        .hasSize(2)
        .allMatch(a -> a.getParticipatingOrganization().getReference().equals(ref(hospital)));
    for (var place : List.of(north, south)) {
      var service =
          single(services, s -> s.getLocationFirstRep().getReference().equals(ref(place)));
      assertThat(role(place, gold).getHealthcareServiceFirstRep().getReference())
          .isEqualTo(ref(service));
    }
    // networks, plans, hospital, locations, services, practitioner, roles, affiliations
    assertThat(references(delivered.published()))
        .hasSize(2 + 2 + 1 + 2 + 2 + 1 + 4 + 2)
        .containsEntry(
            key(BusinessIdentifiers.PRACTITIONER, doctorId.toString()), ref(practitioner))
        .containsEntry(key(BusinessIdentifiers.LOCATION, doctorId + "/north"), ref(north));
  }

  @Test
  void theInsurersOwnPairPublishesTheInsurersResourcesOnlyOnceItSeesADoctor() {
    DeliveryJob own = job(DeliveryJob.INSURERS_OWN, 1, Map.of());

    assertThat(connectors.deliver(own)).isInstanceOf(DeliveryResult.Skipped.class);
    assertThat(insurer.writeCount()).isZero();

    subjects.consent(Doctors.ACME, Doctors.doctor(doctorId, 3, "north"));
    DeliveryResult result = connectors.deliver(own);

    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(insurer.all(Organization.class)).hasSize(2); // the two networks
    assertThat(insurer.all(InsurancePlan.class)).hasSize(2);
    assertThat(insurer.all(Practitioner.class)).isEmpty();
    assertThat(insurer.all(Location.class)).isEmpty();
    assertThat(((DeliveryResult.Delivered) result).published()).hasSize(4);
  }

  @Test
  void searchThenWriteIsIdempotentForInsurersWithoutConditionalUpdate() {
    connectors.connect(
        Doctors.INSURER_ID,
        new ConnectorSettings(
            ConnectorSettings.FHIR_REST,
            insurer.baseUrl(),
            null,
            ConnectorSettings.SEARCH_THEN_WRITE));
    var doctor = Doctors.doctor(doctorId, 3, "north");

    var first = delivered(doctor, Map.of());
    var countsAfterFirst = counts();
    var second = delivered(Doctors.doctor(doctorId, 4, "north"), first.published());

    assertThat(counts()).isEqualTo(countsAfterFirst);
    assertThat(references(second.published())).isEqualTo(references(first.published()));
    assertThat(BusinessIdentifiers.registryVersion(practitioner())).contains(4L);
    assertThat(role(location("north"), network("gold")).getPractitioner().getReference())
        .isEqualTo(ref(practitioner()));
  }

  @Test
  void onlyWhatChangedIsWrittenAgain() {
    var first = delivered(Doctors.doctor(doctorId, 3, "north"), Map.of());
    int writes = insurer.writeCount();

    delivered(Doctors.doctor(doctorId, 4, "north"), first.published());

    // Only the Practitioner (which carries the registry version) changed.
    assertThat(insurer.writeCount()).isEqualTo(writes + 1);
    assertThat(BusinessIdentifiers.registryVersion(practitioner())).contains(4L);
  }

  @Test
  void aPublishedMapWithoutFingerprintsForcesAFullRewrite() {
    var first = delivered(Doctors.doctor(doctorId, 3, "north"), Map.of());
    int writes = insurer.writeCount();
    var bare = new HashMap<String, String>();
    first.published().forEach((k, v) -> bare.put(k, PublishedRef.referenceOf(v)));

    delivered(Doctors.doctor(doctorId, 3, "north"), bare);

    assertThat(insurer.writeCount()).isEqualTo(writes + first.published().size());
  }

  @Test
  void theInsurerCanTellWhichRegistryVersionItHolds() {
    var first = delivered(Doctors.doctor(doctorId, 3, "north"), Map.of());

    delivered(Doctors.doctor(doctorId, 4, "north"), first.published());

    assertThat(BusinessIdentifiers.registryVersion(practitioner())).contains(4L);
  }

  @Test
  void redeliveringTheSameSnapshotChangesNothingAtTheInsurer() {
    var doctor = Doctors.doctor(doctorId, 3, "north", "south");
    var first = delivered(doctor, Map.of());
    var countsAfterFirst = counts();

    var second = delivered(doctor, first.published());
    var third = delivered(doctor, Map.of());

    assertThat(counts()).isEqualTo(countsAfterFirst);
    assertThat(second.published()).isEqualTo(first.published());
    assertThat(third.published()).isEqualTo(first.published());
    // findByIdentifier throws on duplicates.
    practitioner();
    role(location("north"), network("gold"));
    role(location("south"), network("silver"));
  }

  @Test
  void aRemovedLocationIsWithdrawnWithItsRolesWhileThePractitionerStays() {
    var before = delivered(Doctors.doctor(doctorId, 3, "north", "south"), Map.of());
    var practitionerBefore = practitioner();
    var north = location("north");

    var after = delivered(Doctors.doctor(doctorId, 4, "north"), before.published());

    assertThat(find(Location.class, BusinessIdentifiers.LOCATION, doctorId + "/south")).isEmpty();
    assertThat(insurer.all(PractitionerRole.class))
        .hasSize(2)
        .allMatch(r -> r.getLocationFirstRep().getReference().equals(ref(north)));
    assertThat(practitioner().getIdElement().getIdPart())
        .isEqualTo(practitionerBefore.getIdElement().getIdPart());
    assertThat(location("north").getIdElement().getIdPart())
        .isEqualTo(north.getIdElement().getIdPart());
    assertThat(after.published().keySet())
        .noneMatch(k -> k.contains("/south"))
        .contains(key(BusinessIdentifiers.LOCATION, doctorId + "/north"));
  }

  @Test
  void endpointsAreWrittenBeforeTheRolesThatReferToThemAndDeletedAfterTheRolesLetGo() {
    var endpoint =
        new TechnicalEndpoint(
            "ep-1", "hl7-fhir-rest", "https://fhir.example.org/r4", "Clinic FHIR", null, null);
    int writesBefore = insurer.writeLog().size();

    var before =
        delivered(Doctors.doctor(doctorId, 3, "north").withEndpoints(List.of(endpoint)), Map.of());

    var atInsurer =
        find(Endpoint.class, BusinessIdentifiers.ENDPOINT, doctorId + "/ep-1").orElseThrow();
    assertThat(atInsurer.getAddress()).isEqualTo("https://fhir.example.org/r4");
    assertThat(insurer.all(PractitionerRole.class))
        .hasSize(2)
        .allSatisfy(
            r -> assertThat(r.getEndpointFirstRep().getReference()).isEqualTo(ref(atInsurer)));
    var types =
        insurer.writeLog().subList(writesBefore, insurer.writeLog().size()).stream()
            .map(WriteLogEntry::resourceType)
            .toList();
    assertThat(types.indexOf("Endpoint")).isLessThan(types.indexOf("PractitionerRole"));

    delivered(Doctors.doctor(doctorId, 4, "north"), before.published());

    assertThat(insurer.all(Endpoint.class)).isEmpty();
    assertThat(insurer.all(PractitionerRole.class)).hasSize(2).noneMatch(r -> r.hasEndpoint());
  }

  @Test
  void aDoctorWhoBecameInactiveIsWithdrawnAndSharedOrganizationsStay() {
    var active = Doctors.doctor(doctorId, 3, "north", "south");
    var before = delivered(active, Map.of());
    var inactive =
        new DoctorSnapshot(
            doctorId,
            4L,
            false,
            active.name(),
            active.gender(),
            active.identifiers(),
            active.qualifications(),
            active.specialties(),
            active.languages(),
            active.telecom(),
            active.locations(),
            active.affiliations(),
            active.endpoints());

    var after = delivered(inactive, before.published());

    assertThat(insurer.all(Practitioner.class)).isEmpty();
    assertThat(insurer.all(PractitionerRole.class)).isEmpty();
    assertThat(insurer.all(Location.class)).isEmpty();
    assertThat(insurer.all(HealthcareService.class)).isEmpty();
    assertThat(insurer.all(Organization.class)).isNotEmpty();
    assertThat(after.published()).isEmpty();
  }

  @Test
  void withdrawingWhatTheInsurerNoLongerHasIsNotAFailure() {
    var first = delivered(Doctors.doctor(doctorId, 3, "north"), Map.of());
    var published = new HashMap<>(first.published());
    published.put(key(BusinessIdentifiers.LOCATION, doctorId + "/gone"), "Location/999999");

    var result = deliver(Doctors.doctor(doctorId, 4, "north"), published);

    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
  }

  @Test
  void withdrawalEndsRolesThenRemovesWhatTheDoctorOwnsAndKeepsSharedOrganizations() {
    var published = delivered(Doctors.doctor(doctorId, 3, "north", "south"), Map.of()).published();
    int writesBefore = insurer.writeLog().size();

    var remaining = connectors.withdraw(new Withdrawal(Doctors.INSURER_ID, doctorId, published));

    assertThat(insurer.all(Practitioner.class)).isEmpty();
    assertThat(insurer.all(PractitionerRole.class)).isEmpty();
    assertThat(insurer.all(Location.class)).isEmpty();
    assertThat(insurer.all(HealthcareService.class)).isEmpty();
    assertThat(insurer.all(Organization.class)).isNotEmpty();
    var withdrawal = insurer.writeLog().subList(writesBefore, insurer.writeLog().size());
    // Every role is first updated (its period ended), and only then is anything deleted.
    assertThat(withdrawal.subList(0, 4))
        .allMatch(w -> w.resourceType().equals("PractitionerRole"))
        .allMatch(w -> w.operation() == WriteLogEntry.Operation.UPDATE);
    assertThat(withdrawal.subList(4, withdrawal.size()))
        .allMatch(w -> w.operation() == WriteLogEntry.Operation.DELETE);
    assertThat(remaining.values())
        .isNotEmpty()
        .extracting(ref -> PublishedRef.referenceOf(ref).split("/")[0])
        .containsOnly("Organization", "InsurancePlan", "OrganizationAffiliation");

    // Withdrawing again (a retried activity) is harmless.
    assertThat(connectors.withdraw(new Withdrawal(Doctors.INSURER_ID, doctorId, published)))
        .isEqualTo(remaining);
  }

  @Test
  void doctorsDeliveredInParallelShareOneAffiliatedOrganization() throws Exception {
    var doctors =
        IntStream.range(0, 8).mapToObj(i -> Doctors.doctor(UUID.randomUUID(), 1, "north")).toList();
    doctors.forEach(d -> subjects.consent(Doctors.ACME, d));
    var workers = Executors.newFixedThreadPool(4);
    try {
      var results =
          workers.invokeAll(
              doctors.stream()
                  .<Callable<DeliveryResult>>map(
                      d -> () -> connectors.deliver(job(d.id(), 1, Map.of())))
                  .toList());
      for (var result : results) {
        assertThat(result.get()).isInstanceOf(DeliveryResult.Delivered.class);
      }
    } finally {
      workers.shutdown();
    }

    assertThat(insurer.all(Practitioner.class)).hasSize(8);
    assertThat(insurer.all(PractitionerRole.class)).hasSize(16);
    assertThat(insurer.all(Organization.class)).hasSize(2 + 1);
  }

  @Test
  void withoutActiveConsentNothingIsSent() {
    var result = connectors.deliver(job(doctorId, 3, Map.of()));

    assertThat(result).isInstanceOf(DeliveryResult.Skipped.class);
    assertThat(insurer.writeCount()).isZero();
  }

  @Test
  void aPausedInsurerIsSentNothingAndThePairIsHeld() {
    subjects.consent(Doctors.ACME, Doctors.doctor(doctorId, 1, "north"));
    subjects.pause(Doctors.ACME);

    var result = connectors.deliver(job(doctorId, 1, Map.of()));

    assertThat(result).isInstanceOf(DeliveryResult.Held.class);
    assertThat(insurer.writeCount()).isZero();
  }

  private Practitioner practitioner() {
    return find(Practitioner.class, BusinessIdentifiers.PRACTITIONER, doctorId.toString())
        .orElseThrow();
  }

  private Location location(String id) {
    return find(Location.class, BusinessIdentifiers.LOCATION, doctorId + "/" + id).orElseThrow();
  }

  private Organization network(String id) {
    return find(Organization.class, BusinessIdentifiers.NETWORK, Doctors.INSURER_ID + "/" + id)
        .orElseThrow();
  }

  private PractitionerRole role(Location place, Organization network) {
    String location = place.getIdentifierFirstRep().getValue();
    String networkId = network.getIdentifierFirstRep().getValue().split("/")[1];
    return find(
            PractitionerRole.class,
            BusinessIdentifiers.PRACTITIONER_ROLE,
            location + "/" + networkId)
        .orElseThrow();
  }

  private <T extends Resource> Optional<T> find(Class<T> type, String system, String value) {
    return insurer.findByIdentifier(type, system, value);
  }

  private Map<String, Integer> counts() {
    return Map.of(
        "Organization", insurer.all(Organization.class).size(),
        "Location", insurer.all(Location.class).size(),
        "Practitioner", insurer.all(Practitioner.class).size(),
        "PractitionerRole", insurer.all(PractitionerRole.class).size());
  }

  private static <T> T single(List<T> values, Predicate<T> filter) {
    var matching = values.stream().filter(filter).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  private static boolean isNetwork(Organization organization) {
    return organization.getIdentifierFirstRep().getSystem().equals(BusinessIdentifiers.NETWORK);
  }

  private static Reference networkOf(PractitionerRole role) {
    return (Reference)
        role.getExtensionByUrl(PlanNetProfiles.NETWORK_REFERENCE_EXTENSION).getValue();
  }

  /** The insurer's own reference to a resource it holds. */
  private static String ref(Resource resource) {
    return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
  }

  private static String key(String system, String value) {
    return system + "|" + value;
  }

  private static Map<String, String> references(Map<String, String> published) {
    var references = new HashMap<String, String>();
    published.forEach((k, v) -> references.put(k, PublishedRef.referenceOf(v)));
    return references;
  }
}
