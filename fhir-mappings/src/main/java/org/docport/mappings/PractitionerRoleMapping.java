package org.docport.mappings;

import java.util.List;
import java.util.Optional;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext.Network;
import org.docport.mappings.snapshot.PracticeLocation;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;

/** The doctor at one practice location in one insurer network -> Plan-Net PractitionerRole. */
final class PractitionerRoleMapping {

  private PractitionerRoleMapping() {}

  /** Where the role is: the location and network, both as source and as produced resource. */
  record Placement(
      PracticeLocation place,
      Location location,
      HealthcareService service,
      Network network,
      Organization networkOrg) {}

  /**
   * @param affiliation the doctor's affiliated organisation when the doctor has exactly one, else
   *     null: with several there is no telling which one this role belongs to
   * @param endpoints the doctor's Endpoints: they reach the doctor in every role
   */
  static PractitionerRole role(
      DoctorSnapshot doctor,
      Practitioner practitioner,
      Placement placement,
      Organization affiliation,
      List<Endpoint> endpoints) {
    var role = new PractitionerRole();
    Identifier business =
        BusinessIdentifiers.practitionerRole(
            doctor.id(), placement.place().id(), placement.network().id());
    Elements.identify(role, business, PlanNetProfiles.PRACTITIONER_ROLE);
    role.addIdentifier(business);
    // Plan-Net fixes active to true: an inactive doctor is withdrawn, not mapped (PlanNetMapper).
    role.setActive(true);
    role.setPractitioner(Elements.referenceTo(practitioner));
    if (affiliation != null) {
      role.setOrganization(Elements.referenceTo(affiliation));
    }
    role.addLocation(Elements.referenceTo(placement.location()));
    role.addHealthcareService(Elements.referenceTo(placement.service()));
    doctor.specialties().stream()
        .map(Elements::concept)
        .flatMap(Optional::stream)
        .forEach(role::addSpecialty);
    telecom(doctor, placement.place()).forEach(role::addTelecom);
    endpoints.forEach(e -> role.addEndpoint(Elements.referenceTo(e)));
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
