package org.docport.hub.fhir;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a {@code $export} kick-off asks for, checked: every problem is a 400 (or, for a type the
 * token may not read, a 403) naming the parameter, so a client never gets a partial export it did
 * not ask for.
 *
 * @param types the resource types exported
 * @param since only resources changed after this instant; null for all
 * @param typeFilters {@code Type?query} searches as asked; a type with filters exports the
 *     resources that match any of them
 */
record BulkExportRequest(List<String> types, Instant since, List<String> typeFilters) {

  static final Set<String> OUTPUT_FORMATS =
      Set.of("application/fhir+ndjson", "application/ndjson", "ndjson");

  /** Parameters HAPI applies to any answer; harmless here. */
  private static final Set<String> IGNORED = Set.of("_format", "_pretty");

  /** The kick-off parameters this server reads. */
  static final Set<String> KNOWN = Set.of("_outputFormat", "_type", "_since", "_typeFilter");

  /**
   * @param served the resource types the server serves
   * @param level the type of a type-level kick-off ({@code Practitioner/$export}); null at system
   *     level
   * @param mayRead whether the caller's token lets it read a type
   */
  static BulkExportRequest parse(
      Map<String, String[]> parameters,
      List<String> served,
      String level,
      Predicate<String> mayRead) {
    for (String name : parameters.keySet()) {
      if (!KNOWN.contains(name) && !IGNORED.contains(name)) {
        throw invalid(
            name, "not supported by this server; use _type, _since, _typeFilter, _outputFormat");
      }
    }
    for (String format : values(parameters, "_outputFormat")) {
      if (!OUTPUT_FORMATS.contains(format)) {
        throw invalid(
            "_outputFormat", "'" + format + "'; the only format is application/fhir+ndjson");
      }
    }
    List<String> types = types(parameters, served, level, mayRead);
    List<String> filters = new ArrayList<>();
    for (String value : values(parameters, "_typeFilter")) {
      // Queries are comma-separated; a comma inside a query is followed by no "Type?"
      filters.addAll(Arrays.asList(value.split(",(?=[A-Z][A-Za-z]*\\?)")));
    }
    BulkExportRequest request = new BulkExportRequest(types, since(parameters), filters);
    request.filters(); // checks them
    return request;
  }

  /** The searches of {@code _typeFilter} by type, parsed as the server's searches are. */
  Map<String, List<DirectorySearch>> filters() {
    Map<String, List<DirectorySearch>> byType = new LinkedHashMap<>();
    for (String filter : typeFilters) {
      int question = filter.indexOf('?');
      String type = question < 0 ? filter : filter.substring(0, question);
      if (question < 0 || !types.contains(type)) {
        throw invalid(
            "_typeFilter",
            "'"
                + filter
                + "'; give Type?search for a type exported ("
                + String.join(",", types)
                + ")");
      }
      DirectorySearch search =
          DirectorySearch.parse(type, query(filter.substring(question + 1)), false);
      if (!search.includes().isEmpty() || !search.revincludes().isEmpty()) {
        throw invalid("_typeFilter", "'" + filter + "' includes resources; exports do not include");
      }
      byType.computeIfAbsent(type, t -> new ArrayList<>()).add(search);
    }
    return byType;
  }

  private static List<String> types(
      Map<String, String[]> parameters,
      List<String> served,
      String level,
      Predicate<String> mayRead) {
    Set<String> asked = new LinkedHashSet<>();
    for (String value : values(parameters, "_type")) {
      for (String type : value.split(",")) {
        String trimmed = type.strip();
        if (!served.contains(trimmed) || (level != null && !level.equals(trimmed))) {
          throw invalid(
              "_type",
              "'"
                  + trimmed
                  + "' is not a type this export serves; use "
                  + (level != null ? level : String.join(", ", served)));
        }
        asked.add(trimmed);
      }
    }
    if (asked.isEmpty()) {
      List<String> all = level != null ? List.of(level) : served;
      List<String> readable = all.stream().filter(mayRead).toList();
      if (readable.isEmpty()) {
        throw forbidden(all.get(0));
      }
      return readable;
    }
    for (String type : asked) {
      if (!mayRead.test(type)) {
        throw forbidden(type);
      }
    }
    return List.copyOf(asked);
  }

  private static Instant since(Map<String, String[]> parameters) {
    List<String> since = values(parameters, "_since");
    if (since.isEmpty()) {
      return null;
    }
    String last = since.get(since.size() - 1);
    try {
      return OffsetDateTime.parse(last).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid("_since", "'" + last + "'; give an instant such as 2026-01-31T10:00:00Z");
    }
  }

  /** The parameters of a query string, decoded. */
  private static Map<String, String[]> query(String query) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] parts = pair.split("=", 2);
      parameters
          .computeIfAbsent(decode(parts[0]), k -> new ArrayList<>())
          .add(parts.length > 1 ? decode(parts[1]) : "");
    }
    Map<String, String[]> result = new LinkedHashMap<>();
    parameters.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
    return result;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static List<String> values(Map<String, String[]> parameters, String name) {
    return Arrays.stream(parameters.getOrDefault(name, new String[0]))
        .filter(v -> !v.isBlank())
        .toList();
  }

  /** A 400 naming the parameter and what is wrong with it. */
  static InvalidRequestException invalid(String parameter, String problem) {
    return new InvalidRequestException("$export parameter '" + parameter + "': " + problem + ".");
  }

  /** A 403 saying which scope would let the token export the type. */
  static ForbiddenOperationException forbidden(String type) {
    return new ForbiddenOperationException(
        "The access token's scopes do not allow exporting %s; ask for system/%s.read or system/%s.rs."
            .formatted(type, type, type));
  }
}
