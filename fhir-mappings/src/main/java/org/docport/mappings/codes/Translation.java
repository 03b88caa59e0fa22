package org.docport.mappings.codes;

import java.util.List;
import org.docport.mappings.snapshot.Coding;

/**
 * A list of the doctor's codings after an insurer's code map: each coding with what the map gave
 * for it, and the codes it should have mapped and did not.
 *
 * @param codes one entry per coding, in the doctor's order
 * @param unmapped the codes of a system the map covers that it has no mapping for
 */
public record Translation(List<Translated> codes, List<UnmappedCode> unmapped) {

  public Translation {
    codes = List.copyOf(codes);
    unmapped = List.copyOf(unmapped);
  }

  /** The codings untranslated: what a doctor's codes are under no code map. */
  public static Translation identity(List<Coding> codings) {
    return new Translation(
        codings.stream().map(c -> new Translated(c, List.of())).toList(), List.of());
  }

  /**
   * One of the doctor's codings and the insurer's codes the map gave for it.
   *
   * @param original the coding as the registry holds it
   * @param targets the insurer's codes, in the map's order; empty when the map has none for it
   */
  public record Translated(Coding original, List<Target> targets) {

    public Translated {
      targets = List.copyOf(targets);
    }

    /**
     * True when a target means the same as the original ({@code equal} or {@code equivalent}): the
     * insurer's code then stands in for the doctor's. Otherwise (a {@code wider}, {@code narrower},
     * {@code inexact}, {@code relatedto}... target) the insurer's code accompanies the doctor's.
     */
    public boolean replaced() {
      return targets.stream().anyMatch(Target::sameMeaning);
    }
  }

  /**
   * An insurer's code for a doctor's code.
   *
   * @param coding the insurer's code: the map's group target system, the target's code and display
   * @param equivalence the FHIR R4 ConceptMap equivalence code of the target ({@code equivalent},
   *     {@code wider}, ...)
   */
  public record Target(Coding coding, String equivalence) {

    /** {@code equal} or {@code equivalent}: the insurer's code means the same. */
    public boolean sameMeaning() {
      return "equal".equals(equivalence) || "equivalent".equals(equivalence);
    }
  }
}
