package org.docport.hub.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docport.hub.fhir.SearchParameters.Parameter;

/**
 * A FHIR search over one resource type, parsed and checked against {@link SearchParameters}: every
 * parameter the server does not support is a 400 naming it (or, with {@code Prefer:
 * handling=lenient}, ignored), so a client never gets results filtered less than it asked.
 *
 * @param criteria all must hold; each holds when any of its values matches
 * @param includes {@code Type:param} references to add the targets of
 * @param revincludes {@code Type:param} references whose sources to add
 * @param count page size
 * @param total whether the bundle must state the total ({@code _total=accurate}, {@code
 *     _summary=count})
 */
record DirectorySearch(
    String type,
    List<Criterion> criteria,
    List<Include> includes,
    List<Include> revincludes,
    int count,
    boolean total) {

  static final int DEFAULT_COUNT = 50;
  static final int MAX_COUNT = 500;

  /** Parameters the server applies itself, after the search ran. */
  private static final Set<String> RESULT_PARAMETERS =
      Set.of("_format", "_pretty", "_summary", "_elements", "_count", "_total");

  /** One condition on the resources searched for. */
  sealed interface Criterion {}

  /** {@code _id}. */
  record Ids(List<String> ids) implements Criterion {}

  /** {@code _lastUpdated}: an instant range, either end open. */
  record LastUpdated(Instant from, Instant to) implements Criterion {}

  /**
   * A parameter of the type, possibly with a modifier, matched by any of the values.
   *
   * @param modifier {@code exact}, {@code contains} or {@code null}
   */
  record Match(Parameter parameter, String modifier, List<String> values) implements Criterion {}

  /** {@code param.chained=value}: the resource the reference points at matches. */
  record Chain(Parameter reference, Criterion onTarget) implements Criterion {}

  /** {@code _has:Type:param:criterion=value}: some {@code Type} refers here and matches. */
  record Has(String sourceType, Parameter reference, Criterion onSource) implements Criterion {}

  /** {@code Type:param} of {@code _include} / {@code _revinclude}. */
  record Include(String sourceType, Parameter reference) {}

  static DirectorySearch parse(String type, Map<String, String[]> parameters, boolean lenient) {
    List<Criterion> criteria = new ArrayList<>();
    List<Include> includes = new ArrayList<>();
    List<Include> revincludes = new ArrayList<>();
    int count = DEFAULT_COUNT;
    boolean total = false;
    for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
      String name = entry.getKey();
      for (String raw : entry.getValue()) {
        try {
          switch (name) {
            case "_count" -> count = count(raw);
            case "_total" -> total = total || "accurate".equals(raw);
            case "_summary" -> total = total || "count".equals(raw);
            case "_include" -> includes.add(include(type, raw, "_include"));
            case "_revinclude" -> revincludes.add(revinclude(type, raw));
            default -> {
              if (!RESULT_PARAMETERS.contains(name)) {
                criteria.add(criterion(type, name, raw));
              }
            }
          }
        } catch (InvalidRequestException e) {
          if (!lenient) {
            throw e;
          }
        }
      }
    }
    return new DirectorySearch(
        type, List.copyOf(criteria), List.copyOf(includes), List.copyOf(revincludes), count, total);
  }

  private static Criterion criterion(String type, String name, String raw) {
    List<String> values = Arrays.stream(raw.split(",", -1)).map(String::strip).toList();
    if (values.stream().anyMatch(String::isEmpty)) {
      throw invalid(name, "an empty value; give one or more values separated by commas");
    }
    if (name.equals("_id")) {
      return new Ids(values);
    }
    if (name.equals("_lastUpdated")) {
      return lastUpdated(raw);
    }
    if (name.startsWith("_has:")) {
      return has(type, name, raw);
    }
    int dot = name.indexOf('.');
    if (dot > 0) {
      Parameter reference = reference(type, name.substring(0, dot), name);
      String rest = name.substring(dot + 1);
      if (!reference.chains().contains(rest.split(":", 2)[0])) {
        throw invalid(
            name,
            "a chain this server does not support; "
                + reference.code()
                + " chains to "
                + (reference.chains().isEmpty()
                    ? "nothing"
                    : String.join(", ", reference.chains())));
      }
      return new Chain(reference, criterion(reference.target(), rest, raw));
    }
    String[] parts = name.split(":", 2);
    Parameter parameter =
        SearchParameters.find(type, parts[0])
            .orElseThrow(() -> invalid(name, "a search parameter " + type + " does not support"));
    String modifier = parts.length > 1 ? parts[1] : null;
    if (modifier != null
        && !(parameter.type() == SearchParameters.Type.STRING
            && Set.of("exact", "contains").contains(modifier))) {
      throw invalid(name, "a modifier this server does not support for " + parts[0]);
    }
    return new Match(parameter, modifier, values);
  }

  private static Criterion has(String type, String name, String raw) {
    String[] parts = name.split(":", 4);
    if (parts.length < 4) {
      throw invalid(name, "not of the form _has:Type:reference:parameter");
    }
    Parameter reference = reference(parts[1], parts[2], name);
    if (!type.equals(reference.target())) {
      throw invalid(name, parts[1] + "." + parts[2] + " does not refer to " + type);
    }
    return new Has(parts[1], reference, criterion(parts[1], parts[3], raw));
  }

  private static Parameter reference(String type, String code, String name) {
    return SearchParameters.find(type, code)
        .filter(p -> p.type() == SearchParameters.Type.REFERENCE)
        .orElseThrow(() -> invalid(name, code + " is not a reference parameter of " + type));
  }

  private static Include include(String type, String raw, String name) {
    String[] parts = raw.split(":");
    if (parts.length != 2 || !parts[0].equals(type)) {
      throw invalid(name, "'" + raw + "'; the form is " + type + ":parameter");
    }
    return new Include(type, reference(type, parts[1], name));
  }

  private static Include revinclude(String type, String raw) {
    String[] parts = raw.split(":");
    if (parts.length != 2) {
      throw invalid("_revinclude", "'" + raw + "'; the form is Type:parameter");
    }
    Parameter reference = reference(parts[0], parts[1], "_revinclude");
    if (!type.equals(reference.target())) {
      throw invalid("_revinclude", raw + " does not refer to " + type);
    }
    return new Include(parts[0], reference);
  }

  private static int count(String raw) {
    try {
      int count = Integer.parseInt(raw);
      if (count < 0) {
        throw invalid("_count", "negative");
      }
      return Math.min(count, MAX_COUNT);
    } catch (NumberFormatException e) {
      throw invalid("_count", "'" + raw + "', which is not a whole number");
    }
  }

  /** Prefixes ge, gt, le, lt, eq with a date (day precision) or a date-time. */
  private static Criterion lastUpdated(String raw) {
    String prefix =
        raw.length() > 2 && Character.isLetter(raw.charAt(0)) ? raw.substring(0, 2) : "eq";
    String value = raw.startsWith(prefix) ? raw.substring(2) : raw;
    Instant[] range = instantRange(value);
    return switch (prefix) {
      case "eq" -> new LastUpdated(range[0], range[1]);
      case "ge", "gt" -> new LastUpdated(prefix.equals("ge") ? range[0] : range[1], null);
      case "le", "lt" -> new LastUpdated(null, prefix.equals("le") ? range[1] : range[0]);
      default ->
          throw invalid("_lastUpdated", "the prefix '" + prefix + "'; use eq, ge, gt, le or lt");
    };
  }

  /** [start, end) of a day, or [instant, instant + 1 ms) of a date-time. */
  private static Instant[] instantRange(String value) {
    try {
      if (value.length() == 10) {
        Instant start = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Instant[] {start, start.plusSeconds(86_400)};
      }
      Instant at = OffsetDateTime.parse(value).toInstant();
      return new Instant[] {at, at.plusMillis(1)};
    } catch (DateTimeParseException e) {
      throw invalid(
          "_lastUpdated", "'" + value + "'; give a date (2026-01-31) or a date-time with a zone");
    }
  }

  static InvalidRequestException invalid(String parameter, String problem) {
    return new InvalidRequestException("Search parameter '" + parameter + "': " + problem + ".");
  }
}
