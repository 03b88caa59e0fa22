package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

  Resource read(RequestDetails request, String type, IdType id) {
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
    return StoredJson.resource(fhir, request, found);
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
    return DirectoryResults.of(
        searchId,
        PagedSearches.FIRST_PAGE,
        page,
        total,
        s -> StoredJson.resource(fhir, request, s));
  }

  /** A next page: only for the insurer that searched. */
  IBundleProvider page(RequestDetails request, String searchId, String pageId) {
    Caller caller = callers.current();
    PagedSearches.StoredSearch stored =
        PagedSearches.parse(searchId)
            .flatMap(pagedSearches::find)
            .filter(s -> s.insurerId().equals(caller.insurerId()))
            .orElseThrow(() -> PagedSearches.gone(searchId));
    if (History.isHistory(stored)) {
      return historyPage(caller, request, stored, pageId);
    }
    requireSearch(caller, stored.type());
    DirectorySearch search =
        DirectorySearch.parse(stored.type(), stored.parameters(), stored.lenient());
    String cursor = PagedSearches.FIRST_PAGE.equals(pageId) ? null : pageId;
    DirectoryQueries.Page page = queries.search(caller.insurerId(), search, cursor);
    disclose(caller, request, page);
    Long total = search.total() ? queries.count(caller.insurerId(), search) : null;
    return DirectoryResults.of(
        searchId, pageId, page, total, s -> StoredJson.resource(fhir, request, s));
  }

  /**
   * Versions newest first: of one resource, one type ({@code id} null) or all ({@code type} null).
   * A history with more than one page is stored as a search is, so its next link works on any
   * replica, for the insurer that asked.
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
    History history =
        new History(
            type,
            id == null ? null : id.getIdPart(),
            since,
            before,
            count == null
                ? DirectorySearch.DEFAULT_COUNT
                : Math.max(1, Math.min(count, HISTORY_MAX)));
    DirectoryQueries.HistoryPage page = history.page(queries, caller.insurerId(), null);
    String searchId =
        page.next() == null
            ? UUID.randomUUID().toString()
            : pagedSearches
                .store(caller.insurerId(), history.storedType(), history.parameters(), false)
                .toString();
    return historyResults(caller, request, history, searchId, PagedSearches.FIRST_PAGE, page);
  }

  /** A next page of a history (see {@link #page}). */
  private IBundleProvider historyPage(
      Caller caller, RequestDetails request, PagedSearches.StoredSearch stored, String pageId) {
    History history = History.of(stored);
    if (history.type() != null) {
      requireRead(caller, history.type());
    }
    DirectoryQueries.HistoryCursor after =
        DirectoryQueries.HistoryCursor.parse(pageId)
            .orElseThrow(() -> PagedSearches.gone(stored.id().toString()));
    return historyResults(
        caller,
        request,
        history,
        stored.id().toString(),
        pageId,
        history.page(queries, caller.insurerId(), after));
  }

  private IBundleProvider historyResults(
      Caller caller,
      RequestDetails request,
      History history,
      String searchId,
      String pageId,
      DirectoryQueries.HistoryPage page) {
    List<DirectoryQueries.Stored> allowed =
        page.versions().stream()
            .filter(v -> history.type() != null || caller.scopes().mayRead(v.type()))
            .toList();
    disclosures.record(caller, history.interaction(), asked(request), allowed);
    List<IBaseResource> resources =
        allowed.stream()
            .map(v -> v.deleted() ? Resources.tombstone(fhir, v) : Resources.parse(fhir, v))
            .map(IBaseResource.class::cast)
            .toList();
    String next = page.next() == null ? null : page.next().toString();
    HistoryLinks.next(request, next == null ? null : HistoryLinks.page(request, searchId, next));
    return DirectoryResults.of(searchId, pageId, next, resources);
  }

  /**
   * A history request, as stored for its next pages under the parameter {@value #HISTORY} (which no
   * search can have).
   */
  private record History(String type, String id, Instant since, Instant before, int count) {

    static final String HISTORY = "_history";

    DirectoryQueries.HistoryPage page(
        DirectoryQueries queries, String insurerId, DirectoryQueries.HistoryCursor after) {
      return queries.history(insurerId, type, id, since, before, after, count);
    }

    String interaction() {
      return type == null ? "history-system" : id == null ? "history-type" : "history-instance";
    }

    /** The stored search's type: empty for the whole system's history. */
    String storedType() {
      return type == null ? "" : type;
    }

    Map<String, String[]> parameters() {
      Map<String, String[]> parameters = new HashMap<>();
      parameters.put(HISTORY, new String[] {id == null ? "" : id});
      parameters.put("_count", new String[] {Integer.toString(count)});
      if (since != null) {
        parameters.put("_since", new String[] {since.toString()});
      }
      if (before != null) {
        parameters.put("_before", new String[] {before.toString()});
      }
      return parameters;
    }

    static boolean isHistory(PagedSearches.StoredSearch stored) {
      return stored.parameters().containsKey(HISTORY);
    }

    static History of(PagedSearches.StoredSearch stored) {
      Map<String, String[]> p = stored.parameters();
      String id = p.get(HISTORY)[0];
      return new History(
          stored.type().isEmpty() ? null : stored.type(),
          id.isEmpty() ? null : id,
          p.containsKey("_since") ? Instant.parse(p.get("_since")[0]) : null,
          p.containsKey("_before") ? Instant.parse(p.get("_before")[0]) : null,
          Integer.parseInt(p.get("_count")[0]));
    }
  }

  private void disclose(Caller caller, RequestDetails request, DirectoryQueries.Page page) {
    List<DirectoryQueries.Stored> sent = new ArrayList<>(page.matches());
    sent.addAll(page.included());
    disclosures.record(caller, "search-type", asked(request), sent);
  }

  /** The path and query as the client sent them, for the disclosure record. */
  static String asked(RequestDetails request) {
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
  static void require(boolean allowed, String interaction, String type) {
    if (!allowed) {
      throw new ForbiddenOperationException(
          "The access token's scopes do not allow %s %s; ask for system/%s.read or system/%s.rs."
              .formatted(interaction, type, type, type));
    }
  }

  /** {@code Prefer: handling=lenient}: unknown parameters are ignored rather than refused. */
  static boolean lenient(RequestDetails request) {
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
}
