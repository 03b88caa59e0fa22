package org.docport.mappings;

import java.util.Optional;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.mappings.snapshot.InsurerContext.Network;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;

/** The insurer -> Plan-Net Organization (a payer); each of its networks -> an InsurancePlan. */
final class InsurerMapping {

  private InsurerMapping() {}

  /**
   * Empty while the insurer's address is unknown: plannet-Organization requires an address, and the
   * registry does not make one up.
   */
  static Optional<Organization> organization(InsurerContext insurer) {
    return LocationMapping.address(insurer.address())
        .map(
            address ->
                organization(
                        insurer,
                        PlanNetProfiles.ORGANIZATION,
                        PlanNetProfiles.ORGANIZATION_TYPE_SYSTEM,
                        PlanNetProfiles.PAYER_TYPE_CODE,
                        "Payer")
                    .addAddress(address));
  }

  /** The insurer's Organization under {@code profile}, typed with the given code, no address. */
  static Organization organization(
      InsurerContext insurer, String profile, String typeSystem, String type, String display) {
    var organization = new Organization();
    Identifier business = BusinessIdentifiers.insurer(insurer.id());
    Elements.identify(organization, business, profile);
    organization.addIdentifier(business);
    Elements.identifier(insurer.identifier()).ifPresent(organization::addIdentifier);
    organization.setActive(true);
    organization.addType().addCoding().setSystem(typeSystem).setCode(type).setDisplay(display);
    organization.setName(Elements.text(insurer.name()));
    return organization;
  }

  /**
   * The insurer as a reference: literal to its Organization when that is published, else logical
   * (identifier + display), which an insurer's server accepts without the target, or empty when the
   * insurer has neither name nor identifier.
   */
  static Optional<Reference> reference(InsurerContext insurer, Organization published) {
    var reference = new Reference().setDisplay(Elements.text(insurer.name()));
    if (published != null) {
      return Optional.of(reference.setReference(References.to(published)));
    }
    Elements.identifier(insurer.identifier()).ifPresent(reference::setIdentifier);
    return reference.isEmpty() ? Optional.empty() : Optional.of(reference);
  }

  /**
   * The product the insurer sells on one network: owned and administered by the insurer, its type
   * the network's product type.
   */
  static InsurancePlan plan(
      InsurerContext insurer, Network network, Organization networkOrg, Reference insurerRef) {
    var plan = new InsurancePlan();
    Identifier business = BusinessIdentifiers.insurancePlan(insurer.id(), network.id());
    Elements.identify(plan, business, PlanNetProfiles.INSURANCE_PLAN);
    plan.addIdentifier(business);
    plan.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
    plan.addType(productType(network));
    plan.setName(networkOrg.getName());
    plan.setOwnedBy(insurerRef.copy());
    plan.setAdministeredBy(insurerRef.copy());
    plan.addNetwork(Elements.referenceTo(networkOrg).setDisplay(networkOrg.getName()));
    return plan;
  }

  /**
   * @throws IllegalArgumentException for a code Plan-Net does not list: the hub refuses it at
   *     registration, so only data that bypassed it fails here
   */
  private static CodeableConcept productType(Network network) {
    String code = Elements.text(network.productType());
    if (code == null) {
      code = Network.DEFAULT_PRODUCT_TYPE;
    }
    if (!PlanNetProductTypes.contains(code)) {
      throw new IllegalArgumentException(
          "network " + network.id() + " has product type " + code + ", not a Plan-Net code");
    }
    var concept = new CodeableConcept();
    concept
        .addCoding()
        .setSystem(PlanNetProfiles.PRODUCT_TYPE_SYSTEM)
        .setCode(code)
        .setDisplay(PlanNetProductTypes.display(code));
    return concept;
  }
}
