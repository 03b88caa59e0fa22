package org.docport.mappings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.docport.mappings.codes.CodeMap;
import org.docport.mappings.codes.Translation;
import org.docport.mappings.snapshot.Coding;
import org.hl7.fhir.r4.model.ConceptMap;

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

  /**
   * @throws IllegalArgumentException when a code map target is not a code of the value set:
   *     Plan-Net binds specialty (required) to it, and HAPI's validator refuses a concept with any
   *     coding outside it, even beside a listed one ({@code MappingProfilesTest} shows it)
   */
  static void requireTargetsListed(Translation translation) {
    translation.codes().stream()
        .flatMap(t -> t.targets().stream())
        .map(Translation.Target::coding)
        .filter(c -> !contains(c.system(), c.code()))
        .findFirst()
        .ifPresent(
            c -> {
              throw new IllegalArgumentException(
                  "the insurer's code map gives specialty "
                      + c.system()
                      + "#"
                      + c.code()
                      + ", which Plan-Net does not list in IndividualAndGroupSpecialtiesVS");
            });
  }

  /**
   * Problems of a ConceptMap used as a Plan-Net insurer's code map: every target must be a NUCC
   * code of the value set, since Plan-Net can publish no other specialty.
   */
  static List<CodeMap.Problem> codeMapProblems(ConceptMap conceptMap) {
    List<CodeMap.Problem> problems = new ArrayList<>();
    for (int g = 0; g < conceptMap.getGroup().size(); g++) {
      var group = conceptMap.getGroup().get(g);
      for (int e = 0; e < group.getElement().size(); e++) {
        var element = group.getElement().get(e);
        for (int t = 0; t < element.getTarget().size(); t++) {
          var target = element.getTarget().get(t);
          boolean mapping =
              target.hasCode()
                  && target.getEquivalence() != null
                  && !"unmatched".equals(target.getEquivalence().toCode())
                  && !"disjoint".equals(target.getEquivalence().toCode());
          if (mapping && !contains(group.getTarget(), target.getCode())) {
            problems.add(
                new CodeMap.Problem(
                    "group[" + g + "].element[" + e + "].target[" + t + "].code",
                    "Plan-Net publishes only NUCC provider taxonomy codes ("
                        + PlanNetProfiles.NUCC_PROVIDER_TAXONOMY
                        + ") listed in IndividualAndGroupSpecialtiesVS as specialties; "
                        + group.getTarget()
                        + "#"
                        + target.getCode()
                        + " is not one"));
          }
        }
      }
    }
    return problems;
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
