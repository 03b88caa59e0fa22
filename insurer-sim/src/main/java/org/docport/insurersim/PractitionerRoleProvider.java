package org.docport.insurersim;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.PractitionerRole;

/**
 * PractitionerRole adds search by {@code practitioner}: how an insurer (or a test) finds every role
 * of one doctor, e.g. to withdraw them all.
 */
public final class PractitionerRoleProvider extends StoreBackedProvider<PractitionerRole> {

  PractitionerRoleProvider(ResourceStore store) {
    super(PractitionerRole.class, store);
  }

  /** {@code GET PractitionerRole?practitioner=Practitioner/123} (or just {@code =123}). */
  @Search
  public List<IBaseResource> searchByPractitioner(
      @RequiredParam(name = PractitionerRole.SP_PRACTITIONER) ReferenceParam practitioner,
      @OptionalParam(name = "identifier") TokenOrListParam identifier,
      @OptionalParam(name = IAnyResource.SP_RES_ID) TokenOrListParam ids) {
    if (practitioner.getChain() != null) {
      throw new InvalidRequestException("Chained practitioner searches are not supported");
    }
    String wanted = "Practitioner/" + practitioner.getIdPart();
    Predicate<StoredResource> byPractitioner =
        stored ->
            wanted.equals(
                ((PractitionerRole) stored.resource())
                    .getPractitioner()
                    .getReferenceElement()
                    .toUnqualifiedVersionless()
                    .getValue());
    return found(byPractitioner.and(SearchCriteria.of(identifier, ids)));
  }
}
