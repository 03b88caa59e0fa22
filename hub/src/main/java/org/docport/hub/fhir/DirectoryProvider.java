package org.docport.hub.fhir;

import ca.uhn.fhir.rest.annotation.At;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Since;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.Instant;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR interactions on one resource type of the directory: read, vread, search and history.
 * Thin: each delegates to {@link DirectoryService}.
 */
final class DirectoryProvider implements IResourceProvider {

  private final Class<? extends Resource> type;
  private final String typeName;
  private final DirectoryService service;

  DirectoryProvider(Class<? extends Resource> type, String typeName, DirectoryService service) {
    this.type = type;
    this.typeName = typeName;
    this.service = service;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return type;
  }

  @Read(version = true)
  public Resource read(@IdParam IdType id, RequestDetails request) {
    return service.read(request, typeName, id);
  }

  /** Parameters are checked by {@link DirectorySearch} against what the server supports. */
  @Search(allowUnknownParams = true)
  public IBundleProvider search(RequestDetails request) {
    return service.search(request, typeName);
  }

  @History
  public IBundleProvider instanceHistory(
      @IdParam IdType id,
      @Since InstantType since,
      @At DateRangeParam at,
      @Count Integer count,
      RequestDetails request) {
    return service.history(request, typeName, id, from(since, at), before(at), count);
  }

  @History
  public IBundleProvider typeHistory(
      @Since InstantType since,
      @At DateRangeParam at,
      @Count Integer count,
      RequestDetails request) {
    return service.history(request, typeName, null, from(since, at), before(at), count);
  }

  static Instant from(InstantType since, DateRangeParam at) {
    if (since != null && since.getValue() != null) {
      return since.getValue().toInstant();
    }
    return at == null || at.getLowerBoundAsInstant() == null
        ? null
        : at.getLowerBoundAsInstant().toInstant();
  }

  static Instant before(DateRangeParam at) {
    return at == null || at.getUpperBoundAsInstant() == null
        ? null
        : at.getUpperBoundAsInstant().toInstant();
  }
}
