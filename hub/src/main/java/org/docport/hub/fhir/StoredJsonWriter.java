package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IRestfulResponse;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.util.DateUtils;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes answers made of stored versions ({@link StoredJson}) as HAPI would, headers included,
 * without encoding them again. Runs after every other response hook, so links they changed are
 * written too. A bundle of a shape it does not write (a history's entries carry requests and
 * responses) has its shallow resources parsed in place, and HAPI encodes it as always.
 */
@Interceptor
final class StoredJsonWriter {

  private static final JsonFactory JSON = new JsonFactory();

  private final FhirContext fhir;

  StoredJsonWriter(FhirContext fhir) {
    this.fhir = fhir;
  }

  /** Returns false when it wrote the answer itself, which tells HAPI not to write it again. */
  @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = Integer.MAX_VALUE)
  public boolean outgoing(RequestDetails request, ResponseDetails details) throws IOException {
    IBaseResource answer = details.getResponseResource();
    if (answer == null) {
      return true;
    }
    DirectoryQueries.Stored stored = StoredJson.storedOf(answer);
    if (stored != null) {
      write(request, details, answer, json -> json.writeRaw(StoredJson.json(stored)));
      return false;
    }
    if (!(answer instanceof Bundle bundle) || !hasShallowEntries(bundle)) {
      return true;
    }
    if (!writable(bundle)) {
      bundle
          .getEntry()
          .forEach(e -> e.setResource((Resource) StoredJson.inflate(fhir, e.getResource())));
      return true;
    }
    write(request, details, bundle, json -> bundle(json, bundle));
    return false;
  }

  private interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  /** The headers HAPI's {@code RestfulServerUtils.streamResponseAsResource} sets, then the body. */
  private static void write(
      RequestDetails request, ResponseDetails details, IBaseResource answer, Body body)
      throws IOException {
    IRestfulResponse response = request.getResponse();
    RestOperationTypeEnum operation = request.getRestOperationType();
    IIdType id = answer.getIdElement();
    if (id.hasIdPart()) {
      IIdType fullId =
          id.withServerBase(request.getFhirServerBase(), answer.fhirType()); // as HAPI qualifies
      if (operation != RestOperationTypeEnum.SEARCH_TYPE) {
        response.addHeader(Constants.HEADER_CONTENT_LOCATION, fullId.getValue());
      }
      if ((operation == RestOperationTypeEnum.READ || operation == RestOperationTypeEnum.VREAD)
          && fullId.hasVersionIdPart()) {
        response.addHeader(
            Constants.HEADER_ETAG, RestfulServerUtils.createEtag(fullId.getVersionIdPart()));
      }
    }
    if (answer.getMeta().getLastUpdated() != null) {
      response.addHeader(
          Constants.HEADER_LAST_MODIFIED, DateUtils.formatDate(answer.getMeta().getLastUpdated()));
    }
    Writer writer =
        response.getResponseWriter(
            details.getResponseCode(),
            StoredJson.contentType(request),
            Constants.CHARSET_NAME_UTF8,
            request.isRespondGzip());
    try (JsonGenerator json = JSON.createGenerator(writer)) {
      body.write(json);
    }
    response.commitResponse(writer);
  }

  /** A search set as HAPI's encoder writes one: its fields in the order R4 defines them. */
  private static void bundle(JsonGenerator json, Bundle bundle) throws IOException {
    json.writeStartObject();
    json.writeStringField("resourceType", "Bundle");
    if (bundle.getIdElement().hasIdPart()) {
      json.writeStringField("id", bundle.getIdElement().getIdPart());
    }
    if (bundle.getMeta().hasLastUpdated()) {
      json.writeObjectFieldStart("meta");
      json.writeStringField(
          "lastUpdated", bundle.getMeta().getLastUpdatedElement().getValueAsString());
      json.writeEndObject();
    }
    json.writeStringField("type", bundle.getType().toCode());
    if (bundle.hasTotal()) {
      json.writeNumberField("total", bundle.getTotal());
    }
    if (bundle.hasLink()) {
      json.writeArrayFieldStart("link");
      for (Bundle.BundleLinkComponent link : bundle.getLink()) {
        json.writeStartObject();
        json.writeStringField("relation", link.getRelation());
        json.writeStringField("url", link.getUrl());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    if (bundle.hasEntry()) {
      json.writeArrayFieldStart("entry");
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        json.writeStartObject();
        if (entry.hasFullUrl()) {
          json.writeStringField("fullUrl", entry.getFullUrl());
        }
        json.writeFieldName("resource");
        json.writeRawValue(StoredJson.json(StoredJson.storedOf(entry.getResource())));
        if (entry.hasSearch()) {
          json.writeObjectFieldStart("search");
          json.writeStringField("mode", entry.getSearch().getMode().toCode());
          json.writeEndObject();
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  private static boolean hasShallowEntries(Bundle bundle) {
    return bundle.getEntry().stream().anyMatch(e -> StoredJson.storedOf(e.getResource()) != null);
  }

  /**
   * Whether {@link #bundle} writes everything this bundle holds: a search set whose entries are all
   * stored versions, with nothing but what a search page carries.
   */
  private static boolean writable(Bundle bundle) {
    Bundle.BundleType type = bundle.getType();
    boolean plainMeta =
        !bundle.getMeta().hasVersionId()
            && !bundle.getMeta().hasProfile()
            && !bundle.getMeta().hasTag()
            && !bundle.getMeta().hasSecurity()
            && !bundle.getMeta().hasSource()
            && !bundle.getMeta().hasExtension();
    boolean plainRoot =
        !bundle.hasIdentifier()
            && !bundle.hasTimestamp()
            && !bundle.hasSignature()
            && !bundle.hasImplicitRules()
            && !bundle.hasLanguage()
            && bundle.getLink().stream()
                .allMatch(l -> l.hasRelation() && l.hasUrl() && !l.hasExtension() && !l.hasId());
    boolean plainEntries =
        bundle.getEntry().stream()
            .allMatch(
                e ->
                    StoredJson.storedOf(e.getResource()) != null
                        && !e.hasLink()
                        && !e.hasRequest()
                        && !e.hasResponse()
                        && !e.hasExtension()
                        && !e.hasId()
                        && (!e.hasSearch()
                            || (e.getSearch().hasMode()
                                && !e.getSearch().hasScore()
                                && !e.getSearch().hasExtension())));
    return type == Bundle.BundleType.SEARCHSET && plainMeta && plainRoot && plainEntries;
  }
}
