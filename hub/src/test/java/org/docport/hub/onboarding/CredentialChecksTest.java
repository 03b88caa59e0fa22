package org.docport.hub.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.Identifier;
import org.docport.mappings.snapshot.PersonName;
import org.docport.workflows.onboarding.CredentialReport;
import org.junit.jupiter.api.Test;

class CredentialChecksTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private static final Set<DocumentKind> ALL_DOCUMENTS = EnumSet.allOf(DocumentKind.class);
  private static final Function<Identifier, Optional<LicenceVerdict>> NO_REGISTRY =
      i -> Optional.empty();

  @Test
  void aValidLicenceWithBothDocumentsPassesAndAsksTheReviewerToVerifyIt() {
    CredentialReport report = check(licence("KA-1234", TODAY.plusYears(2)), ALL_DOCUMENTS);

    assertThat(report.passed()).isTrue();
    assertThat(report.reviewNotes())
        .containsExactly(
            "licence KA-1234: no registry is configured for Karnataka Medical Council; verify it"
                + " with the licence copy");
  }

  @Test
  void expiredSoonToExpireAndNotYetValidLicencesAreProblems() {
    assertThat(check(licence("KA-1", TODAY.minusDays(1)), ALL_DOCUMENTS).problems())
        .containsExactly("licence KA-1: expired on 2026-11-22; renew it");
    assertThat(check(licence("KA-2", TODAY.plusDays(29)), ALL_DOCUMENTS).problems())
        .containsExactly("licence KA-2: expires on 2026-12-22, within 30 days; renew it first");
    assertThat(check(licence("KA-3", TODAY.plusDays(30)), ALL_DOCUMENTS).passed()).isTrue();
    Identifier future =
        new Identifier(
            "urn:kmc", "KA-4", "LN", "Karnataka Medical Council", "IN-KA", TODAY.plusDays(1), null);
    assertThat(check(future, ALL_DOCUMENTS).problems())
        .containsExactly(
            "licence KA-4: not valid before 2026-11-24",
            "licence KA-4: add the date it expires (validTo)");
  }

  @Test
  void missingLicenceIssuerAndDocumentsSayWhatToAdd() {
    DoctorSnapshot noLicence = doctor(List.of());
    CredentialReport report =
        CredentialChecks.check(noLicence, Set.of(), TODAY, Map.of(), NO_REGISTRY);

    assertThat(report.problems())
        .containsExactly(
            "identifiers: add your medical licence or registration number (type LN or MD) with"
                + " the authority that issued it",
            "documents: upload a copy of your licence (PDF, PNG or JPEG)",
            "documents: upload your degree certificate (PDF, PNG or JPEG)");
    Identifier anonymous = new Identifier("urn:x", "KA-5", "MD", null, null, null, TODAY);
    assertThat(check(anonymous, ALL_DOCUMENTS).problems())
        .containsExactly("licence KA-5: name the authority that issued it (issuer)");
  }

  @Test
  void theAuthoritysFormatAndRegistryDecide() {
    Map<String, String> formats = Map.of("Karnataka Medical Council", "KA-\\d{4}");
    CredentialReport malformed =
        CredentialChecks.check(
            doctor(List.of(licence("KA-12", TODAY.plusYears(1)))),
            ALL_DOCUMENTS,
            TODAY,
            formats,
            NO_REGISTRY);
    assertThat(malformed.problems())
        .containsExactly(
            "licence KA-12: not a number Karnataka Medical Council issues (expected the form"
                + " KA-\\d{4})");

    CredentialReport refused =
        CredentialChecks.check(
            doctor(List.of(licence("KA-1234", TODAY.plusYears(1)))),
            ALL_DOCUMENTS,
            TODAY,
            formats,
            i -> Optional.of(new LicenceVerdict(false, "suspended")));
    assertThat(refused.problems())
        .containsExactly(
            "licence KA-1234: the Karnataka Medical Council registry does not confirm it"
                + " (suspended)");

    CredentialReport confirmed =
        CredentialChecks.check(
            doctor(List.of(licence("KA-1234", TODAY.plusYears(1)))),
            ALL_DOCUMENTS,
            TODAY,
            formats,
            i -> Optional.of(new LicenceVerdict(true, "registered")));
    assertThat(confirmed.passed()).isTrue();
    assertThat(confirmed.reviewNotes()).isEmpty();
  }

  @Test
  void otherIdentifiersAreNotLicences() {
    Identifier npi =
        new Identifier(
            "http://hl7.org/fhir/sid/us-npi", "1234567893", "NPI", null, null, null, null);
    assertThat(check(npi, ALL_DOCUMENTS).problems())
        .hasSize(1)
        .allMatch(p -> p.startsWith("identifiers:"));
  }

  private static CredentialReport check(Identifier licence, Set<DocumentKind> documents) {
    return CredentialChecks.check(
        doctor(List.of(licence)), documents, TODAY, Map.of(), NO_REGISTRY);
  }

  private static Identifier licence(String number, LocalDate validTo) {
    return new Identifier(
        "urn:kmc",
        number,
        "LN",
        "Karnataka Medical Council",
        "IN-KA",
        TODAY.minusYears(5),
        validTo);
  }

  private static DoctorSnapshot doctor(List<Identifier> identifiers) {
    return new DoctorSnapshot(
        null,
        null,
        true,
        new PersonName("Rao", List.of("Asha"), null, null),
        "female",
        identifiers,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
