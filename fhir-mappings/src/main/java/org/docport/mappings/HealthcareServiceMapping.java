package org.docport.mappings;

import java.util.List;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.PracticeLocation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;

/**
 * The doctor's outpatient practice at one location -> Plan-Net HealthcareService, which the
 * doctor's PractitionerRoles at that location offer ({@code PractitionerRole.healthcareService}).
 */
final class HealthcareServiceMapping {

  private HealthcareServiceMapping() {}

  /**
   * @param provider the doctor's affiliated organisation when the doctor has exactly one, else null
   *     (as for PractitionerRole.organization)
   * @param specialties the doctor's specialties after the insurer's code map; copied
   */
  static HealthcareService service(
      DoctorSnapshot doctor,
      PracticeLocation place,
      Location location,
      Organization provider,
      List<CodeableConcept> specialties) {
    var service = new HealthcareService();
    Identifier business = BusinessIdentifiers.healthcareService(doctor.id(), place.id());
    Elements.identify(service, business, PlanNetProfiles.HEALTHCARE_SERVICE);
    service.addIdentifier(business);
    // Plan-Net fixes active to true: a practice location the doctor left is withdrawn.
    service.setActive(true);
    if (provider != null) {
      service.setProvidedBy(Elements.referenceTo(provider));
    }
    // A doctor seeing patients at a practice: the outpatient (OPD) care DocPort is for.
    service
        .addCategory()
        .addCoding()
        .setSystem(PlanNetProfiles.SERVICE_CATEGORY_SYSTEM)
        .setCode(PlanNetProfiles.OUTPATIENT_CATEGORY_CODE)
        .setDisplay("Clinic or Outpatient Facility");
    SpecialtyConcepts.copies(specialties).forEach(service::addSpecialty);
    service.addLocation(Elements.referenceTo(location));
    service.setName(location.getName());
    PractitionerRoleMapping.telecom(doctor, place).forEach(service::addTelecom);
    return service;
  }
}
