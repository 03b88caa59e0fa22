package org.docport.mappings;

import java.util.List;
import java.util.Optional;
import org.docport.mappings.snapshot.Affiliation;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.mappings.snapshot.InsurerContext.Network;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;

/** Insurer networks -> Plan-Net Network; doctor affiliations -> Organization. */
final class OrganizationMapping {

  private OrganizationMapping() {}

  /**
   * @param insurerOrg the insurer's Organization when it is published (partOf then refers to it),
   *     else null
   */
  static Organization network(InsurerContext insurer, Network source, Organization insurerOrg) {
    var network = new Organization();
    Identifier business = BusinessIdentifiers.network(insurer.id(), source.id());
    Elements.identify(network, business, PlanNetProfiles.NETWORK);
    network.addIdentifier(business);
    network.setActive(true);
    network
        .addType()
        .addCoding()
        .setSystem(PlanNetProfiles.ORGANIZATION_TYPE_SYSTEM)
        .setCode(PlanNetProfiles.NETWORK_TYPE_CODE)
        .setDisplay("Network");
    // plannet-Network requires name and partOf; the hub requires both names when an insurer is
    // registered, so only data that bypassed it fails here.
    network.setName(required(source.name(), "network " + source.id() + " has no name"));
    network.setPartOf(
        InsurerMapping.reference(insurer, insurerOrg)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "insurer "
                            + insurer.id()
                            + " has neither a name nor an identifier for Network.partOf")));
    return network;
  }

  private static String required(String value, String problem) {
    String text = Elements.text(value);
    if (text == null) {
      throw new IllegalArgumentException(problem);
    }
    return text;
  }

  /**
   * The doctor's affiliations as Organizations, once each: two entries for one organisation would
   * be written twice under one business identifier. Those with nothing to identify them by are left
   * out ({@link #affiliation}).
   */
  static List<Organization> affiliations(DoctorSnapshot doctor) {
    return Elements.distinct(
        doctor.affiliations().stream()
            .map(OrganizationMapping::affiliation)
            .flatMap(Optional::stream)
            .toList(),
        Resource::getId);
  }

  /**
   * Empty when the affiliation has nothing to identify it by.
   *
   * <p>The Organization claims no Plan-Net profile: plannet-Organization requires a type (from
   * OrgTypeVS: facility, provider group, ...) and at least one address, and the registry knows
   * neither for an affiliation, only its name and identifier. Claiming the profile would publish an
   * invalid resource; guessing the type or borrowing a practice location's address would publish a
   * wrong one. It validates against base FHIR R4.
   */
  static Optional<Organization> affiliation(Affiliation source) {
    return BusinessIdentifiers.organization(source)
        .map(
            business -> {
              var organization = new Organization();
              Elements.identify(organization, business);
              organization.addIdentifier(business);
              Elements.identifier(source.identifier()).ifPresent(organization::addIdentifier);
              organization.setActive(true);
              organization.setName(Elements.text(source.name()));
              return organization;
            });
  }
}
