package org.docport.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext.Network;
import org.docport.mappings.snapshot.PracticeLocation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;

/**
 * The doctor at one practice location in one insurer network -> Plan-Net PractitionerRole (or a
 * base R4 PractitionerRole, for other profiles).
 */
final class PractitionerRoleMapping {

  private PractitionerRoleMapping() {}

  /**
   * Where the role is: the location and network, both as source and as produced resource.
   *
   * @param service the HealthcareService offered at the location, or null when the profile
   *     publishes none
   */
  record Placement(
      PracticeLocation place,
      Location location,
      HealthcareService service,
      Network network,
      Organization networkOrg) {}

  /**
   * What every role of the doctor has in common.
   *
   * @param affiliation the doctor's affiliated organisation when the doctor has exactly one, else
   *     null: with several there is no telling which one a role belongs to
   * @param endpoints the doctor's Endpoints: they reach the doctor in every role
   * @param specialties the doctor's specialties after the insurer's code map ({@link
   *     SpecialtyConcepts}); copied into each role
   * @param profile the profile the roles claim, or null for base FHIR R4 PractitionerRoles
   */
  record Doctor(
      DoctorSnapshot doctor,
      Practitioner practitioner,
      Organization affiliation,
      List<Endpoint> endpoints,
      List<CodeableConcept> specialties,
      String profile) {}

  /**
   * The doctor's roles: one at each location in each network, in that order.
   *
   * @param services the HealthcareService at each location; empty when the profile publishes none
   */
  static List<PractitionerRole> roles(
      Doctor common,
      Map<PracticeLocation, Location> locations,
      Map<PracticeLocation, HealthcareService> services,
      Map<Network, Organization> networks) {
    List<PractitionerRole> roles = new ArrayList<>();
    locations.forEach(
        (place, location) ->
            networks.forEach(
                (network, networkOrg) ->
                    roles.add(
                        role(
                            common,
                            new Placement(
                                place, location, services.get(place), network, networkOrg)))));
    return roles;
  }

  private static PractitionerRole role(Doctor common, Placement placement) {
    DoctorSnapshot doctor = common.doctor();
    Organization affiliation = common.affiliation();
    String profile = common.profile();
    var role = new PractitionerRole();
    Identifier business =
        BusinessIdentifiers.practitionerRole(
            doctor.id(), placement.place().id(), placement.network().id());
    Elements.identify(role, business);
    if (profile != null) {
      role.getMeta().addProfile(profile);
    }
    role.addIdentifier(business);
    // Plan-Net fixes active to true: an inactive doctor is withdrawn, not mapped (PlanNetMapper).
    role.setActive(true);
    role.setPractitioner(Elements.referenceTo(common.practitioner()));
    if (affiliation != null) {
      role.setOrganization(Elements.referenceTo(affiliation));
    }
    role.addLocation(Elements.referenceTo(placement.location()));
    if (placement.service() != null) {
      role.addHealthcareService(Elements.referenceTo(placement.service()));
    }
    SpecialtyConcepts.copies(common.specialties()).forEach(role::addSpecialty);
    telecom(doctor, placement.place()).forEach(role::addTelecom);
    common.endpoints().forEach(e -> role.addEndpoint(Elements.referenceTo(e)));
    role.addExtension(
        PlanNetProfiles.NETWORK_REFERENCE_EXTENSION,
        Elements.referenceTo(placement.networkOrg())
            .setDisplay(Elements.text(placement.network().name())));
    return role;
  }

  /**
   * How to reach the doctor in this role: the doctor's own contact points, else the practice
   * location's telephone. Plan-Net (US Core pd-1) requires a PractitionerRole to carry contact
   * information or an Endpoint, so an empty answer makes the role unpublishable unless the doctor
   * has a technical endpoint (see {@link Publishability}). Nothing is made up to fill the gap.
   */
  static List<ContactPoint> telecom(DoctorSnapshot doctor, PracticeLocation place) {
    List<ContactPoint> own = Elements.telecom(doctor.telecom());
    if (!own.isEmpty()) {
      return own;
    }
    return Elements.contactPoint("phone", place.phone(), "work").stream().toList();
  }
}
