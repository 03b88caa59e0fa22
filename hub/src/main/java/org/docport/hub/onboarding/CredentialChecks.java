package org.docport.hub.onboarding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.Identifier;
import org.docport.workflows.onboarding.CredentialReport;

/**
 * The credential checks of onboarding, as a pure function: what the doctor must fix, and what a
 * reviewer must verify by hand. Every problem is one sentence that says what to do.
 */
final class CredentialChecks {

  /** Identifier types that license a doctor to practise (HL7 v2 table 0203). */
  static final Set<String> LICENCE_TYPES = Set.of("LN", "MD");

  /** A licence expiring this soon must be renewed before onboarding. */
  static final int EXPIRY_MARGIN_DAYS = 30;

  private static final Pattern DEFAULT_FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/.-]{2,31}");

  private CredentialChecks() {}

  static CredentialReport check(
      DoctorSnapshot doctor,
      Set<DocumentKind> documents,
      LocalDate today,
      Map<String, String> formats,
      Function<Identifier, Optional<LicenceVerdict>> registry) {
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Identifier> licences =
        doctor.normalized().identifiers().stream()
            .filter(i -> i.type() != null && LICENCE_TYPES.contains(i.type()))
            .toList();
    if (licences.isEmpty()) {
      problems.add(
          "identifiers: add your medical licence or registration number (type LN or MD)"
              + " with the authority that issued it");
    }
    for (Identifier licence : licences) {
      checkLicence(licence, today, formats, registry, problems, notes);
    }
    if (!documents.contains(DocumentKind.LICENCE)) {
      problems.add("documents: upload a copy of your licence (PDF, PNG or JPEG)");
    }
    if (!documents.contains(DocumentKind.DEGREE)) {
      problems.add("documents: upload your degree certificate (PDF, PNG or JPEG)");
    }
    return new CredentialReport(problems, notes);
  }

  private static void checkLicence(
      Identifier licence,
      LocalDate today,
      Map<String, String> formats,
      Function<Identifier, Optional<LicenceVerdict>> registry,
      List<String> problems,
      List<String> notes) {
    String number = licence.value();
    String issuer = licence.issuer();
    if (issuer == null || issuer.isBlank()) {
      problems.add("licence " + number + ": name the authority that issued it (issuer)");
      return;
    }
    String format = formats.get(issuer);
    Pattern pattern = format == null ? DEFAULT_FORMAT : Pattern.compile(format);
    if (number == null || !pattern.matcher(number).matches()) {
      problems.add(
          "licence "
              + number
              + ": not a number "
              + issuer
              + " issues"
              + (format == null ? "" : " (expected the form " + format + ")"));
      return;
    }
    if (licence.validFrom() != null && licence.validFrom().isAfter(today)) {
      problems.add("licence " + number + ": not valid before " + licence.validFrom());
    }
    if (licence.validTo() == null) {
      problems.add("licence " + number + ": add the date it expires (validTo)");
    } else if (licence.validTo().isBefore(today)) {
      problems.add("licence " + number + ": expired on " + licence.validTo() + "; renew it");
    } else if (licence.validTo().isBefore(today.plusDays(EXPIRY_MARGIN_DAYS))) {
      problems.add(
          "licence "
              + number
              + ": expires on "
              + licence.validTo()
              + ", within "
              + EXPIRY_MARGIN_DAYS
              + " days; renew it first");
    }
    Optional<LicenceVerdict> verdict = registry.apply(licence);
    if (verdict.isEmpty()) {
      notes.add(
          "licence "
              + number
              + ": no registry is configured for "
              + issuer
              + "; verify it with the licence copy");
    } else if (!verdict.get().valid()) {
      problems.add(
          "licence "
              + number
              + ": the "
              + issuer
              + " registry does not confirm it ("
              + verdict.get().detail()
              + ")");
    }
  }
}
