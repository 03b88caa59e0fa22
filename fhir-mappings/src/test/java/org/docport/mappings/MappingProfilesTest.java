package org.docport.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.docport.mappings.codes.CodeMap;
import org.docport.mappings.codes.UnmappedCode;
import org.docport.mappings.document.DoctorDocument;
import org.docport.mappings.document.DoctorWithdrawal;
import org.docport.mappings.document.RosterRow;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

class MappingProfilesTest {

  private static final UnmappedCode GENERAL_PRACTICE =
      new UnmappedCode(
          "http://nucc.org/provider-taxonomy",
          "208D00000X",
          "General Practice Physician",
          "specialties[2]");

  @ParameterizedTest
  @FieldSource("org.docport.mappings.Fixtures#NAMES")
  void planNetWithoutACodeMapIsTodaysPlanNetMapping(String fixture) {
    var input = Fixtures.input(fixture);

    var mapped =
        MappingProfiles.fhir(
            MappingProfile.PLAN_NET, input.doctor(), input.insurer(), CodeMap.NONE);

    assertThat(TestFhir.encode(mapped.resources())).isEqualTo(TestFhir.encode(input.map()));
    assertThat(mapped.unmapped()).isEmpty();
    assertThat(TestFhir.encode(MappingProfiles.insurer(MappingProfile.PLAN_NET, input.insurer())))
        .isEqualTo(TestFhir.encode(PlanNetMapper.insurer(input.insurer())));
  }

  @ParameterizedTest
  @EnumSource(MappingProfile.class)
  void everyProfileReportsTheCodeItsMapCouldNotTranslate(MappingProfile profile) {
    var input =
        ProfileFixtures.input(
            profile == MappingProfile.PLAN_NET ? "code-mapped-doctor" : "india-doctor");

    MappedDoctor mapped = input.map(profile);

    assertThat(mapped.profile()).isEqualTo(profile);
    assertThat(mapped.unmapped()).containsExactly(GENERAL_PRACTICE);
  }

  @ParameterizedTest
  @EnumSource(MappingProfile.class)
  void anInactiveDoctorReportsNothing(MappingProfile profile) {
    var input = ProfileFixtures.input("india-doctor");
    var inactive =
        new org.docport.mappings.snapshot.DoctorSnapshot(
            input.doctor().id(),
            input.doctor().version(),
            false,
            input.doctor().name(),
            null,
            null,
            null,
            input.doctor().specialties(),
            null,
            null,
            null,
            null,
            null);

    var mapped = MappingProfiles.doctor(profile, inactive, input.insurer(), input.codes());

    assertThat(mapped.unmapped()).isEmpty();
    if (mapped instanceof MappedDoctor.Json) {
      assertThat(((MappedDoctor.Json) mapped).message())
          .isEqualTo(DoctorWithdrawal.of(input.doctor().id(), input.doctor().version()));
    } else {
      assertThat(((MappedDoctor.Fhir) mapped).resources().resources()).isEmpty();
    }
  }

  /**
   * Under Plan-Net a code map translates NUCC codes into the NUCC codes the insurer lists doctors
   * by; both go in one concept, which Plan-Net's required bindings accept.
   */
  @Test
  void planNetWithACodeMapStillValidatesAgainstPlanNet() {
    var published =
        ((MappedDoctor.Fhir)
                ProfileFixtures.input("code-mapped-doctor").map(MappingProfile.PLAN_NET))
            .resources();

    PractitionerRole role = published.ofType(PractitionerRole.class).get(0);
    assertThat(role.getSpecialty().get(0).getCoding())
        .extracting(c -> c.getCode())
        .containsExactly("207RC0000X", "207R00000X");
    for (var resource : published.resources()) {
      assertThat(PlanNetValidator.errors(resource))
          .as(
              "%s: %s",
              References.to(resource),
              PlanNetValidator.describe(PlanNetValidator.messages(resource)))
          .isEmpty();
    }
  }

  /**
   * Why a Plan-Net insurer's code map may only give NUCC codes Plan-Net lists: HAPI's validator
   * refuses a concept bound to Plan-Net's specialty value sets with any coding outside them, even
   * beside a listed NUCC code, so the insurer's own codes would get every role refused.
   */
  @Test
  void hapiRefusesACodingOutsidePlanNetsValueSetBesideTheNuccCode() {
    var role = Fixtures.mapped("full-doctor").ofType(PractitionerRole.class).get(0).copy();
    role.getSpecialtyFirstRep()
        .addCoding()
        .setSystem("https://star-shield.example.in/fhir/CodeSystem/specialty")
        .setCode("CARD");

    assertThat(PlanNetValidator.errors(role))
        .anyMatch(m -> m.getMessage().contains("None of the codings provided"));
  }

  @Test
  void aPlanNetInsurersCodeMapToCodesPlanNetCannotPublishIsRefused() {
    var input = ProfileFixtures.input("india-doctor");
    ConceptMap insurersOwnCodes = ProfileFixtures.conceptMap(input.codeMap());

    assertThat(MappingProfiles.codeMapProblems(MappingProfile.PLAN_NET, insurersOwnCodes))
        .extracting(CodeMap.Problem::field)
        .containsExactly(
            "group[0].element[0].target[0].code",
            "group[0].element[1].target[0].code",
            "group[1].element[0].target[0].code");
    assertThat(MappingProfiles.codeMapProblems(MappingProfile.NDHM, insurersOwnCodes)).isEmpty();
    assertThat(
            MappingProfiles.codeMapProblems(
                MappingProfile.PLAN_NET,
                ProfileFixtures.conceptMap("us-insurer-specialties.conceptmap.json")))
        .isEmpty();
    assertThatThrownBy(() -> input.map(MappingProfile.PLAN_NET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("which Plan-Net does not list");
  }

  @Test
  void inTheDocumentAnEquivalentCodeReplacesAndAWiderOneAccompanies() {
    var document =
        (DoctorDocument)
            ((MappedDoctor.Json)
                    ProfileFixtures.input("india-doctor").map(MappingProfile.DOCPORT_JSON))
                .message();

    assertThat(document.specialties())
        .extracting(s -> s.code() + (s.mappedFrom() == null ? "" : "<-" + s.mappedFrom().code()))
        .containsExactly("CARD<-207RC0000X", "207R00000X", "GENMED<-207R00000X", "208D00000X");
  }

  @Test
  void theRosterHasOneRowPerPracticeWithTheInsurersSpecialtyCodes() {
    var document =
        (DoctorDocument)
            ((MappedDoctor.Json)
                    ProfileFixtures.input("india-doctor").map(MappingProfile.DOCPORT_JSON))
                .message();

    List<RosterRow> rows = RosterRow.of(document);

    assertThat(RosterRow.COLUMNS)
        .startsWith("doctor_id", "version", "status", "location_id", "npi", "hpr_id")
        .contains("family_name");
    assertThat(rows).hasSize(2);
    assertThat(rows).allSatisfy(r -> assertThat(r.values()).hasSameSizeAs(RosterRow.COLUMNS));
    assertThat(rows.get(0).get("hpr_id")).isEqualTo("71-4141-2363-2125");
    assertThat(rows.get(0).get("registration_number")).isEqualTo("TNMC-67890");
    assertThat(rows.get(0).get("registration_council")).isEqualTo("Tamil Nadu Medical Council");
    assertThat(rows.get(0).get("specialty_codes")).isEqualTo("CARD;207R00000X;GENMED;208D00000X");
    assertThat(rows.get(1).get("practice_name")).isEqualTo("T. Nagar Polyclinic");
    assertThat(rows.get(1).get("phone")).isEqualTo("+91 44 4000 9012");
    assertThat(rows.get(1).get("status")).isEqualTo(RosterRow.ACTIVE);
  }

  @Test
  void anInactiveDoctorIsOneWithdrawnRowAtItsVersion() {
    var input = ProfileFixtures.input("inactive-doctor");
    var message = MappingProfiles.json(input.doctor(), input.insurer(), input.codes()).message();

    assertThat(RosterRow.of(message))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.values().subList(0, 3))
                  .containsExactly(
                      input.doctor().id().toString(),
                      input.doctor().version().toString(),
                      RosterRow.WITHDRAWN);
              assertThat(r.values().subList(3, r.values().size())).allMatch(String::isEmpty);
            });
  }

  @Test
  void aDoctorWithoutPracticesHasOneRowWithEmptyPracticeColumns() {
    var input = ProfileFixtures.input("india-doctor");
    var document =
        (DoctorDocument)
            MappingProfiles.json(
                    input.doctor().withLocations(List.of()), input.insurer(), input.codes())
                .message();

    List<RosterRow> rows = RosterRow.of(document);

    assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("practice_name")).isEmpty());
  }

  @Test
  void profilesAreNamedAsTheInsurerStoresThem() {
    assertThat(MappingProfile.of("plan-net")).isEqualTo(MappingProfile.PLAN_NET);
    assertThat(MappingProfile.of(" NDHM ")).isEqualTo(MappingProfile.NDHM);
    assertThat(MappingProfile.of("docport-json").isFhir()).isFalse();
    assertThatThrownBy(() -> MappingProfile.of("hl7-v2"))
        .hasMessageContaining("[plan-net, ndhm, docport-json]");
  }

  @Test
  void docportJsonPublishesNoFhir() {
    var input = ProfileFixtures.input("india-doctor");

    assertThatThrownBy(
            () ->
                MappingProfiles.fhir(
                    MappingProfile.DOCPORT_JSON, input.doctor(), input.insurer(), CodeMap.NONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MappingProfiles.insurer(MappingProfile.DOCPORT_JSON, input.insurer()).resources())
        .isEmpty();
  }
}
