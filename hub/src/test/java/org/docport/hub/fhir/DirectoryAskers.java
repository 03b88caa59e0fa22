package org.docport.hub.fhir;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.docport.hub.fhir.Probes.History;
import org.docport.hub.fhir.Probes.Read;
import org.docport.hub.fhir.Probes.Search;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Two ways of putting a probe to an insurer's directory, answering alike: over HTTP with HAPI's
 * client, as the insurer does, or straight to {@link DirectoryQueries}, many times faster.
 */
final class DirectoryAskers {

  /** A resource in an answer; {@code content} is null for a deletion and for direct answers. */
  record Item(String type, String id, boolean deleted, boolean match, Resource content) {}

  /**
   * What came back: a status and body for reads, every page's entries for searches (with the stated
   * total, if asked), every version for history.
   */
  record Answer(int status, String body, List<Item> items, Integer total) {
    long matches() {
      return items.stream().filter(Item::match).count();
    }
  }

  /** Asks one insurer's directory. */
  interface Asker {
    Answer read(int insurer, Read read);

    Answer search(int insurer, Search search);

    Answer history(int insurer, History history);
  }

  private DirectoryAskers() {}

  /** Over HTTP, one SMART client per insurer. */
  static Asker http(List<IGenericClient> clients) {
    return new Asker() {
      @Override
      public Answer read(int insurer, Read read) {
        IGenericClient fhir = clients.get(insurer);
        Class<? extends IBaseResource> type =
            InsurerFhirClients.FHIR.getResourceDefinition(read.type()).getImplementingClass();
        try {
          Resource found =
              (Resource)
                  (read.version() == null
                      ? fhir.read().resource(type).withId(read.id()).execute()
                      : fhir.read()
                          .resource(type)
                          .withIdAndVersion(read.id(), read.version().toString())
                          .execute());
          return new Answer(200, null, List.of(item(found, true)), null);
        } catch (BaseServerResponseException e) {
          // What the insurer can tell apart: the status and the OperationOutcome it is sent.
          String body =
              e.getResponseBody() != null
                  ? e.getResponseBody()
                  : e.getOperationOutcome() != null
                      ? InsurerFhirClients.FHIR
                          .newJsonParser()
                          .encodeResourceToString(e.getOperationOutcome())
                      : e.getMessage();
          return new Answer(e.getStatusCode(), body, List.of(), null);
        }
      }

      @Override
      public Answer search(int insurer, Search search) {
        IGenericClient fhir = clients.get(insurer);
        Bundle page = fhir.search().byUrl(search.url()).returnBundle(Bundle.class).execute();
        Integer total = page.hasTotal() ? page.getTotal() : null;
        List<Item> items = new ArrayList<>();
        while (true) {
          for (BundleEntryComponent entry : page.getEntry()) {
            items.add(
                item(
                    entry.getResource(),
                    entry.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE));
          }
          if (page.getLink(Bundle.LINK_NEXT) == null) {
            return new Answer(200, null, items, total);
          }
          page = fhir.loadPage().next(page).execute();
        }
      }

      @Override
      public Answer history(int insurer, History history) {
        IGenericClient fhir = clients.get(insurer);
        Bundle bundle =
            (history.id() != null
                    ? fhir.history().onInstance(new IdType(history.type(), history.id()))
                    : history.type() != null
                        ? fhir.history().onType(history.type())
                        : fhir.history().onServer())
                .returnBundle(Bundle.class)
                .count(DirectoryService.HISTORY_MAX)
                .execute();
        List<Item> items = new ArrayList<>();
        for (BundleEntryComponent entry : bundle.getEntry()) {
          if (entry.getRequest().getMethod() == Bundle.HTTPVerb.DELETE) {
            IdType id = new IdType(entry.getRequest().getUrl());
            Resource left = entry.getResource();
            items.add(new Item(id.getResourceType(), id.getIdPart(), true, true, left));
          } else {
            items.add(item(entry.getResource(), true));
          }
        }
        return new Answer(200, null, items, null);
      }
    };
  }

  private static Item item(Resource resource, boolean match) {
    return new Item(
        resource.fhirType(), resource.getIdElement().getIdPart(), false, match, resource);
  }

  /** Straight to the queries the API runs, with the insurers' ids. */
  static Asker direct(DirectoryQueries directory, List<String> insurerIds) {
    return new Asker() {
      @Override
      public Answer read(int insurer, Read read) {
        String insurerId = insurerIds.get(insurer);
        Optional<DirectoryQueries.Stored> stored =
            read.version() == null
                ? directory.current(insurerId, read.type(), read.id())
                : directory.version(insurerId, read.type(), read.id(), read.version());
        return stored
            .map(s -> new Answer(s.deleted() ? 410 : 200, null, List.of(item(s, true)), null))
            .orElseGet(() -> new Answer(404, null, List.of(), null));
      }

      @Override
      public Answer search(int insurer, Search search) {
        String insurerId = insurerIds.get(insurer);
        DirectorySearch parsed = DirectorySearch.parse(search.type(), search.asMap(), false);
        Integer total = parsed.total() ? Math.toIntExact(directory.count(insurerId, parsed)) : null;
        List<Item> items = new ArrayList<>();
        String cursor = null;
        do {
          DirectoryQueries.Page page = directory.search(insurerId, parsed, cursor);
          page.matches().forEach(s -> items.add(item(s, true)));
          page.included().forEach(s -> items.add(item(s, false)));
          cursor = page.nextCursor();
        } while (cursor != null);
        return new Answer(200, null, items, total);
      }

      @Override
      public Answer history(int insurer, History history) {
        List<Item> items =
            directory
                .history(
                    insurerIds.get(insurer),
                    history.type(),
                    history.id(),
                    null,
                    null,
                    null,
                    DirectoryService.HISTORY_MAX)
                .versions()
                .stream()
                .map(s -> item(s, true))
                .toList();
        return new Answer(200, null, items, null);
      }
    };
  }

  private static Item item(DirectoryQueries.Stored stored, boolean match) {
    return new Item(stored.type(), stored.id(), stored.deleted(), match, null);
  }
}
