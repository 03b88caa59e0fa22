package org.docport.mappings;

import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Reference;

/**
 * An affiliated organisation (a doctor's practice or hospital) in an insurer network -> Plan-Net
 * OrganizationAffiliation.
 *
 * <p>Built from the organisation and the network alone, never from the doctor, so every doctor of
 * the organisation publishes an equal resource under one identifier (shared, like the organisation
 * itself). That is why it carries no specialty, location or service: those differ per doctor and
 * are on the doctors' PractitionerRoles.
 */
final class AffiliationMapping {

  private AffiliationMapping() {}

  /**
   * @param insurer the insurer as the primary organisation, or null when it has nothing to be
   *     referenced by (the profile then needs only the participating organisation)
   */
  static OrganizationAffiliation affiliation(
      String insurerId,
      String networkId,
      Organization networkOrg,
      Organization participant,
      Reference insurer) {
    var affiliation = new OrganizationAffiliation();
    Identifier business =
        BusinessIdentifiers.organizationAffiliation(
            insurerId, networkId, BusinessIdentifiers.of(participant));
    Elements.identify(affiliation, business, PlanNetProfiles.ORGANIZATION_AFFILIATION);
    affiliation.addIdentifier(business);
    // Plan-Net fixes active to true: an organisation leaving a network is withdrawn.
    affiliation.setActive(true);
    if (insurer != null) {
      affiliation.setOrganization(insurer.copy());
    }
    affiliation.setParticipatingOrganization(
        Elements.referenceTo(participant).setDisplay(participant.getName()));
    affiliation.addNetwork(Elements.referenceTo(networkOrg).setDisplay(networkOrg.getName()));
    return affiliation;
  }
}
