package org.docport.mappings.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.docport.mappings.codes.CodeMap.Problem;
import org.docport.mappings.snapshot.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ConceptMap.ConceptMapGroupComponent;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.junit.jupiter.api.Test;

class CodeMapTest {

  private static final String NUCC = "http://nucc.org/provider-taxonomy";
  private static final String INSURER = "https://insurer.example.in/fhir/CodeSystem/specialty";
  private static final String OTHER = "https://example.org/fhir/CodeSystem/other";

  private static final Coding CARDIOLOGY =
      new Coding(NUCC, "207RC0000X", "Cardiovascular Disease Physician");
  private static final Coding INTERNAL = new Coding(NUCC, "207R00000X", "Internal Medicine");
  private static final Coding GENERAL = new Coding(NUCC, "208D00000X", "General Practice");

  @Test
  void anEquivalentTargetReplacesTheDoctorsCode() {
    var map = CodeMap.of(nuccMap(ConceptMapEquivalence.EQUIVALENT));

    Translation translation = map.translate(List.of(CARDIOLOGY), "specialties");

    assertThat(translation.unmapped()).isEmpty();
    assertThat(translation.codes())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.original()).isEqualTo(CARDIOLOGY);
              assertThat(t.replaced()).isTrue();
              assertThat(t.targets())
                  .containsExactly(
                      new Translation.Target(
                          new Coding(INSURER, "CARD", "Cardiology"), "equivalent"));
            });
  }

  @Test
  void aWiderOrRelatedTargetAccompaniesTheDoctorsCode() {
    for (var equivalence : List.of(ConceptMapEquivalence.WIDER, ConceptMapEquivalence.RELATEDTO)) {
      var translated =
          CodeMap.of(nuccMap(equivalence)).translate(List.of(CARDIOLOGY), "specialties");

      assertThat(translated.codes().get(0).replaced()).as(equivalence.toCode()).isFalse();
      assertThat(translated.codes().get(0).targets())
          .extracting(Translation.Target::equivalence)
          .containsExactly(equivalence.toCode());
    }
  }

  @Test
  void aCodeOfACoveredSystemWithoutAMappingIsReportedAndKept() {
    var map = CodeMap.of(nuccMap(ConceptMapEquivalence.EQUIVALENT));

    Translation translation = map.translate(List.of(CARDIOLOGY, GENERAL), "specialties");

    assertThat(translation.unmapped())
        .containsExactly(
            new UnmappedCode(NUCC, "208D00000X", "General Practice", "specialties[1]"));
    assertThat(translation.codes().get(1).original()).isEqualTo(GENERAL);
    assertThat(translation.codes().get(1).targets()).isEmpty();
  }

  @Test
  void unmatchedAndDisjointTargetsAreNoMapping() {
    for (var equivalence :
        List.of(ConceptMapEquivalence.UNMATCHED, ConceptMapEquivalence.DISJOINT)) {
      var conceptMap = nuccMap(ConceptMapEquivalence.EQUIVALENT);
      conceptMap
          .getGroupFirstRep()
          .addElement()
          .setCode(INTERNAL.code())
          .addTarget()
          .setCode("IM")
          .setEquivalence(equivalence);

      var translation = CodeMap.of(conceptMap).translate(List.of(INTERNAL), "specialties");

      assertThat(translation.codes().get(0).targets()).as(equivalence.toCode()).isEmpty();
      assertThat(translation.unmapped())
          .extracting(UnmappedCode::code)
          .containsExactly("207R00000X");
    }
  }

  @Test
  void aCodeOfASystemTheMapDoesNotCoverIsLeftAloneAndNotReported() {
    var map = CodeMap.of(nuccMap(ConceptMapEquivalence.EQUIVALENT));
    var other = new Coding(OTHER, "X1", "Something else");

    Translation translation = map.translate(List.of(other), "specialties");

    assertThat(map.covers(OTHER)).isFalse();
    assertThat(translation.unmapped()).isEmpty();
    assertThat(translation.codes().get(0).targets()).isEmpty();
  }

  @Test
  void noCodeMapTranslatesNothingAndReportsNothing() {
    Translation translation = CodeMap.NONE.translate(List.of(CARDIOLOGY, GENERAL), "specialties");

    assertThat(translation.unmapped()).isEmpty();
    assertThat(translation.codes()).allMatch(t -> t.targets().isEmpty());
  }

  @Test
  void severalMapsApplyTogether() {
    var other = new ConceptMap();
    var group = other.addGroup().setSource(OTHER).setTarget(INSURER);
    group
        .addElement()
        .setCode("X1")
        .addTarget()
        .setCode("XX")
        .setEquivalence(ConceptMapEquivalence.EQUAL);

    var map = CodeMap.of(List.of(nuccMap(ConceptMapEquivalence.EQUIVALENT), other));

    assertThat(map.covers(NUCC)).isTrue();
    assertThat(map.covers(OTHER)).isTrue();
    assertThat(map.translate(List.of(new Coding(OTHER, "X1", null)), "specialties").codes())
        .singleElement()
        .satisfies(t -> assertThat(t.replaced()).isTrue());
  }

  @Test
  void aUsableConceptMapHasNoProblems() {
    assertThat(CodeMap.problems(nuccMap(ConceptMapEquivalence.EQUIVALENT))).isEmpty();
  }

  @Test
  void anEmptyConceptMapIsAProblem() {
    assertThat(CodeMap.problems(new ConceptMap()))
        .extracting(Problem::field)
        .containsExactly("group");
  }

  @Test
  void missingSystemsCodesAndEquivalencesAreProblemsWithClearMessages() {
    var conceptMap = new ConceptMap();
    ConceptMapGroupComponent group = conceptMap.addGroup();
    var element = group.addElement();
    element.addTarget().setCode("CARD");
    element.addTarget().setEquivalence(ConceptMapEquivalence.EQUIVALENT);
    group.addElement().setCode("207R00000X");
    conceptMap.addGroup().setSource(NUCC).setTarget(INSURER);

    List<Problem> problems = CodeMap.problems(conceptMap);

    assertThat(problems)
        .extracting(Problem::field)
        .containsExactly(
            "group[0].source",
            "group[0].target",
            "group[0].element[0].code",
            "group[0].element[0].target[0].equivalence",
            "group[0].element[0].target[1].code",
            "group[0].element[1].target",
            "group[1].element");
    assertThat(problems.get(0).message()).contains("code system the registry's codes come from");
    assertThat(problems.get(1).message()).contains("insurer's code system");
    assertThat(problems.get(4).message()).contains("or set equivalence unmatched");
  }

  @Test
  void anUnmappedModeIsAProblem() {
    var conceptMap = nuccMap(ConceptMapEquivalence.EQUIVALENT);
    conceptMap.getGroupFirstRep().getUnmapped().setCode("OTHER");

    assertThat(CodeMap.problems(conceptMap))
        .extracting(Problem::field)
        .containsExactly("group[0].unmapped");
  }

  @Test
  void buildingFromAnUnusableConceptMapFailsListingItsProblems() {
    var conceptMap = new ConceptMap().setUrl("https://insurer.example.in/ConceptMap/broken");
    conceptMap.addGroup().setSource(NUCC);

    assertThatThrownBy(() -> CodeMap.of(conceptMap))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://insurer.example.in/ConceptMap/broken")
        .hasMessageContaining("group[0].target");
  }

  private static ConceptMap nuccMap(ConceptMapEquivalence equivalence) {
    var conceptMap = new ConceptMap();
    var group = conceptMap.addGroup().setSource(NUCC).setTarget(INSURER);
    group
        .addElement()
        .setCode(CARDIOLOGY.code())
        .addTarget()
        .setCode("CARD")
        .setDisplay("Cardiology")
        .setEquivalence(equivalence);
    return conceptMap;
  }
}
