package org.docport.hub.fhir;

import ca.uhn.fhir.rest.annotation.At;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.Since;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import org.hl7.fhir.r4.model.InstantType;

/** System-level interactions: {@code GET /fhir/_history}. */
final class DirectorySystemProvider {

  private final DirectoryService service;

  DirectorySystemProvider(DirectoryService service) {
    this.service = service;
  }

  @History
  public IBundleProvider history(
      @Since InstantType since,
      @At DateRangeParam at,
      @Count Integer count,
      RequestDetails request) {
    return service.history(
        request,
        null,
        null,
        DirectoryProvider.from(since, at),
        DirectoryProvider.before(at),
        count);
  }
}
