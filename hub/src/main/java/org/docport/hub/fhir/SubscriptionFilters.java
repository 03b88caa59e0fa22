package org.docport.hub.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A subscription's filter ({@code backport-filter-criteria}) is a search on the topic's resource
 * type, answered by the same parser and index as {@code GET /fhir/Type?...}: a changed resource
 * matches when that search, narrowed to its id, finds it in the insurer's view.
 */
final class SubscriptionFilters {

  /** Search result parameters, which say nothing about which resources match. */
  private static final Set<String> NOT_FILTERS =
      Set.of(
          "_include",
          "_revinclude",
          "_count",
          "_total",
          "_summary",
          "_elements",
          "_sort",
          "_format",
          "_pretty");

  private SubscriptionFilters() {}

  /**
   * @throws InvalidRequestException naming the parameter the server does not answer
   */
  static void check(String type, String query) {
    Map<String, String[]> parameters = parameters(query);
    for (String name : parameters.keySet()) {
      if (NOT_FILTERS.contains(name)) {
        throw DirectorySearch.invalid(name, "not a filter; give search criteria only");
      }
    }
    DirectorySearch.parse(type, parameters, false);
  }

  /** Whether the resource, as the insurer sees it now, matches the filter. */
  static boolean matches(
      DirectoryQueries queries, String insurerId, String type, String id, String query) {
    Map<String, String[]> parameters = parameters(query);
    // Values of one parameter are all required, so a filter on _id still applies.
    parameters.merge(
        "_id",
        new String[] {id},
        (a, b) -> Stream.concat(Arrays.stream(a), Arrays.stream(b)).toArray(String[]::new));
    return queries.count(insurerId, DirectorySearch.parse(type, parameters, false)) > 0;
  }

  private static Map<String, String[]> parameters(String query) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    Map<String, String[]> parameters = new LinkedHashMap<>();
    values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
    return parameters;
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }
}
