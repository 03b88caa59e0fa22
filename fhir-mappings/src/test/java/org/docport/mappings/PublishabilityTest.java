package org.docport.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.docport.mappings.Publishability.Problem;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.ContactPoint;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.PersonName;
import org.docport.mappings.snapshot.PracticeLocation;
import org.docport.mappings.snapshot.TechnicalEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class PublishabilityTest {

  private final DoctorSnapshot newUser = Fixtures.input("new-user-doctor").doctor();

  @ParameterizedTest
  @FieldSource("org.docport.mappings.Fixtures#NAMES")
  void everyFixtureIsPublishable(String fixture) {
    assertThat(Publishability.problems(Fixtures.input(fixture).doctor())).isEmpty();
  }

  @Test
  void aNewUserWithoutTelephoneOrEmailIsToldWhatToAdd() {
    var unreachable = snapshot(newUser, List.of(), newUser.specialties(), newUser.locations());

    assertThat(Publishability.problems(unreachable))
        .containsExactly(
            new Problem(
                "locations[0].phone",
                "doctor Meera Rao: add a telephone or e-mail to the doctor, a telephone to"
                    + " practice location 'Rao Clinic' or a technical endpoint to the doctor —"
                    + " Plan-Net requires contact information or an Endpoint on every"
                    + " PractitionerRole"));
  }

  @Test
  void aTechnicalEndpointIsEnoughToReachADoctorWithoutTelephoneOrEmail() {
    var unreachable = snapshot(newUser, List.of(), newUser.specialties(), newUser.locations());
    var direct =
        new TechnicalEndpoint(
            "ep-1", "direct-project", "meera.rao@direct.example.org", null, null, null);

    assertThat(Publishability.problems(unreachable.withEndpoints(List.of(direct)))).isEmpty();
  }

  @Test
  void anEndpointNeedsAKnownConnectionTypeAndAnAddress() {
    var endpoints =
        List.of(
            new TechnicalEndpoint(
                "ep-1", "carrier-pigeon", "https://a.example.org", null, null, null),
            new TechnicalEndpoint("ep-2", "hl7-fhir-rest", " ", "Clinic FHIR", null, null));
    var doctor = newUser.withEndpoints(endpoints);

    assertThat(Publishability.problems(doctor))
        .extracting(Problem::field)
        .containsExactly("endpoints[0].connectionType", "endpoints[1].address");
  }

  @Test
  void onlyTheLocationsWithoutATelephoneAreNamedWhenTheDoctorHasNone() {
    var clinic = newUser.locations().get(0);
    var withPhone =
        new PracticeLocation("loc-2", "Rao Nursing Home", null, null, "+91 821 555 0101");
    var doctor = snapshot(newUser, List.of(), newUser.specialties(), List.of(withPhone, clinic));

    assertThat(Publishability.problems(doctor))
        .extracting(Problem::field)
        .containsExactly("locations[1].phone");
  }

  @Test
  void aContactPointWithAnUnknownSystemIsNoContactInformation() {
    var pigeon = List.of(new ContactPoint("pigeon", "loft 4", null));
    var doctor = snapshot(newUser, pigeon, newUser.specialties(), newUser.locations());

    assertThat(Publishability.problems(doctor))
        .extracting(Problem::field)
        .contains("locations[0].phone");
  }

  @Test
  void aDoctorWithoutPracticeLocationsNeedsNoContactInformation() {
    var doctor = snapshot(newUser, List.of(), newUser.specialties(), List.of());

    assertThat(Publishability.problems(doctor)).isEmpty();
  }

  @Test
  void specialtiesMustComeFromPlanNetsValueSet() {
    var specialties =
        List.of(
            new Coding(PlanNetProfiles.NUCC_PROVIDER_TAXONOMY, "207Q00000X", "Family Medicine"),
            new Coding(PlanNetProfiles.NUCC_PROVIDER_TAXONOMY, "123456789X", null),
            new Coding("http://snomed.info/sct", "394579002", "Cardiology"));
    var doctor = snapshot(newUser, newUser.telecom(), specialties, newUser.locations());

    assertThat(Publishability.problems(doctor))
        .extracting(Problem::field, Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "specialties[1]",
                "doctor Meera Rao: replace specialty http://nucc.org/provider-taxonomy 123456789X"
                    + " with a NUCC provider taxonomy code (http://nucc.org/provider-taxonomy) that"
                    + " Plan-Net lists in IndividualAndGroupSpecialtiesVS — Plan-Net accepts no"
                    + " other specialty on a PractitionerRole"),
            org.assertj.core.groups.Tuple.tuple(
                "specialties[2]",
                "doctor Meera Rao: replace specialty 'Cardiology' (http://snomed.info/sct"
                    + " 394579002) with a NUCC provider taxonomy code"
                    + " (http://nucc.org/provider-taxonomy) that Plan-Net lists in"
                    + " IndividualAndGroupSpecialtiesVS — Plan-Net accepts no other specialty on a"
                    + " PractitionerRole"));
  }

  @Test
  void aFamilyNameAndLocationNamesAreRequired() {
    var nameless = new PracticeLocation("loc-1", " ", null, null, "+91 821 555 0101");
    var doctor =
        new DoctorSnapshot(
            newUser.id(),
            1L,
            true,
            new PersonName(null, List.of("Meera"), null, null),
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(nameless),
            null,
            null);

    assertThat(Publishability.problems(doctor))
        .extracting(Problem::field, Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "name.family",
                "doctor Meera: add a family name — Plan-Net requires one on every Practitioner"),
            org.assertj.core.groups.Tuple.tuple(
                "locations[0].name",
                "doctor Meera: name practice location loc-1 — Plan-Net requires a name on every"
                    + " Location"));
  }

  @Test
  void nothingIsRequiredOfAnInactiveDoctorBecauseNothingIsPublished() {
    var unreachable = snapshot(newUser, List.of(), List.of(), newUser.locations());
    var inactive =
        new DoctorSnapshot(
            unreachable.id(),
            unreachable.version(),
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            unreachable.locations(),
            null,
            null);

    assertThat(Publishability.problems(inactive)).isEmpty();
  }

  private static DoctorSnapshot snapshot(
      DoctorSnapshot d,
      List<ContactPoint> telecom,
      List<Coding> specialties,
      List<PracticeLocation> locations) {
    return new DoctorSnapshot(
        d.id(),
        d.version(),
        d.active(),
        d.name(),
        d.gender(),
        d.identifiers(),
        d.qualifications(),
        specialties,
        d.languages(),
        telecom,
        locations,
        d.affiliations(),
        d.endpoints());
  }
}
