package org.docport.mappings;

import java.util.Optional;
import org.docport.mappings.snapshot.Affiliation;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.mappings.snapshot.InsurerContext.Network;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;

/** Insurer networks -> Plan-Net Network; doctor affiliations -> Plan-Net Organization. */
final class OrganizationMapping {

  private OrganizationMapping() {}

  static Organization network(InsurerContext insurer, Network source) {
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
    network.setName(Elements.text(source.name()));
    insurerReference(insurer).ifPresent(network::setPartOf);
    return network;
  }

  /**
   * The insurer as a logical reference (identifier + display). DocPort does not publish the
   * insurer's own Organization, so a literal reference would dangle on the insurer's server.
   */
  private static Optional<Reference> insurerReference(InsurerContext insurer) {
    var reference = new Reference().setDisplay(Elements.text(insurer.name()));
    Elements.identifier(insurer.identifier()).ifPresent(reference::setIdentifier);
    return reference.isEmpty() ? Optional.empty() : Optional.of(reference);
  }

  /** Empty when the affiliation has nothing to identify it by. */
  static Optional<Organization> affiliation(Affiliation source) {
    return BusinessIdentifiers.organization(source)
        .map(
            business -> {
              var organization = new Organization();
              Elements.identify(organization, business, PlanNetProfiles.ORGANIZATION);
              organization.addIdentifier(business);
              Elements.identifier(source.identifier()).ifPresent(organization::addIdentifier);
              organization.setActive(true);
              organization.setName(Elements.text(source.name()));
              return organization;
            });
  }
}
