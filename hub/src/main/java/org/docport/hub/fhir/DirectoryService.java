package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * The FHIR API's behaviour behind HAPI's annotations: every interaction first establishes the
 * caller (its insurer and scopes), then reads only that insurer's view. A resource the insurer may
 * not see answers 404, exactly as one that never existed; one it saw and lost answers 410.
 */
@Component
class DirectoryService {

  static final int HISTORY_MAX = 500;

  private final FhirContext fhir;
  private final DirectoryQueries queries;
  private final PagedSearches pagedSearches;
  private final Callers callers;
  private final Disclosures disclosures;

  DirectoryService(
      FhirContext fhir,
      DirectoryQueries queries,
      PagedSearches pagedSearches,
      Callers callers,
      Disclosures disclosures) {
    this.fhir = fhir;
    this.queries = queries;
    this.pagedSearches = pagedSearches;
    this.callers = callers;
    this.disclosures = disclosures;
  }

  Resource read(String type, IdType id) {
    Caller caller = callers.current();
    requireRead(caller, type);
    Optional<DirectoryQueries.Stored> stored =
        id.hasVersionIdPart()
            ? queries.version(caller.insurerId(), type, id.getIdPart(), version(id))
            : queries.current(caller.insurerId(), type, id.getIdPart());
    DirectoryQueries.Stored found =
        stored.orElseThrow(() -> new ResourceNotFoundException(id.withResourceType(type)));
    if (found.deleted()) {
      throw new ResourceGoneException(
          "Resource "
              + type
              + "/"
              + id.getIdPart()
              + " was deleted (version "
              + found.version()
              + ").");
    }
    disclosures.record(
        caller,
        id.hasVersionIdPart() ? "vread" : "read",
        type
            + "/"
            + id.getIdPart()
            + (id.hasVersionIdPart() ? "/_history/" + id.getVersionIdPart() : ""),
        List.of(found));
    return Resources.parse(fhir, found);
  }

  IBundleProvider search(RequestDetails request, String type) {
    Caller caller = callers.current();
    requireSearch(caller, type);
    Map<String, String[]> parameters = request.getParameters();
    boolean lenient = lenient(request);
    DirectorySearch search = DirectorySearch.parse(type, parameters, lenient);
    String[] summary = parameters.getOrDefault("_summary", new String[0]);
    if (search.count() == 0 || List.of(summary).contains("count")) {
      return DirectoryResults.countOnly(queries.count(caller.insurerId(), search));
    }
    DirectoryQueries.Page page = queries.search(caller.insurerId(), search, null);
    disclose(caller, request, page);
    Long total = search.total() ? queries.count(caller.insurerId(), search) : null;
    String searchId =
        page.nextCursor() == null
            ? UUID.randomUUID().toString()
            : pagedSearches.store(caller.insurerId(), type, parameters, lenient).toString();
    return DirectoryResults.of(fhir, searchId, PagedSearches.FIRST_PAGE, page, total);
  }

  /** A next page: only for the insurer that searched. */
  IBundleProvider page(RequestDetails request, String searchId, String pageId) {
    Caller caller = callers.current();
    PagedSearches.StoredSearch stored =
        parseUuid(searchId)
            .flatMap(pagedSearches::find)
            .filter(s -> s.insurerId().equals(caller.insurerId()))
            .orElseThrow(() -> PagedSearches.gone(searchId));
    requireSearch(caller, stored.type());
    DirectorySearch search =
        DirectorySearch.parse(stored.type(), stored.parameters(), stored.lenient());
    String cursor = PagedSearches.FIRST_PAGE.equals(pageId) ? null : pageId;
    DirectoryQueries.Page page = queries.search(caller.insurerId(), search, cursor);
    disclose(caller, request, page);
    Long total = search.total() ? queries.count(caller.insurerId(), search) : null;
    return DirectoryResults.of(fhir, searchId, pageId, page, total);
  }

  /**
   * Versions newest first: of one resource, one type ({@code id} null) or all ({@code type} null).
   */
  IBundleProvider history(
      RequestDetails request,
      String type,
      IdType id,
      Instant since,
      Instant before,
      Integer count) {
    Caller caller = callers.current();
    if (type != null) {
      requireRead(caller, type);
    }
    int max = count == null ? DirectorySearch.DEFAULT_COUNT : Math.min(count, HISTORY_MAX);
    List<DirectoryQueries.Stored> versions =
        queries.history(
            caller.insurerId(), type, id == null ? null : id.getIdPart(), since, before, max);
    List<DirectoryQueries.Stored> allowed =
        versions.stream().filter(v -> type != null || caller.scopes().mayRead(v.type())).toList();
    String interaction =
        type == null ? "history-system" : id == null ? "history-type" : "history-instance";
    disclosures.record(caller, interaction, asked(request), allowed);
    List<IBaseResource> resources =
        allowed.stream()
            .map(v -> v.deleted() ? Resources.tombstone(fhir, v) : Resources.parse(fhir, v))
            .map(IBaseResource.class::cast)
            .toList();
    return new SimpleBundleProvider(resources);
  }

  private void disclose(Caller caller, RequestDetails request, DirectoryQueries.Page page) {
    List<DirectoryQueries.Stored> sent = new ArrayList<>(page.matches());
    sent.addAll(page.included());
    disclosures.record(caller, "search-type", asked(request), sent);
  }

  /** The path and query as the client sent them, for the disclosure record. */
  private static String asked(RequestDetails request) {
    String query =
        request.getParameters().entrySet().stream()
            .flatMap(e -> Arrays.stream(e.getValue()).map(v -> e.getKey() + "=" + v))
            .collect(Collectors.joining("&"));
    return request.getRequestPath() + (query.isEmpty() ? "" : "?" + query);
  }

  private static void requireRead(Caller caller, String type) {
    require(caller.scopes().mayRead(type), "reading", type);
  }

  private static void requireSearch(Caller caller, String type) {
    require(caller.scopes().maySearch(type), "searching", type);
  }

  /** A 403 saying which scope would allow the interaction. */
  private static void require(boolean allowed, String interaction, String type) {
    if (!allowed) {
      throw new ForbiddenOperationException(
          "The access token's scopes do not allow %s %s; ask for system/%s.read or system/%s.rs."
              .formatted(interaction, type, type, type));
    }
  }

  /** {@code Prefer: handling=lenient}: unknown parameters are ignored rather than refused. */
  private static boolean lenient(RequestDetails request) {
    String prefer = request.getHeader("Prefer");
    return prefer != null && prefer.replace(" ", "").contains("handling=lenient");
  }

  private static long version(IdType id) {
    try {
      return Long.parseLong(id.getVersionIdPart());
    } catch (NumberFormatException e) {
      throw new ResourceNotFoundException(id);
    }
  }

  private static Optional<UUID> parseUuid(String value) {
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
