package org.docport.hub.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;

/**
 * {@code /fhir/Subscription}: the Subscriptions Backport's interactions, thin over {@link
 * SubscriptionService}.
 */
final class SubscriptionProvider implements IResourceProvider {

  private final SubscriptionService service;

  SubscriptionProvider(SubscriptionService service) {
    this.service = service;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return Subscription.class;
  }

  @Create
  public MethodOutcome create(@ResourceParam Subscription subscription, RequestDetails request) {
    return service.create(subscription, request);
  }

  @Read
  public Subscription read(@IdParam IdType id) {
    return service.read(id);
  }

  @Search
  public List<Subscription> search() {
    return service.search();
  }

  @Delete
  public void delete(@IdParam IdType id) {
    service.delete(id);
  }

  @Operation(name = "$status", idempotent = true)
  public Bundle status(@IdParam IdType id) {
    return service.status(id);
  }

  @Operation(name = "$events", idempotent = true)
  public Bundle events(
      @IdParam IdType id,
      @OperationParam(name = "eventsSinceNumber") StringType since,
      @OperationParam(name = "eventsUntilNumber") StringType until,
      @OperationParam(name = "content") CodeType content,
      RequestDetails request) {
    return service.events(id, value(since), value(until), value(content), request);
  }

  private static String value(org.hl7.fhir.r4.model.PrimitiveType<?> p) {
    return p == null ? null : p.getValueAsString();
  }
}
