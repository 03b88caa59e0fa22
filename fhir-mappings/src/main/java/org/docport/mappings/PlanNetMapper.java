package org.docport.mappings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.docport.mappings.codes.Translation;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.mappings.snapshot.InsurerContext.Network;
import org.docport.mappings.snapshot.PracticeLocation;
import org.docport.mappings.snapshot.TechnicalEndpoint;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Maps one doctor, as published to one insurer, to FHIR R4 resources shaped after Da Vinci PDex
 * Plan-Net.
 *
 * <p>Pure and deterministic: the same snapshot and insurer always give equal resources with the
 * same ids, which is what lets connectors re-deliver harmlessly. The insurer appears as a payer
 * Organization (once its address is known), each insurer network as a Network Organization and an
 * InsurancePlan, the doctor as one Practitioner, each practice location as a Location and the
 * HealthcareService offered there, each technical endpoint as an Endpoint, each affiliation as an
 * Organization and, in each network, an OrganizationAffiliation, and the doctor at each location in
 * each network as a PractitionerRole. A doctor without locations, or an insurer without networks,
 * therefore yields no PractitionerRole.
 *
 * <p>Each of the doctor's technical endpoints becomes an Endpoint that every PractitionerRole
 * refers to (they belong to the doctor, not to a location: see {@link EndpointMapping}). DocPort's
 * own FHIR API is not one of them: it is the insurer's way in, not a way to reach the doctor.
 *
 * <p>An inactive doctor yields no resources at all. Plan-Net fixes {@code active} to true on
 * Practitioner and PractitionerRole (a directory lists who can be seen, not who once could), so the
 * way to say a doctor stopped practising is to withdraw them: connectors delete what an insurer
 * holds and the mapping no longer produces, as they do for a closed practice location.
 */
public final class PlanNetMapper {

  private PlanNetMapper() {}

  /**
   * @throws IllegalArgumentException when an id the business identifiers are built from is missing
   *     (doctor, location, insurer or network id), when the insurer or a network has no name, or
   *     when the doctor is active and {@link Publishability#problems} finds the snapshot
   *     unpublishable (the message lists why)
   */
  public static PublishedResources map(DoctorSnapshot snapshot, InsurerContext insurer) {
    Objects.requireNonNull(snapshot, "snapshot");
    return map(snapshot, insurer, Translation.identity(snapshot.normalized().specialties()));
  }

  /**
   * {@link #map(DoctorSnapshot, InsurerContext)} with the doctor's specialties as the insurer's
   * code map translated them ({@link SpecialtyConcepts}); what the map could not translate is the
   * caller's to report ({@link MappingProfiles}).
   *
   * @param specialties the translation of the normalized snapshot's specialties
   * @throws IllegalArgumentException also when the code map gives a code Plan-Net does not list
   *     ({@link MappingProfiles#codeMapProblems} refuses such a map at upload)
   */
  static PublishedResources map(
      DoctorSnapshot snapshot, InsurerContext insurer, Translation specialties) {
    Objects.requireNonNull(insurer, "insurer");
    DoctorSnapshot doctor =
        Publishability.toPublish(snapshot, "Plan-Net", Publishability::problems).orElse(null);
    if (doctor == null) {
      return new PublishedResources(List.of());
    }
    PlanNetSpecialties.requireTargetsListed(specialties);
    List<CodeableConcept> specialtyConcepts = SpecialtyConcepts.of(specialties);
    InsurersOwn own = insurersOwn(insurer);
    Map<Network, Organization> networks = own.networks();
    Reference insurerRef = own.reference();
    List<Organization> affiliations = OrganizationMapping.affiliations(doctor);
    Organization affiliation = affiliations.size() == 1 ? affiliations.get(0) : null;
    Map<PracticeLocation, Location> locations = new LinkedHashMap<>();
    Map<PracticeLocation, HealthcareService> services = new LinkedHashMap<>();
    Elements.distinct(doctor.locations(), PracticeLocation::id)
        .forEach(
            p -> {
              Location location = LocationMapping.location(doctor.id(), p);
              locations.put(p, location);
              services.put(
                  p,
                  HealthcareServiceMapping.service(
                      doctor, p, location, affiliation, specialtyConcepts));
            });
    List<Endpoint> endpoints =
        Elements.distinct(doctor.endpoints(), TechnicalEndpoint::id).stream()
            .map(e -> EndpointMapping.endpoint(doctor.id(), e))
            .flatMap(Optional::stream)
            .toList();
    Practitioner practitioner = PractitionerMapping.practitioner(doctor);

    List<PractitionerRole> roles =
        PractitionerRoleMapping.roles(
            new PractitionerRoleMapping.Doctor(
                doctor,
                practitioner,
                affiliation,
                endpoints,
                specialtyConcepts,
                PlanNetProfiles.PRACTITIONER_ROLE),
            locations,
            services,
            networks);
    List<OrganizationAffiliation> participations = new ArrayList<>();
    affiliations.forEach(
        participant ->
            networks.forEach(
                (network, networkOrg) ->
                    participations.add(
                        AffiliationMapping.affiliation(
                            insurer.id(), network.id(), networkOrg, participant, insurerRef))));

    List<Resource> resources = new ArrayList<>(own.resources());
    resources.addAll(affiliations);
    resources.addAll(locations.values());
    resources.addAll(services.values());
    resources.addAll(endpoints);
    resources.add(practitioner);
    resources.addAll(roles);
    resources.addAll(participations);
    return new PublishedResources(resources);
  }

  /**
   * The insurer's own resources, in write order: its Organization (once its address is known), its
   * networks and their InsurancePlans. They are the first resources of every doctor's {@link #map},
   * equal to these; published on their own when only the insurer changed, so that an edit of the
   * insurer reaches it once rather than once per doctor.
   *
   * @throws IllegalArgumentException when the insurer's or a network's id or name is missing, or a
   *     network's product type is not a Plan-Net code
   */
  public static PublishedResources insurer(InsurerContext insurer) {
    Objects.requireNonNull(insurer, "insurer");
    return new PublishedResources(insurersOwn(insurer).resources());
  }

  private static InsurersOwn insurersOwn(InsurerContext insurer) {
    Organization organization = InsurerMapping.organization(insurer).orElse(null);
    Map<Network, Organization> networks = new LinkedHashMap<>();
    Elements.distinct(Elements.present(insurer.networks()), Network::id)
        .forEach(n -> networks.put(n, OrganizationMapping.network(insurer, n, organization)));
    // Every network has a partOf, so the insurer has a reference whenever there is a network.
    Reference reference = InsurerMapping.reference(insurer, organization).orElse(null);
    List<Resource> resources = new ArrayList<>();
    if (organization != null) {
      resources.add(organization);
    }
    resources.addAll(networks.values());
    networks.forEach((n, org) -> resources.add(InsurerMapping.plan(insurer, n, org, reference)));
    return new InsurersOwn(networks, reference, resources);
  }

  /** The insurer's own resources and what a doctor's resources refer to of them. */
  private record InsurersOwn(
      Map<Network, Organization> networks, Reference reference, List<Resource> resources) {}
}
