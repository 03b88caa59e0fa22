package org.docport.mappings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.docport.mappings.codes.Translation;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.mappings.snapshot.InsurerContext.Network;
import org.docport.mappings.snapshot.PracticeLocation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;

/**
 * Maps one doctor, as published to one insurer, to FHIR R4 resources for Indian insurers: the
 * {@code ndhm} profile ({@link MappingProfiles} is the entry point), after the NRCeS FHIR
 * Implementation Guide for ABDM 6.5.0 (<a
 * href="https://nrces.in/ndhm/fhir/r4/">nrces.in/ndhm/fhir/r4</a>, {@link NdhmProfiles}).
 *
 * <p>The doctor is an NRCeS Practitioner carrying their ABDM Healthcare Professionals Registry id
 * ({@link NdhmProfiles#HPR_ID_SYSTEM}) and state medical council registrations, each with the
 * council that issued it; the insurer, each of its networks and each affiliation are NRCeS
 * Organizations. Where the doctor practises is as in Plan-Net, in base FHIR R4: a Location per
 * practice location and a PractitionerRole per location and network, whose network is given by
 * Plan-Net's {@code network-reference} extension (the guide has no way to say it). The guide's
 * PractitionerRole profile is not claimed: it fixes specialty codings to SNOMED CT, and the
 * registry's specialties are NUCC or NMC codes.
 *
 * <p>Not published under this profile, having no counterpart in the guide: HealthcareService,
 * Endpoint, InsurancePlan and OrganizationAffiliation. Ids and business identifiers are those of
 * the Plan-Net mapping, so a resource both profiles publish has one identity; DocPort's business
 * identifiers are typed {@code RI} (resource identifier), which the guide requires of every
 * identifier.
 *
 * <p>Pure and deterministic, like {@link PlanNetMapper}; an inactive doctor yields nothing
 * (withdrawn from the insurer).
 */
final class NdhmMapper {

  private NdhmMapper() {}

  /**
   * @param specialties the doctor's specialties translated by the insurer's code map
   * @throws IllegalArgumentException when an id the business identifiers are built from is missing,
   *     the insurer or a network has no name, or the doctor is active and {@link
   *     MappingProfiles#problems} finds the snapshot unpublishable under ndhm (the message lists
   *     why)
   */
  static PublishedResources map(
      DoctorSnapshot snapshot, InsurerContext insurer, Translation specialties) {
    Objects.requireNonNull(insurer, "insurer");
    DoctorSnapshot doctor =
        Publishability.toPublish(snapshot, "ndhm", NdhmPublishability::problems).orElse(null);
    if (doctor == null) {
      return new PublishedResources(List.of());
    }
    Organization insurerOrg = NdhmResources.insurer(insurer);
    Map<Network, Organization> networks = networks(insurer, insurerOrg);
    List<Organization> affiliations =
        OrganizationMapping.affiliations(doctor).stream().map(NdhmResources::affiliation).toList();
    Organization affiliation = affiliations.size() == 1 ? affiliations.get(0) : null;
    Map<PracticeLocation, Location> locations = new LinkedHashMap<>();
    Elements.distinct(doctor.locations(), PracticeLocation::id)
        .forEach(p -> locations.put(p, LocationMapping.location(doctor.id(), p, null)));
    Practitioner practitioner = NdhmResources.practitioner(doctor);
    List<CodeableConcept> specialtyConcepts = SpecialtyConcepts.of(specialties);
    List<PractitionerRole> roles =
        PractitionerRoleMapping.roles(
            new PractitionerRoleMapping.Doctor(
                doctor, practitioner, affiliation, List.of(), specialtyConcepts, null),
            locations,
            Map.of(),
            networks);

    List<Resource> resources = new ArrayList<>();
    resources.add(insurerOrg);
    resources.addAll(networks.values());
    resources.addAll(affiliations);
    resources.addAll(locations.values());
    resources.add(practitioner);
    resources.addAll(roles);
    return new PublishedResources(resources);
  }

  /**
   * The insurer's own resources under ndhm, in write order: its Organization, then its networks.
   * The first resources of every doctor's {@link #map}, equal to these.
   *
   * @throws IllegalArgumentException when the insurer's or a network's id or name is missing, or
   *     the insurer's identifier has no system
   */
  static PublishedResources insurer(InsurerContext insurer) {
    Objects.requireNonNull(insurer, "insurer");
    Organization insurerOrg = NdhmResources.insurer(insurer);
    List<Resource> resources = new ArrayList<>();
    resources.add(insurerOrg);
    resources.addAll(networks(insurer, insurerOrg).values());
    return new PublishedResources(resources);
  }

  private static Map<Network, Organization> networks(
      InsurerContext insurer, Organization insurerOrg) {
    Map<Network, Organization> networks = new LinkedHashMap<>();
    Elements.distinct(Elements.present(insurer.networks()), Network::id)
        .forEach(n -> networks.put(n, NdhmResources.network(insurer, n, insurerOrg)));
    return networks;
  }
}
