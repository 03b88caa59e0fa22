package org.docport.insurersim;

import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.UrlUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Identifier;

/**
 * The search parameters every hosted type supports ({@code identifier} and {@code _id}), as a
 * predicate over stored resources. Searches and conditional URLs ({@code PUT
 * Type?identifier=system|value}) share it, so "what matches" means the same thing in both.
 */
final class SearchCriteria {

  private SearchCriteria() {}

  /**
   * Criteria that also name the identifier values a match must carry, so the store can look
   * candidates up in its identifier index instead of scanning every resource of the type.
   *
   * @param identifierValues the values one of which every match has; null when unknown
   */
  record Narrowed(Predicate<StoredResource> criteria, Set<String> identifierValues)
      implements Predicate<StoredResource> {
    @Override
    public boolean test(StoredResource stored) {
      return criteria.test(stored);
    }
  }

  private static Predicate<StoredResource> narrowed(
      Predicate<StoredResource> criteria, List<TokenParam> identifierTokens) {
    boolean allValued =
        identifierTokens.stream().allMatch(t -> t.getValue() != null && !t.getValue().isEmpty());
    return allValued
        ? new Narrowed(
            criteria,
            identifierTokens.stream().map(TokenParam::getValue).collect(Collectors.toSet()))
        : criteria;
  }

  /** Matches everything when both parameters are absent, as a search with no parameters does. */
  static Predicate<StoredResource> of(TokenOrListParam identifier, TokenOrListParam ids) {
    Predicate<StoredResource> criteria = stored -> true;
    if (identifier != null) {
      criteria = criteria.and(anyIdentifier(identifier.getValuesAsQueryTokens()));
    }
    if (ids != null) {
      List<String> wanted =
          ids.getValuesAsQueryTokens().stream().map(TokenParam::getValue).toList();
      criteria = criteria.and(stored -> wanted.contains(stored.id()));
    }
    return identifier == null ? criteria : narrowed(criteria, identifier.getValuesAsQueryTokens());
  }

  /**
   * Parses a conditional URL such as {@code Practitioner?identifier=s%7Cv}. Repeated parameters are
   * ANDed, comma-separated values ORed. Control parameters like {@code _format} are ignored; any
   * other parameter is refused rather than silently matching too much.
   */
  static Predicate<StoredResource> fromConditionalUrl(String conditionalUrl) {
    // If-None-Exist may carry the bare query ("identifier=s|v") or "Type?identifier=s|v".
    int query = conditionalUrl.indexOf('?');
    Map<String, String[]> params = UrlUtil.parseQueryString(conditionalUrl.substring(query + 1));
    Predicate<StoredResource> criteria = stored -> true;
    List<TokenParam> firstIdentifier = null;
    boolean constrained = false;
    for (Map.Entry<String, String[]> param : params.entrySet()) {
      String name = param.getKey();
      for (String value : param.getValue()) {
        if (name.equals("identifier")) {
          List<TokenParam> tokens = tokens(value);
          criteria = criteria.and(anyIdentifier(tokens));
          firstIdentifier = firstIdentifier == null ? tokens : firstIdentifier;
        } else if (name.equals("_id")) {
          List<String> ids = List.of(value.split(","));
          criteria = criteria.and(stored -> ids.contains(stored.id()));
        } else if (!name.startsWith("_")) {
          throw new InvalidRequestException(
              "Unsupported parameter \"" + name + "\" in conditional URL: " + conditionalUrl);
        } else {
          continue;
        }
        constrained = true;
      }
    }
    if (!constrained) {
      throw new InvalidRequestException(
          "Conditional URL has no search parameters, it would match everything: " + conditionalUrl);
    }
    return firstIdentifier == null ? criteria : narrowed(criteria, firstIdentifier);
  }

  private static List<TokenParam> tokens(String orList) {
    List<TokenParam> tokens = new ArrayList<>();
    for (String token : orList.split(",")) {
      int bar = token.indexOf('|');
      tokens.add(
          bar < 0
              ? new TokenParam(null, token)
              : new TokenParam(token.substring(0, bar), token.substring(bar + 1)));
    }
    return tokens;
  }

  private static Predicate<StoredResource> anyIdentifier(List<TokenParam> tokens) {
    return stored ->
        stored.identifiers().stream()
            .anyMatch(id -> tokens.stream().anyMatch(token -> matches(token, id)));
  }

  /**
   * FHIR token semantics: {@code value} matches any system, {@code |value} only identifiers without
   * a system, {@code system|} any value in that system.
   */
  private static boolean matches(TokenParam token, Identifier identifier) {
    String system = token.getSystem();
    boolean systemMatches =
        system == null
            || (system.isEmpty() ? !identifier.hasSystem() : system.equals(identifier.getSystem()));
    String value = token.getValue();
    boolean valueMatches = value == null || value.isEmpty() || value.equals(identifier.getValue());
    return systemMatches && valueMatches;
  }
}
