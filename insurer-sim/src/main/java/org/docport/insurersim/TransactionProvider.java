package org.docport.insurersim;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.docport.insurersim.ResourceStore.Written;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code POST /} with a {@code transaction} Bundle, as the HAPI JPA server takes it: all entries
 * succeed or none does; deletes run first, then creates, then updates (FHIR's order); each entry is
 * a create, an update or delete by id, or a conditional update or delete ({@code
 * Type?identifier=system|value}). Placeholder ({@code urn:uuid}) references are not supported here:
 * DocPort does not send them.
 *
 * <p>Public only because HAPI invokes the annotated method reflectively.
 */
public class TransactionProvider {

  private final ResourceStore store;
  private final AtomicInteger committed = new AtomicInteger();

  TransactionProvider(ResourceStore store) {
    this.store = store;
  }

  /** Transactions committed since start. */
  int committed() {
    return committed.get();
  }

  @Transaction
  public Bundle transaction(@TransactionParam Bundle request) {
    if (request.getType() != Bundle.BundleType.TRANSACTION) {
      throw new InvalidRequestException(
          "Expected a Bundle of type transaction, not " + request.getType());
    }
    List<BundleEntryComponent> entries = request.getEntry();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> rank(entries.get(i).getRequest().getMethod())));
    Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
    entries.forEach(e -> response.addEntry());
    store.atomically(
        () -> {
          for (int i : order) {
            response.getEntry().set(i, apply(entries.get(i)));
          }
          return null;
        });
    committed.incrementAndGet();
    return response;
  }

  private static int rank(HTTPVerb method) {
    return switch (method == null ? HTTPVerb.NULL : method) {
      case DELETE -> 0;
      case POST -> 1;
      case PUT -> 2;
      default -> throw new InvalidRequestException("Unsupported transaction method " + method);
    };
  }

  private BundleEntryComponent apply(BundleEntryComponent entry) {
    String url = entry.getRequest().getUrl();
    if (url == null || url.isBlank()) {
      throw new InvalidRequestException("A transaction entry has no request.url");
    }
    int query = url.indexOf('?');
    String type = (query < 0 ? url : url.substring(0, query)).split("/", 2)[0];
    String id = query < 0 && url.contains("/") ? url.split("/", 2)[1] : null;
    Resource resource = (Resource) entry.getResource();
    if (resource != null && !resource.fhirType().equals(type)) {
      throw new InvalidRequestException(
          "Resource type " + resource.fhirType() + " does not match request URL " + url);
    }
    BundleEntryComponent result = new BundleEntryComponent();
    switch (entry.getRequest().getMethod()) {
      case DELETE -> {
        Optional<StoredResource> deleted =
            query < 0
                ? store.delete(type, id)
                : store.deleteMatching(type, SearchCriteria.fromConditionalUrl(url));
        result.getResponse().setStatus("204 No Content");
        deleted.ifPresent(d -> result.getResponse().setLocation(d.versionedId().getValue()));
      }
      case POST -> written(result, store.create(required(resource, url)));
      case PUT ->
          written(
              result,
              query < 0
                  ? store.update(id, null, required(resource, url))
                  : store.updateMatching(
                      SearchCriteria.fromConditionalUrl(url), required(resource, url)));
      default -> throw new InvalidRequestException("Unsupported transaction entry " + url);
    }
    return result;
  }

  private static Resource required(Resource resource, String url) {
    if (resource == null) {
      throw new InvalidRequestException("The transaction entry for " + url + " has no resource");
    }
    return resource;
  }

  private static void written(BundleEntryComponent result, Written written) {
    result
        .getResponse()
        .setStatus(written.created() ? "201 Created" : "200 OK")
        .setLocation(written.stored().versionedId().getValue());
  }
}
