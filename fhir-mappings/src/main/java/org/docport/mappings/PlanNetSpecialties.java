package org.docport.mappings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The specialty codes Plan-Net accepts on PractitionerRole.specialty.
 *
 * <p>The binding to {@link PlanNetProfiles#SPECIALTY_VALUE_SET} is required and the value set
 * enumerates its NUCC codes, so a code that merely looks like NUCC taxonomy (or a code from any
 * other system) makes the role invalid. The list is a copy of the value set in the Plan-Net 1.2.0
 * package, kept beside this class so that the check needs no FHIR package at run time.
 */
final class PlanNetSpecialties {

  static final String RESOURCE = "plan-net-specialties.txt";

  private static final Set<String> CODES = load();

  private PlanNetSpecialties() {}

  /** Every code in the value set. */
  static Set<String> codes() {
    return CODES;
  }

  static boolean contains(String system, String code) {
    return PlanNetProfiles.NUCC_PROVIDER_TAXONOMY.equals(Elements.text(system))
        && code != null
        && CODES.contains(code.strip());
  }

  private static Set<String> load() {
    try (InputStream in = PlanNetSpecialties.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
