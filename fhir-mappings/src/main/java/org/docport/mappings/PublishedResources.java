package org.docport.mappings;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR resources that represent one doctor at one insurer, in write order: the insurer's
 * Organization, networks, InsurancePlans, affiliated Organizations, Locations, HealthcareServices,
 * Endpoints, the Practitioner, PractitionerRoles, then OrganizationAffiliations. Writing in this
 * order means every literal reference points at a resource already written, which insurer servers
 * enforce (a dangling reference is rejected).
 *
 * <p>HAPI resources are mutable; treat the ones in here as read-only and use {@link
 * References#rewrite} (which copies) to adapt them for a particular server.
 *
 * @param resources the resources in write order, each with exactly one DocPort business identifier
 *     and a logical id derived from it
 */
public record PublishedResources(List<Resource> resources) {

  public PublishedResources {
    resources = List.copyOf(resources);
  }

  /** The resources of one type, in write order. */
  public <T extends Resource> List<T> ofType(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
