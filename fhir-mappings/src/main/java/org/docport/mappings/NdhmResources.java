package org.docport.mappings;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.mappings.snapshot.InsurerContext.Network;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Doctor -> NRCeS Practitioner; insurer, its networks and the doctor's affiliations -> NRCeS
 * Organization ({@link NdhmProfiles}, guide 6.5.0).
 *
 * <p>Each starts from the resource the Plan-Net mapping builds from the same data and changes what
 * the guide asks differently, so that the two profiles say the same about a doctor: the profile it
 * claims, a type on every identifier, a text on every name, and Organization types from HL7's
 * organization-type system instead of Plan-Net's.
 */
final class NdhmResources {

  private static final Map<String, String> IDENTIFIER_TYPES =
      Map.of(
          NdhmProfiles.MEDICAL_LICENCE_TYPE, "Medical License number",
          NdhmProfiles.RESOURCE_IDENTIFIER_TYPE, "Resource identifier",
          NdhmProfiles.ORGANIZATION_IDENTIFIER_TYPE, "Organization identifier");

  private NdhmResources() {}

  /** Maps a {@link DoctorSnapshot#normalized() normalized} snapshot that ndhm can publish. */
  static Practitioner practitioner(DoctorSnapshot doctor) {
    Practitioner practitioner = PractitionerMapping.practitioner(doctor);
    claim(practitioner, NdhmProfiles.PRACTITIONER);
    for (Identifier identifier : practitioner.getIdentifier()) {
      if (NdhmProfiles.HPR_ID_SYSTEM.equals(identifier.getSystem()) && !identifier.hasType()) {
        // The guide's own examples type the HPR id as a medical licence number.
        type(identifier, NdhmProfiles.MEDICAL_LICENCE_TYPE);
      }
      typeIfOurs(identifier);
    }
    practitioner.getName().forEach(name -> name.setText(text(name)));
    return practitioner;
  }

  /**
   * The insurer as an Insurance Company. Unlike Plan-Net's payer Organization it needs no address,
   * so it is always published and networks always refer to it literally.
   *
   * @throws IllegalArgumentException when the insurer has no name, or its identifier no system: the
   *     guide requires both on an Organization
   */
  static Organization insurer(InsurerContext insurer) {
    if (!Elements.has(insurer.name())) {
      throw new IllegalArgumentException("insurer " + insurer.id() + " has no name");
    }
    if (insurer.identifier() != null
        && Elements.has(insurer.identifier().value())
        && !Elements.has(insurer.identifier().system())) {
      throw new IllegalArgumentException(
          "insurer " + insurer.id() + "'s identifier has no system, which ndhm requires");
    }
    Organization organization =
        InsurerMapping.organization(
            insurer,
            NdhmProfiles.ORGANIZATION,
            NdhmProfiles.ORGANIZATION_TYPE_SYSTEM,
            NdhmProfiles.INSURER_TYPE_CODE,
            "Insurance Company");
    LocationMapping.address(insurer.address()).ifPresent(organization::addAddress);
    return typedOrganization(organization);
  }

  /**
   * A network of the insurer, part of it. Untyped: HL7's organization-type has no code for a
   * network, and Plan-Net's {@code ntwk} is from a system the guide does not allow there.
   */
  static Organization network(InsurerContext insurer, Network network, Organization insurerOrg) {
    Organization organization = OrganizationMapping.network(insurer, network, insurerOrg);
    organization.getType().clear();
    claim(organization, NdhmProfiles.ORGANIZATION);
    return typedOrganization(organization);
  }

  /**
   * An affiliated hospital, clinic or group practice, as {@link OrganizationMapping#affiliation}
   * builds it: a Healthcare Provider.
   */
  static Organization affiliation(Organization organization) {
    claim(organization, NdhmProfiles.ORGANIZATION);
    organization
        .addType()
        .addCoding()
        .setSystem(NdhmProfiles.ORGANIZATION_TYPE_SYSTEM)
        .setCode(NdhmProfiles.PROVIDER_TYPE_CODE)
        .setDisplay("Healthcare Provider");
    return typedOrganization(organization);
  }

  /** Every identifier of an Organization typed: DocPort's as resource ids, others as theirs. */
  private static Organization typedOrganization(Organization organization) {
    for (Identifier identifier : organization.getIdentifier()) {
      typeIfOurs(identifier);
      if (!identifier.hasType()) {
        type(identifier, NdhmProfiles.ORGANIZATION_IDENTIFIER_TYPE);
      }
    }
    return organization;
  }

  private static void typeIfOurs(Identifier identifier) {
    if (BusinessIdentifiers.SYSTEMS.contains(identifier.getSystem())) {
      type(identifier, NdhmProfiles.RESOURCE_IDENTIFIER_TYPE);
    }
  }

  private static void type(Identifier identifier, String code) {
    identifier.getType().getCoding().clear();
    identifier
        .getType()
        .addCoding()
        .setSystem(NdhmProfiles.IDENTIFIER_TYPE_SYSTEM)
        .setCode(code)
        .setDisplay(IDENTIFIER_TYPES.get(code));
  }

  private static void claim(Resource resource, String profile) {
    resource.getMeta().getProfile().clear();
    resource.getMeta().addProfile(profile);
  }

  /** The name as written: prefix, given names, family name, suffix. */
  private static String text(HumanName name) {
    return Stream.of(
            name.getPrefix().stream(),
            name.getGiven().stream(),
            Stream.of(name.getFamilyElement()),
            name.getSuffix().stream())
        .flatMap(s -> s)
        .map(StringType::getValue)
        .filter(Objects::nonNull)
        .collect(Collectors.joining(" "));
  }
}
