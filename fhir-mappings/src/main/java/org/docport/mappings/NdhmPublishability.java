package org.docport.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.docport.mappings.Publishability.Problem;
import org.docport.mappings.snapshot.Affiliation;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.Identifier;
import org.docport.mappings.snapshot.Qualification;

/**
 * What keeps a doctor's snapshot from being published under the {@code ndhm} profile (NRCeS guide
 * 6.5.0, {@link NdhmProfiles}), in the same terms as {@link Publishability} does for Plan-Net. The
 * mapping makes nothing up, so it refuses such a snapshot.
 *
 * <p>Besides the guide's rules, one of DocPort's: a medical registration or licence must say which
 * council issued it (a registration number alone is ambiguous across India's state medical
 * councils). The issuer is published as {@code Identifier.assigner.display}, where the guide puts
 * it. Specialty codes are not checked: PractitionerRole is published as base FHIR R4, which binds
 * no specialty value set.
 */
final class NdhmPublishability {

  /** Identifier types that are registrations with a medical council: medical and other licences. */
  private static final Set<String> REGISTRATION_TYPES = Set.of("MD", "LN");

  private NdhmPublishability() {}

  static List<Problem> problems(DoctorSnapshot snapshot) {
    DoctorSnapshot doctor = Objects.requireNonNull(snapshot, "snapshot").normalized();
    if (!doctor.active()) {
      return List.of();
    }
    String who = "doctor " + Publishability.displayName(doctor);
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < doctor.identifiers().size(); i++) {
      identifierProblems(who, doctor.identifiers().get(i), "identifiers[" + i + "]", problems);
    }
    for (int i = 0; i < doctor.qualifications().size(); i++) {
      Qualification qualification = doctor.qualifications().get(i);
      if (qualification.degree() != null
          && Elements.has(qualification.degree().code())
          && !Elements.has(qualification.degree().display())) {
        problems.add(
            new Problem(
                "qualifications[" + i + "].degree.display",
                who
                    + ": give degree "
                    + qualification.degree().code().strip()
                    + " its name — the ABDM guide requires a display on every qualification code"));
      }
    }
    for (int i = 0; i < doctor.affiliations().size(); i++) {
      affiliationProblems(who, doctor.affiliations().get(i), "affiliations[" + i + "]", problems);
    }
    return List.copyOf(problems);
  }

  private static void identifierProblems(
      String who, Identifier identifier, String field, List<Problem> problems) {
    if (!Elements.has(identifier.value())) {
      return; // not published at all
    }
    String number = identifier.value().strip();
    String type = Elements.text(identifier.type());
    boolean hpr = NdhmProfiles.HPR_ID_SYSTEM.equals(Elements.text(identifier.system()));
    if (type == null && !hpr) {
      problems.add(
          new Problem(
              field + ".type",
              who
                  + ": say what kind of number "
                  + number
                  + " is (MD for a medical council registration, NPI, ...) — the ABDM guide"
                  + " requires a type on every identifier of a Practitioner"));
    }
    if (type != null
        && REGISTRATION_TYPES.contains(type.toUpperCase(Locale.ROOT))
        && !hpr
        && !Elements.has(identifier.issuer())) {
      problems.add(
          new Problem(
              field + ".issuer",
              who
                  + ": say which council issued registration "
                  + number
                  + " (e.g. Karnataka Medical Council) — a registration number means nothing"
                  + " to an Indian insurer without its council"));
    }
  }

  private static void affiliationProblems(
      String who, Affiliation affiliation, String field, List<Problem> problems) {
    if (BusinessIdentifiers.organization(affiliation).isEmpty()) {
      return; // nothing to identify it by: not published
    }
    if (!Elements.has(affiliation.name())) {
      problems.add(
          new Problem(
              field + ".name",
              who
                  + ": name the organisation you are affiliated with — the ABDM guide requires a"
                  + " name on every Organization"));
    }
    Identifier own = affiliation.identifier();
    if (own != null && Elements.has(own.value()) && !Elements.has(own.system())) {
      problems.add(
          new Problem(
              field + ".identifier.system",
              who
                  + ": say whose number "
                  + own.value().strip()
                  + " is (e.g. "
                  + NdhmProfiles.HFR_ID_SYSTEM
                  + " for an ABDM facility id) — the ABDM guide requires a system on every"
                  + " identifier of an Organization"));
    }
  }
}
