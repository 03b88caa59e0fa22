package org.docport.mappings;

import java.util.List;
import java.util.Optional;
import org.docport.mappings.codes.Translation;
import org.docport.mappings.codes.Translation.Translated;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * The doctor's specialties as FHIR concepts, after the insurer's code map.
 *
 * <p>Each specialty is one CodeableConcept: the registry's coding first, then the insurer's codes
 * for it, whether they replace it ({@code equivalent}) or accompany it ({@code wider}, {@code
 * relatedto}...). FHIR R4 lets the codings of one concept differ in granularity, so an accompanying
 * code belongs there too, and keeping the registry's coding is what Plan-Net's required NUCC
 * binding on PractitionerRole.specialty needs; it also lets the insurer see what the doctor
 * declared.
 */
final class SpecialtyConcepts {

  private SpecialtyConcepts() {}

  /** One concept per specialty with a code or a display, in the doctor's order. */
  static List<CodeableConcept> of(Translation translation) {
    return translation.codes().stream()
        .map(SpecialtyConcepts::concept)
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<CodeableConcept> concept(Translated specialty) {
    return Elements.concept(specialty.original())
        .map(
            concept -> {
              specialty
                  .targets()
                  .forEach(
                      target ->
                          concept
                              .addCoding()
                              .setSystem(target.coding().system())
                              .setCode(target.coding().code())
                              .setDisplay(target.coding().display()));
              return concept;
            });
  }

  /** Copies, so that no two resources share one mutable concept. */
  static List<CodeableConcept> copies(List<CodeableConcept> concepts) {
    return concepts.stream().map(CodeableConcept::copy).toList();
  }
}
