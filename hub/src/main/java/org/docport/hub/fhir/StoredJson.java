package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Serves a stored version as the JSON it was stored as, without HAPI parsing it and encoding it
 * again: two thirds of a search's CPU went to that round trip, which reproduces the stored text
 * byte for byte.
 *
 * <p>The projection stores each version as HAPI's compact JSON without {@code id}, {@code
 * meta.versionId} or {@code meta.lastUpdated} ({@link DirectoryProjection}); a reader gets those
 * three spliced in where HAPI's encoder puts them (right after {@code resourceType}, then at the
 * head of {@code meta}). The answer is then exactly what HAPI would write for the parsed resource,
 * which {@code StoredJsonTest} checks for every type the directory serves.
 *
 * <p>Only plain JSON answers take this path: XML, {@code _pretty}, {@code _summary} and {@code
 * _elements} are HAPI's to apply. A request that takes it gets <em>shallow</em> resources (type, id
 * and meta only, the stored version attached) from {@link #resource}; {@link StoredJsonWriter}
 * writes the answer, or, for a shape it does not write, parses them in place for HAPI.
 */
final class StoredJson {

  private static final String APPLIES = StoredJson.class.getName() + ".applies";
  private static final String STORED = StoredJson.class.getName() + ".stored";
  private static final String META = ",\"meta\":{";

  private StoredJson() {}

  /**
   * The resource to hand HAPI for one stored version: shallow when the request's answer is written
   * from stored JSON, parsed otherwise.
   */
  static Resource resource(FhirContext fhir, RequestDetails request, DirectoryQueries.Stored s) {
    if (!applies(request)) {
      return Resources.parse(fhir, s);
    }
    Resource shallow = (Resource) fhir.getResourceDefinition(s.type()).newInstance();
    shallow.setIdElement(new IdType(s.type(), s.id(), Long.toString(s.version())));
    shallow.getMeta().setVersionId(Long.toString(s.version())).setLastUpdated(lastUpdated(s));
    shallow.setUserData(STORED, s);
    return shallow;
  }

  /**
   * The stored version behind a shallow resource, or null for a resource HAPI must encode (or none:
   * a deletion's history entry has no resource).
   */
  static DirectoryQueries.Stored storedOf(IBaseResource resource) {
    return resource != null && resource.getUserData(STORED) instanceof DirectoryQueries.Stored s
        ? s
        : null;
  }

  /** The full resource behind a shallow one, for HAPI to encode (any other is returned as is). */
  static IBaseResource inflate(FhirContext fhir, IBaseResource resource) {
    DirectoryQueries.Stored stored = storedOf(resource);
    return stored == null ? resource : Resources.parse(fhir, stored);
  }

  /**
   * The version as HAPI's compact JSON encoder writes it: the stored text with {@code id}, {@code
   * meta.versionId} and {@code meta.lastUpdated} in place.
   *
   * @throws IllegalStateException if the stored text does not start as the projection writes it
   */
  static String json(DirectoryQueries.Stored s) {
    String content = s.content();
    String head = "{\"resourceType\":\"" + s.type() + "\"";
    if (!content.startsWith(head)) {
      throw new IllegalStateException(
          s.type() + "/" + s.id() + "/_history/" + s.version() + " is not stored as HAPI JSON");
    }
    StringBuilder json =
        new StringBuilder(content.length() + 96)
            .append(head)
            .append(",\"id\":\"")
            .append(s.id())
            .append("\",\"meta\":{\"versionId\":\"")
            .append(s.version())
            .append("\",\"lastUpdated\":\"")
            .append(new InstantType(lastUpdated(s)).getValueAsString())
            .append('"');
    if (content.startsWith(META, head.length())) {
      json.append(',').append(content, head.length() + META.length(), content.length());
    } else {
      json.append('}').append(content, head.length(), content.length());
    }
    return json.toString();
  }

  /**
   * Whether this request's answer may be written from stored JSON: JSON (asked for or by default),
   * not pretty-printed, neither summarised nor cut to some elements. Decided once per request.
   */
  static boolean applies(RequestDetails request) {
    return contentType(request) != null;
  }

  /**
   * The content type to answer with when the answer is written from stored JSON (as the client
   * asked for JSON: {@code application/fhir+json} or a legacy name), or null when HAPI writes it.
   */
  static String contentType(RequestDetails request) {
    return ((Optional<?>) request.getUserData().computeIfAbsent(APPLIES, k -> decide(request)))
        .map(String.class::cast)
        .orElse(null);
  }

  private static Optional<String> decide(RequestDetails request) {
    RestfulServerUtils.ResponseEncoding encoding =
        RestfulServerUtils.determineResponseEncodingNoDefault(request, EncodingEnum.JSON);
    Set<SummaryEnum> summary = RestfulServerUtils.determineSummaryMode(request);
    boolean applies =
        (encoding == null || encoding.getEncoding() == EncodingEnum.JSON)
            && !RestfulServerUtils.prettyPrintResponse(request.getServer(), request)
            && summary.equals(Set.of(SummaryEnum.FALSE))
            && !request.getParameters().containsKey("_elements")
            && !request.getParameters().containsKey("_elements:exclude");
    if (!applies) {
      return Optional.empty();
    }
    return Optional.of(
        (encoding != null
                ? encoding
                : RestfulServerUtils.determineResponseEncodingWithDefault(request))
            .getResourceContentType());
  }

  private static Date lastUpdated(DirectoryQueries.Stored s) {
    return Date.from(s.lastUpdated());
  }
}
