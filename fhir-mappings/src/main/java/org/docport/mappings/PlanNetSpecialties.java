package org.docport.mappings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.docport.mappings.snapshot.Coding;

/**
 * The specialty codes Plan-Net accepts on PractitionerRole.specialty.
 *
 * <p>The binding to {@link PlanNetProfiles#SPECIALTY_VALUE_SET} is required and the value set
 * enumerates its NUCC codes, so a code that merely looks like NUCC taxonomy (or a code from any
 * other system) makes the role invalid. The list is a copy of the value set in the Plan-Net 1.2.0
 * package, kept beside this class so that the check needs no FHIR package at run time.
 */
public final class PlanNetSpecialties {

  static final String RESOURCE = "plan-net-specialties.txt";

  private static final List<Coding> ALL = load();
  private static final Set<String> CODES =
      ALL.stream().map(Coding::code).collect(Collectors.toUnmodifiableSet());

  private PlanNetSpecialties() {}

  /** Every specialty in the value set, with its display, in the value set's order. */
  public static List<Coding> all() {
    return ALL;
  }

  /** Every code in the value set. */
  static Set<String> codes() {
    return CODES;
  }

  static boolean contains(String system, String code) {
    return PlanNetProfiles.NUCC_PROVIDER_TAXONOMY.equals(Elements.text(system))
        && code != null
        && CODES.contains(code.strip());
  }

  private static List<Coding> load() {
    try (InputStream in = PlanNetSpecialties.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.split("\t", 2))
          .map(
              parts ->
                  new Coding(
                      PlanNetProfiles.NUCC_PROVIDER_TAXONOMY,
                      parts[0].strip(),
                      parts.length > 1 ? parts[1].strip() : null))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
