package org.docport.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.PersonName;
import org.docport.mappings.snapshot.PracticeLocation;
import org.docport.mappings.snapshot.TechnicalEndpoint;

/**
 * What keeps a doctor's snapshot from being published as Plan-Net 1.2.0 resources that validate.
 *
 * <p>The mappings never make data up, so a snapshot missing something a Plan-Net profile requires
 * cannot be published: {@link PlanNetMapper#map} refuses it. This check says so up front, in words
 * a doctor can act on, so that the registry can refuse such a profile (a 400) instead of accepting
 * data no insurer can receive. It is insurer-independent: every practice location becomes a
 * PractitionerRole at every insurer with a network.
 *
 * <p>An inactive doctor is withdrawn from insurers rather than published (Plan-Net fixes {@code
 * active} to true), so nothing is required of one.
 */
public final class Publishability {

  /**
   * One reason a snapshot cannot be published.
   *
   * @param field the snapshot field to change, in the doctor API's notation ({@code
   *     locations[0].phone})
   * @param message what to do and which Plan-Net rule asks for it, naming the doctor
   */
  public record Problem(String field, String message) {}

  private Publishability() {}

  /**
   * The normalized snapshot to publish under a profile, or empty for an inactive doctor (withdrawn,
   * not published).
   *
   * @param profile the profile's name, for the message
   * @param check the profile's problems ({@link #problems}, {@link NdhmPublishability#problems})
   * @throws IllegalArgumentException listing the problems, when there are any
   */
  static Optional<DoctorSnapshot> toPublish(
      DoctorSnapshot snapshot, String profile, Function<DoctorSnapshot, List<Problem>> check) {
    DoctorSnapshot doctor = Objects.requireNonNull(snapshot, "snapshot").normalized();
    if (!doctor.active()) {
      return Optional.empty();
    }
    List<Problem> problems = check.apply(doctor);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "not publishable under "
              + profile
              + ": "
              + problems.stream().map(Problem::message).toList());
    }
    return Optional.of(doctor);
  }

  /** The problems that make {@code snapshot} unpublishable; empty when it can be published. */
  public static List<Problem> problems(DoctorSnapshot snapshot) {
    DoctorSnapshot doctor = Objects.requireNonNull(snapshot, "snapshot").normalized();
    if (!doctor.active()) {
      return List.of();
    }
    String who = "doctor " + displayName(doctor);
    List<Problem> problems = new ArrayList<>();
    if (doctor.name() == null || !Elements.has(doctor.name().family())) {
      problems.add(
          new Problem(
              "name.family",
              who + ": add a family name — Plan-Net requires one on every Practitioner"));
    }
    for (int i = 0; i < doctor.specialties().size(); i++) {
      Coding specialty = doctor.specialties().get(i);
      if (!PlanNetSpecialties.contains(specialty.system(), specialty.code())) {
        problems.add(
            new Problem(
                "specialties[" + i + "]",
                who
                    + ": replace specialty "
                    + describe(specialty)
                    + " with a NUCC provider taxonomy code ("
                    + PlanNetProfiles.NUCC_PROVIDER_TAXONOMY
                    + ") that Plan-Net lists in IndividualAndGroupSpecialtiesVS — Plan-Net"
                    + " accepts no other specialty on a PractitionerRole"));
      }
    }
    for (int i = 0; i < doctor.endpoints().size(); i++) {
      endpointProblems(who, doctor.endpoints().get(i), "endpoints[" + i + "]", problems);
    }
    for (int i = 0; i < doctor.locations().size(); i++) {
      locationProblems(who, doctor, i, problems);
    }
    return List.copyOf(problems);
  }

  private static void endpointProblems(
      String who, TechnicalEndpoint endpoint, String field, List<Problem> problems) {
    if (!PlanNetConnectionTypes.contains(Elements.text(endpoint.connectionType()))) {
      problems.add(
          new Problem(
              field + ".connectionType",
              who
                  + ": give technical endpoint "
                  + Objects.toString(Elements.text(endpoint.name()), field)
                  + " a connection type from Plan-Net's EndpointConnectionTypeVS "
                  + PlanNetConnectionTypes.codes()
                  + " — Plan-Net requires one on every Endpoint"));
    }
    if (!Elements.has(endpoint.address())) {
      problems.add(
          new Problem(
              field + ".address",
              who
                  + ": give technical endpoint "
                  + Objects.toString(Elements.text(endpoint.name()), field)
                  + " an address — FHIR requires one on every Endpoint"));
    }
  }

  private static void locationProblems(
      String who, DoctorSnapshot doctor, int index, List<Problem> problems) {
    PracticeLocation place = doctor.locations().get(index);
    String field = "locations[" + index + "]";
    if (!Elements.has(place.name())) {
      problems.add(
          new Problem(
              field + ".name",
              who
                  + ": name practice location "
                  + Objects.toString(Elements.text(place.id()), "#" + (index + 1))
                  + " — Plan-Net requires a name on every Location"));
    }
    if (PractitionerRoleMapping.telecom(doctor, place).isEmpty() && doctor.endpoints().isEmpty()) {
      problems.add(
          new Problem(
              field + ".phone",
              who
                  + ": add a telephone or e-mail to the doctor, a telephone to practice location "
                  + locationName(place, index)
                  + " or a technical endpoint to the doctor — Plan-Net requires contact"
                  + " information or an Endpoint on every PractitionerRole"));
    }
  }

  private static String locationName(PracticeLocation place, int index) {
    String name = Elements.text(place.name());
    if (name != null) {
      return "'" + name + "'";
    }
    return Objects.toString(Elements.text(place.id()), "#" + (index + 1));
  }

  static String displayName(DoctorSnapshot doctor) {
    PersonName name = doctor.name();
    String full =
        name == null
            ? ""
            : Stream.concat(Elements.present(name.given()).stream(), Stream.of(name.family()))
                .map(Elements::text)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
    return full.isEmpty() ? String.valueOf(doctor.id()) : full;
  }

  private static String describe(Coding specialty) {
    String display = Elements.text(specialty.display());
    String code =
        Stream.of(specialty.system(), specialty.code())
            .map(Elements::text)
            .filter(Objects::nonNull)
            .collect(Collectors.joining(" "));
    if (display == null) {
      return code.isEmpty() ? "(empty)" : code;
    }
    return "'" + display + "'" + (code.isEmpty() ? "" : " (" + code + ")");
  }
}
