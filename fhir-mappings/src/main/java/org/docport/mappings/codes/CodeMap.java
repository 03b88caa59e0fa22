package org.docport.mappings.codes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.docport.mappings.codes.Translation.Target;
import org.docport.mappings.codes.Translation.Translated;
import org.docport.mappings.snapshot.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ConceptMap.ConceptMapGroupComponent;
import org.hl7.fhir.r4.model.ConceptMap.SourceElementComponent;
import org.hl7.fhir.r4.model.ConceptMap.TargetElementComponent;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;

/**
 * An insurer's code map: how the registry's codes (NUCC provider taxonomy, NMC specialties...)
 * translate into the insurer's own codes, built from FHIR R4 {@link ConceptMap}s the operator
 * uploads for the insurer. Immutable and pure.
 *
 * <p>What counts: each group's {@code source} and {@code target} systems, and each element's {@code
 * code} with its targets' {@code code}, {@code display} and {@code equivalence}. A target whose
 * equivalence is {@code unmatched} or {@code disjoint} says the code has no counterpart, so it is
 * not a mapping. A map <em>covers</em> a system when one of its groups has it as source.
 *
 * <p>Applied to a doctor's codings ({@link #translate}):
 *
 * <ul>
 *   <li>a coding of a system the map does not cover is left as it is, and nothing is reported;
 *   <li>a coding the map has targets for gets them ({@link Translation.Translated#targets}). With
 *       an {@code equal} or {@code equivalent} target the insurer's code <em>replaces</em> the
 *       doctor's; with any other ({@code wider}, {@code narrower}, {@code inexact}, {@code
 *       relatedto}...) it <em>accompanies</em> it, since it does not mean the same. How each
 *       profile renders that is said where it does (FHIR keeps the original coding beside the
 *       insurer's in one concept);
 *   <li>a coding of a covered system without a usable target is an {@link UnmappedCode}, reported
 *       to the operator, and published as the registry holds it: never dropped, since a doctor's
 *       specialty missing at the insurer is worse than one in the registry's terms.
 * </ul>
 */
public final class CodeMap {

  /** No translation at all: every coding stays as it is, nothing is reported. */
  public static final CodeMap NONE = new CodeMap(Map.of());

  private static final Set<ConceptMapEquivalence> NOT_A_MAPPING =
      Set.of(ConceptMapEquivalence.UNMATCHED, ConceptMapEquivalence.DISJOINT);

  /** source system -> source code -> targets, in the maps' order. */
  private final Map<String, Map<String, List<Target>>> targets;

  private CodeMap(Map<String, Map<String, List<Target>>> targets) {
    this.targets = targets;
  }

  /**
   * One reason a ConceptMap cannot be used as a code map.
   *
   * @param field where in the ConceptMap, in FHIRPath-like notation ({@code
   *     group[0].element[2].code})
   * @param message what is wrong and what to do, for the operator who uploaded it
   */
  public record Problem(String field, String message) {}

  /**
   * @throws IllegalArgumentException when {@link #problems} finds any, listing them
   */
  public static CodeMap of(ConceptMap conceptMap) {
    return of(List.of(conceptMap));
  }

  /**
   * One code map from several ConceptMaps (e.g. one from NUCC and one from NMC codes), applied
   * together; targets of one source code in several maps are all kept, in order.
   *
   * @throws IllegalArgumentException when {@link #problems} finds any in one of them, listing them
   */
  public static CodeMap of(List<ConceptMap> conceptMaps) {
    Map<String, Map<String, List<Target>>> targets = new LinkedHashMap<>();
    for (ConceptMap map : conceptMaps) {
      List<Problem> problems = problems(map);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "unusable ConceptMap "
                + Objects.toString(map.getUrl(), map.getIdElement().getIdPart())
                + ": "
                + problems.stream().map(p -> p.field() + ": " + p.message()).toList());
      }
      map.getGroup().forEach(group -> add(group, targets));
    }
    targets.replaceAll((system, byCode) -> freeze(byCode));
    return new CodeMap(Collections.unmodifiableMap(targets));
  }

  private static void add(
      ConceptMapGroupComponent group, Map<String, Map<String, List<Target>>> targets) {
    String source = group.getSource().strip();
    String targetSystem = group.getTarget().strip();
    Map<String, List<Target>> byCode = targets.computeIfAbsent(source, s -> new LinkedHashMap<>());
    for (SourceElementComponent element : group.getElement()) {
      List<Target> found =
          byCode.computeIfAbsent(element.getCode().strip(), c -> new ArrayList<>());
      for (TargetElementComponent target : element.getTarget()) {
        if (!NOT_A_MAPPING.contains(target.getEquivalence())) {
          found.add(
              new Target(
                  new Coding(
                      targetSystem, target.getCode().strip(), blankToNull(target.getDisplay())),
                  target.getEquivalence().toCode()));
        }
      }
    }
  }

  private static Map<String, List<Target>> freeze(Map<String, List<Target>> byCode) {
    Map<String, List<Target>> frozen = new LinkedHashMap<>();
    byCode.forEach((code, found) -> frozen.put(code, List.copyOf(found)));
    return Collections.unmodifiableMap(frozen);
  }

  /**
   * What keeps a ConceptMap from being used as a code map, in words for the operator who uploaded
   * it (the API answers 400 with them); empty when it can be used.
   */
  public static List<Problem> problems(ConceptMap conceptMap) {
    if (conceptMap == null) {
      return List.of(new Problem("ConceptMap", "upload a FHIR R4 ConceptMap"));
    }
    List<Problem> problems = new ArrayList<>();
    if (conceptMap.getGroup().isEmpty()) {
      problems.add(
          new Problem(
              "group",
              "the ConceptMap maps nothing: add a group with a source system, a target system and"
                  + " an element per code"));
    }
    for (int g = 0; g < conceptMap.getGroup().size(); g++) {
      groupProblems(conceptMap.getGroup().get(g), "group[" + g + "]", problems);
    }
    return List.copyOf(problems);
  }

  private static void groupProblems(
      ConceptMapGroupComponent group, String field, List<Problem> problems) {
    if (blank(group.getSource())) {
      problems.add(
          new Problem(
              field + ".source",
              "give the code system the registry's codes come from, e.g."
                  + " http://nucc.org/provider-taxonomy"));
    }
    if (blank(group.getTarget())) {
      problems.add(new Problem(field + ".target", "give the insurer's code system"));
    }
    if (group.hasUnmapped()) {
      problems.add(
          new Problem(
              field + ".unmapped",
              "is not supported: map each code with an element; a code without one is reported to"
                  + " the operator and published as the registry holds it"));
    }
    if (group.getElement().isEmpty()) {
      problems.add(new Problem(field + ".element", "add at least one element (a code to map)"));
    }
    for (int e = 0; e < group.getElement().size(); e++) {
      elementProblems(group.getElement().get(e), field + ".element[" + e + "]", problems);
    }
  }

  private static void elementProblems(
      SourceElementComponent element, String field, List<Problem> problems) {
    if (blank(element.getCode())) {
      problems.add(new Problem(field + ".code", "give the registry's code this element maps"));
    }
    if (element.getTarget().isEmpty()) {
      problems.add(
          new Problem(
              field + ".target",
              "add a target (the insurer's code), or one with equivalence unmatched to say there"
                  + " is none"));
    }
    for (int t = 0; t < element.getTarget().size(); t++) {
      TargetElementComponent target = element.getTarget().get(t);
      String at = field + ".target[" + t + "]";
      if (target.getEquivalence() == null) {
        problems.add(
            new Problem(
                at + ".equivalence",
                "give an equivalence (equivalent, equal, wider, subsumes, narrower, specializes,"
                    + " inexact, relatedto, unmatched or disjoint): FHIR R4 requires one"));
      } else if (!NOT_A_MAPPING.contains(target.getEquivalence()) && blank(target.getCode())) {
        problems.add(
            new Problem(
                at + ".code",
                "give the insurer's code, or set equivalence unmatched if it has none"));
      }
    }
  }

  /** True when one of the map's groups has this source system. */
  public boolean covers(String system) {
    return system != null && targets.containsKey(system.strip());
  }

  /**
   * Translates the doctor's codings.
   *
   * @param field the snapshot field the codings come from ({@code specialties}); an unmapped code
   *     is reported {@code where} {@code field[index]}
   */
  public Translation translate(List<Coding> codings, String field) {
    List<Translated> codes = new ArrayList<>();
    List<UnmappedCode> unmapped = new ArrayList<>();
    for (int i = 0; i < codings.size(); i++) {
      Coding coding = codings.get(i);
      List<Target> found = targetsOf(coding);
      codes.add(new Translated(coding, found));
      if (found.isEmpty() && covers(coding.system()) && !blank(coding.code())) {
        unmapped.add(
            new UnmappedCode(
                coding.system().strip(),
                coding.code().strip(),
                blankToNull(coding.display()),
                field + "[" + i + "]"));
      }
    }
    return new Translation(codes, unmapped);
  }

  private List<Target> targetsOf(Coding coding) {
    if (coding == null || blank(coding.system()) || blank(coding.code())) {
      return List.of();
    }
    return targets
        .getOrDefault(coding.system().strip(), Map.of())
        .getOrDefault(coding.code().strip(), List.of());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return blank(value) ? null : value.strip();
  }
}
