package org.docport.hub.fhir;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;

/**
 * One page of search results as HAPI serves it: the matches, then what they include (marked as
 * includes), with a named next page when there is one. Pages are named by a keyset cursor, so the
 * next page starts after the last match whatever was edited meanwhile: nothing is skipped and
 * nothing repeated.
 */
final class DirectoryResults implements IBundleProvider {

  private final String searchId;
  private final String pageId;
  private final String nextPageId;
  private final List<IBaseResource> resources;
  private final Integer total;
  private final InstantType published = InstantType.now();

  private DirectoryResults(
      String searchId,
      String pageId,
      String nextPageId,
      List<IBaseResource> resources,
      Integer total) {
    this.searchId = searchId;
    this.pageId = pageId;
    this.nextPageId = nextPageId;
    this.resources = resources;
    this.total = total;
  }

  /**
   * @param searchId the stored search the page belongs to (the bundle's id and its paging links)
   * @param pageId the cursor this page started after ({@link PagedSearches#FIRST_PAGE} for the
   *     first)
   * @param total the number of matches over all pages, or null when not asked for
   * @param served the resource HAPI is handed for a stored version (see {@link StoredJson})
   */
  static DirectoryResults of(
      String searchId,
      String pageId,
      DirectoryQueries.Page page,
      Long total,
      Function<DirectoryQueries.Stored, Resource> served) {
    List<IBaseResource> resources = new ArrayList<>();
    for (DirectoryQueries.Stored stored : page.matches()) {
      Resource match = served.apply(stored);
      ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(match, BundleEntrySearchModeEnum.MATCH);
      resources.add(match);
    }
    for (DirectoryQueries.Stored stored : page.included()) {
      Resource included = served.apply(stored);
      ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(included, BundleEntrySearchModeEnum.INCLUDE);
      resources.add(included);
    }
    return new DirectoryResults(
        searchId,
        pageId,
        page.nextCursor(),
        List.copyOf(resources),
        total == null ? null : Math.toIntExact(total));
  }

  /** One page of a history, newest first, with the cursor of the next page if any. */
  static DirectoryResults of(
      String searchId, String pageId, String nextPageId, List<IBaseResource> resources) {
    return new DirectoryResults(searchId, pageId, nextPageId, List.copyOf(resources), null);
  }

  /** Only a count ({@code _summary=count}): no page of resources at all. */
  static DirectoryResults countOnly(long total) {
    return new DirectoryResults(null, null, null, List.of(), Math.toIntExact(total));
  }

  @Override
  public IPrimitiveType<Date> getPublished() {
    return published;
  }

  /** Every resource of this page: HAPI asks for the page it was handed, whatever the indexes. */
  @Override
  public List<IBaseResource> getResources(int fromIndex, int toIndex) {
    return resources;
  }

  @Override
  public String getUuid() {
    return searchId;
  }

  @Override
  public String getCurrentPageId() {
    return pageId;
  }

  @Override
  public String getNextPageId() {
    return nextPageId;
  }

  @Override
  public Integer preferredPageSize() {
    return null;
  }

  @Override
  public Integer size() {
    return total;
  }
}
