package org.docport.hub.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.mappings.snapshot.Affiliation;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;

/**
 * Where every resource of a generated world comes from, worked out from the mappings' business
 * identifiers (ids are name-based UUIDs of them), not from what the hub answers: so any resource in
 * any answer can be traced to its doctor, an insurer's network or an affiliation, including those
 * of doctors no insurer was ever allowed to see.
 */
final class Provenance {

  /** What a resource is derived from. */
  sealed interface Origin {}

  /** One of the world's doctors, by index. */
  record OfDoctor(int doctor) implements Origin {}

  /** An insurer's own network. */
  record Network(String insurerId) implements Origin {}

  /** An affiliated organisation, shared by every doctor affiliated with it. */
  record Affiliated(String name) implements Origin {}

  /**
   * An affiliated organisation in one insurer's network (an OrganizationAffiliation), shared by
   * every doctor affiliated with it.
   */
  record Participation(String insurerId, String name) implements Origin {}

  static final String NETWORK_ID = "gold";

  private final Map<String, Origin> byReference = new LinkedHashMap<>();
  private final List<UUID> doctorIds;

  Provenance(VisibilityWorld world, List<UUID> doctorIds, List<String> insurerIds) {
    this.doctorIds = List.copyOf(doctorIds);
    for (int d = 0; d < doctorIds.size(); d++) {
      UUID id = doctorIds.get(d);
      OfDoctor origin = new OfDoctor(d);
      put("Practitioner", BusinessIdentifiers.practitioner(id), origin);
      for (VisibilityWorld.Place place : world.doctors().get(d).places()) {
        put("Location", BusinessIdentifiers.location(id, place.id()), origin);
        put(
            "PractitionerRole",
            BusinessIdentifiers.practitionerRole(id, place.id(), NETWORK_ID),
            origin);
        put("HealthcareService", BusinessIdentifiers.healthcareService(id, place.id()), origin);
      }
      for (String name : world.doctors().get(d).affiliations()) {
        var organization = BusinessIdentifiers.organization(new Affiliation(name, null));
        organization.ifPresent(i -> put("Organization", i, new Affiliated(name)));
        for (String insurerId : insurerIds) {
          organization.ifPresent(
              i ->
                  put(
                      "OrganizationAffiliation",
                      BusinessIdentifiers.organizationAffiliation(insurerId, NETWORK_ID, i),
                      new Participation(insurerId, name)));
        }
      }
    }
    for (String insurerId : insurerIds) {
      put(
          "Organization",
          BusinessIdentifiers.network(insurerId, NETWORK_ID),
          new Network(insurerId));
      put(
          "InsurancePlan",
          BusinessIdentifiers.insurancePlan(insurerId, NETWORK_ID),
          new Network(insurerId));
      put("Organization", BusinessIdentifiers.insurer(insurerId), new Network(insurerId));
    }
  }

  private void put(String type, Identifier identifier, Origin origin) {
    byReference.put(type + "/" + BusinessIdentifiers.logicalId(identifier), origin);
  }

  /** The origin of a resource by its type and id; empty for an id no world resource has. */
  Optional<Origin> of(String type, String id) {
    return Optional.ofNullable(byReference.get(type + "/" + id));
  }

  /** The origin a resource's own content names: its DocPort business identifier. */
  Optional<Origin> ofContent(Resource resource) {
    Identifier business = BusinessIdentifiers.of(resource);
    String value = business.getValue();
    String system = business.getSystem();
    if (system.equals(BusinessIdentifiers.NETWORK)
        || system.equals(BusinessIdentifiers.INSURANCE_PLAN)) {
      return Optional.of(new Network(value.substring(0, value.indexOf('/'))));
    }
    if (system.equals(BusinessIdentifiers.INSURER)) {
      return Optional.of(new Network(value));
    }
    if (system.equals(BusinessIdentifiers.ORGANIZATION_AFFILIATION)) {
      return Optional.of(
          new Participation(
              value.substring(0, value.indexOf('/')),
              ((OrganizationAffiliation) resource).getParticipatingOrganization().getDisplay()));
    }
    if (system.equals(BusinessIdentifiers.ORGANIZATION)) {
      return Optional.of(new Affiliated(((Organization) resource).getName()));
    }
    String doctor = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
    int index = doctorIds.indexOf(UUID.fromString(doctor));
    return index < 0 ? Optional.empty() : Optional.of(new OfDoctor(index));
  }

  /** Every known id of a resource type: visible, hidden and never published alike. */
  List<String> ids(String type) {
    List<String> ids = new ArrayList<>();
    byReference.keySet().stream()
        .filter(r -> r.startsWith(type + "/"))
        .forEach(r -> ids.add(r.substring(type.length() + 1)));
    return ids;
  }

  /** The ids of the doctor's own resources of a type. */
  List<String> idsOf(int doctor, String type) {
    return byReference.entrySet().stream()
        .filter(e -> e.getKey().startsWith(type + "/"))
        .filter(e -> e.getValue().equals(new OfDoctor(doctor)))
        .map(e -> e.getKey().substring(type.length() + 1))
        .toList();
  }

  static final List<Class<? extends Resource>> TYPES =
      List.of(
          Practitioner.class,
          PractitionerRole.class,
          Location.class,
          Organization.class,
          HealthcareService.class,
          InsurancePlan.class,
          OrganizationAffiliation.class);
}
