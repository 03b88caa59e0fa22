package org.docport.hub.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.IdType;

/**
 * {@code /fhir/Basic}: the subscription topics, read-only, as the Subscriptions Backport lets an R4
 * server serve them ({@link SubscriptionTopicBasics}); thin over {@link SubscriptionService}.
 */
final class SubscriptionTopicProvider implements IResourceProvider {

  private final SubscriptionService service;

  SubscriptionTopicProvider(SubscriptionService service) {
    this.service = service;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return Basic.class;
  }

  @Read
  public Basic read(@IdParam IdType id) {
    return service.topic(id);
  }

  /** {@code code} and {@code url}; {@link SubscriptionCapabilities} documents both. */
  @Search
  public List<Basic> search(
      @OptionalParam(name = Basic.SP_CODE) TokenParam code,
      @OptionalParam(name = "url") UriParam url) {
    return service.topics(code, url == null ? null : url.getValue());
  }
}
