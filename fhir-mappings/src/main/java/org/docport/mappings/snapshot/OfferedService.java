package org.docport.mappings.snapshot;

import java.util.List;
import java.util.UUID;

/**
 * A service a doctor offers at one practice location: what patients are booked into, and what one
 * FHIR Schedule stands for.
 *
 * @param serviceId the doctor's own short name for the service
 * @param name how the doctor names it to patients
 * @param type a standard code for the service, if the doctor gave one (what insurers search by)
 * @param specialties the doctor's specialties, as in the profile
 */
public record OfferedService(
    UUID doctorId,
    String locationId,
    String serviceId,
    String name,
    Coding type,
    boolean telemedicine,
    List<Coding> specialties) {

  public OfferedService {
    specialties = specialties == null ? List.of() : List.copyOf(specialties);
  }

  /** This service with the doctor's specialties, as the profile has them. */
  public OfferedService withSpecialties(List<Coding> doctorsSpecialties) {
    return new OfferedService(
        doctorId, locationId, serviceId, name, type, telemedicine, doctorsSpecialties);
  }
}
