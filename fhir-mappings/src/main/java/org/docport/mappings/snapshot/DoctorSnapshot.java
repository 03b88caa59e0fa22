package org.docport.mappings.snapshot;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The canonical registry view of one doctor at one version: the input of every mapping and the
 * shape of the doctor API. Lists are never null, nor hold nulls, once {@link #normalized()} has
 * been applied.
 *
 * @param id registry id, assigned by the hub
 * @param version registry version, incremented on every committed change
 * @param active false once the doctor has been deactivated in the registry
 */
public record DoctorSnapshot(
    UUID id,
    Long version,
    Boolean active,
    PersonName name,
    String gender,
    List<Identifier> identifiers,
    List<Qualification> qualifications,
    List<Coding> specialties,
    List<String> languages,
    List<ContactPoint> telecom,
    List<PracticeLocation> locations,
    List<Affiliation> affiliations,
    List<TechnicalEndpoint> endpoints) {

  /** Returns this snapshot with every absent list replaced by an empty one. */
  public DoctorSnapshot normalized() {
    return new DoctorSnapshot(
        id,
        version,
        active == null ? Boolean.TRUE : active,
        name,
        gender,
        orEmpty(identifiers),
        orEmpty(qualifications),
        orEmpty(specialties),
        orEmpty(languages),
        orEmpty(telecom),
        orEmpty(locations),
        orEmpty(affiliations),
        orEmpty(endpoints).stream().map(TechnicalEndpoint::normalized).toList());
  }

  /** Returns this snapshot with the registry-assigned id and version. */
  public DoctorSnapshot withIdentity(UUID newId, long newVersion) {
    return new DoctorSnapshot(
        newId,
        newVersion,
        active,
        name,
        gender,
        identifiers,
        qualifications,
        specialties,
        languages,
        telecom,
        locations,
        affiliations,
        endpoints);
  }

  /** Returns this snapshot with other identifiers. */
  public DoctorSnapshot withIdentifiers(List<Identifier> newIdentifiers) {
    return new DoctorSnapshot(
        id,
        version,
        active,
        name,
        gender,
        newIdentifiers,
        qualifications,
        specialties,
        languages,
        telecom,
        locations,
        affiliations,
        endpoints);
  }

  /** Returns this snapshot with other practice locations. */
  public DoctorSnapshot withLocations(List<PracticeLocation> newLocations) {
    return new DoctorSnapshot(
        id,
        version,
        active,
        name,
        gender,
        identifiers,
        qualifications,
        specialties,
        languages,
        telecom,
        newLocations,
        affiliations,
        endpoints);
  }

  /** Returns this snapshot with other technical endpoints. */
  public DoctorSnapshot withEndpoints(List<TechnicalEndpoint> newEndpoints) {
    return new DoctorSnapshot(
        id,
        version,
        active,
        name,
        gender,
        identifiers,
        qualifications,
        specialties,
        languages,
        telecom,
        locations,
        affiliations,
        newEndpoints);
  }

  /** An immutable copy without null entries, which JSON arrays can carry. */
  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
