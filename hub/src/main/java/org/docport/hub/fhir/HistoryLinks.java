package org.docport.hub.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Gives a history bundle the next link DocPort chose. HAPI pages every {@code _history} by offset,
 * re-running the request with {@code _offset=n}: newest first, a version written between two pages
 * would shift the rest by one (repeating an entry), and a page as long as {@code _count} would
 * always promise another. A history's pages are keyset cursors instead, served like a search's
 * ({@link DirectoryService#history}); this puts the link to the next one, or none, in the bundle.
 */
@Interceptor
final class HistoryLinks {

  private static final String NEXT = HistoryLinks.class.getName() + ".next";

  /** The next page's link of the history being answered; null when it is the last page. */
  static void next(RequestDetails request, String link) {
    request.getUserData().put(NEXT, link == null ? "" : link);
  }

  /** A link to a page of a stored history, as HAPI's own paging links are made. */
  static String page(RequestDetails request, String searchId, String pageId) {
    return request.getFhirServerBase()
        + "?_getpages="
        + searchId
        + "&_pageId="
        + pageId
        + "&_bundletype=history";
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean outgoing(RequestDetails request, IBaseResource response) {
    Object next = request.getUserData().get(NEXT);
    if (next instanceof String link && response instanceof Bundle bundle) {
      bundle.getLink().removeIf(l -> Bundle.LINK_NEXT.equals(l.getRelation()));
      if (!link.isEmpty()) {
        bundle.addLink().setRelation(Bundle.LINK_NEXT).setUrl(link);
      }
    }
    return true;
  }
}
