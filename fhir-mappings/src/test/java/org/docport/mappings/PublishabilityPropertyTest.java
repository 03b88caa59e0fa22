package org.docport.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.docport.mappings.Publishability.Problem;
import org.docport.mappings.snapshot.Address;
import org.docport.mappings.snapshot.Affiliation;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.ContactPoint;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.GeoPoint;
import org.docport.mappings.snapshot.Identifier;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.mappings.snapshot.InsurerContext.Network;
import org.docport.mappings.snapshot.PersonName;
import org.docport.mappings.snapshot.PracticeLocation;
import org.docport.mappings.snapshot.Qualification;
import org.docport.mappings.snapshot.TechnicalEndpoint;
import org.hl7.fhir.r4.model.Resource;

/**
 * Doctors as the registry's REST API accepts them (hub {@code DoctorValidation}): whatever {@link
 * Publishability} lets through maps to resources with no validation error against Plan-Net 1.2.0,
 * and what it refuses is refused for the reasons it gives, no more, no fewer.
 *
 * <p>Few tries: each accepted doctor costs a validator run per resource.
 */
class PublishabilityPropertyTest {

  private static final String NPI = "http://hl7.org/fhir/sid/us-npi";
  private static final String SNOMED = "http://snomed.info/sct";
  private static final List<String> PLAN_NET_SPECIALTIES =
      PlanNetSpecialties.codes().stream().sorted().toList();

  /** Networks and affiliations repeat across tries; each distinct resource is validated once. */
  private static final Map<String, List<SingleValidationMessage>> ERRORS =
      new ConcurrentHashMap<>();

  @Property(tries = 30)
  void whatTheCheckAcceptsValidatesAndWhatItRefusesIsRefusedForItsReasons(
      @ForAll("doctors") DoctorSnapshot doctor, @ForAll("insurers") InsurerContext insurer) {
    List<Problem> problems = Publishability.problems(doctor);

    assertThat(problems)
        .extracting(Problem::field)
        .containsExactlyElementsOf(expectedProblemFields(doctor));
    Statistics.label("outcome")
        .collect(!doctor.active() ? "inactive" : problems.isEmpty() ? "published" : "refused");
    if (!problems.isEmpty()) {
      assertThatThrownBy(() -> PlanNetMapper.map(doctor, insurer))
          .isInstanceOf(IllegalArgumentException.class);
      return;
    }
    for (Resource resource : PlanNetMapper.map(doctor, insurer).resources()) {
      List<SingleValidationMessage> errors = errors(resource);
      assertThat(errors)
          .as("%s:%n%s", References.to(resource), PlanNetValidator.describe(errors))
          .isEmpty();
    }
  }

  /**
   * Worked out from the snapshot alone: a location is unreachable when the doctor has no contact
   * point (every system the API accepts is one FHIR knows) nor technical endpoint (every one the
   * API accepts can be published) and the location no telephone; a specialty is refused unless it
   * is a NUCC code Plan-Net lists.
   */
  private static List<String> expectedProblemFields(DoctorSnapshot doctor) {
    if (!doctor.active()) {
      return List.of();
    }
    List<String> fields = new ArrayList<>();
    IntStream.range(0, doctor.specialties().size())
        .filter(i -> !isPlanNetSpecialty(doctor.specialties().get(i)))
        .forEach(i -> fields.add("specialties[" + i + "]"));
    IntStream.range(0, doctor.locations().size())
        .filter(
            i ->
                doctor.telecom().isEmpty()
                    && doctor.endpoints().isEmpty()
                    && doctor.locations().get(i).phone() == null)
        .forEach(i -> fields.add("locations[" + i + "].phone"));
    return fields;
  }

  private static boolean isPlanNetSpecialty(Coding specialty) {
    return PlanNetProfiles.NUCC_PROVIDER_TAXONOMY.equals(specialty.system())
        && PlanNetSpecialties.codes().contains(specialty.code());
  }

  private static List<SingleValidationMessage> errors(Resource resource) {
    String json = TestFhir.CONTEXT.newJsonParser().encodeResourceToString(resource);
    return ERRORS.computeIfAbsent(json, j -> PlanNetValidator.errors(resource));
  }

  @Provide
  Arbitrary<InsurerContext> insurers() {
    Arbitrary<Identifier> irdai =
        Arbitraries.strings()
            .numeric()
            .ofLength(3)
            .map(
                n ->
                    new Identifier(
                        "https://irdai.gov.in/fhir/sid/insurer",
                        "IRDAI-" + n,
                        null,
                        null,
                        null,
                        null,
                        null))
            .injectNull(0.5);
    Arbitrary<List<Network>> networks =
        Arbitraries.of(
            List.of(new Network("basic", "Acme Basic Network")),
            List.of(new Network("gold", "Gold PPO"), new Network("silver", "Silver HMO")));
    return Combinators.combine(text(40), irdai, networks)
        .as((name, id, nets) -> new InsurerContext("acme-health", name, id, nets));
  }

  @Provide
  Arbitrary<DoctorSnapshot> doctors() {
    Arbitrary<Profile> profile =
        Combinators.combine(
                names(),
                Arbitraries.of("male", "female", "other", "unknown").injectNull(0.3),
                identifiers().list().ofMaxSize(3).uniqueElements(i -> i.system() + "|" + i.value()),
                qualifications().list().ofMaxSize(2),
                specialties().list().ofMaxSize(3),
                languages().list().ofMaxSize(3).uniqueElements())
            .as(Profile::new);
    Arbitrary<List<ContactPoint>> telecom =
        Arbitraries.frequencyOf(
            Tuple.of(3, contactPoints().list().ofMinSize(1).ofMaxSize(3)),
            Tuple.of(2, Arbitraries.just(List.<ContactPoint>of())));
    return Combinators.combine(
            Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong())),
            profile,
            telecom,
            locations().list().ofMaxSize(3).uniqueElements(PracticeLocation::id),
            affiliations().list().ofMaxSize(2),
            Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false)),
            Arbitraries.longs().between(1, 5_000_000_000L),
            endpoints().list().ofMaxSize(2).uniqueElements(TechnicalEndpoint::id))
        .as(
            (id, p, contact, places, orgs, active, version, endpoints) ->
                new DoctorSnapshot(
                    id,
                    version,
                    active,
                    p.name(),
                    p.gender(),
                    p.identifiers(),
                    p.qualifications(),
                    p.specialties(),
                    p.languages(),
                    contact,
                    places,
                    orgs,
                    endpoints));
  }

  /** The first half of a doctor: jqwik combines at most eight arbitraries at once. */
  record Profile(
      PersonName name,
      String gender,
      List<Identifier> identifiers,
      List<Qualification> qualifications,
      List<Coding> specialties,
      List<String> languages) {}

  private static Arbitrary<PersonName> names() {
    return Combinators.combine(
            text(40),
            text(30).list().ofMaxSize(3),
            Arbitraries.of("Dr.", "Dr", "Prof.").injectNull(0.5),
            Arbitraries.of("MD", "MBBS", "Jr.").injectNull(0.7))
        .as(PersonName::new);
  }

  private static Arbitrary<Identifier> identifiers() {
    Arbitrary<Identifier> npi =
        Arbitraries.strings()
            .numeric()
            .ofLength(9)
            .map(
                nine ->
                    new Identifier(
                        NPI, nine + npiCheckDigit(nine), "NPI", "CMS NPPES", "US", null, null));
    Arbitrary<Identifier> licence =
        Combinators.combine(
                Arbitraries.of(
                    "https://www.nmc.org.in/fhir/sid/registration",
                    "urn:oid:2.16.356.1.100",
                    "https://kmc.karnataka.gov.in/registration"),
                Arbitraries.strings()
                    .withChars("ABCDEFGHKMNT0123456789-")
                    .ofMinLength(1)
                    .ofMaxLength(12),
                Arbitraries.of("LN", "MD", "PRN").injectNull(0.3),
                text(60).injectNull(0.4),
                Arbitraries.of("IN", "IN-KA", "IN-TN", "US").injectNull(0.4),
                dates().injectNull(0.5),
                Arbitraries.integers().between(0, 7_000))
            .as(
                (system, value, type, issuer, region, from, days) ->
                    new Identifier(
                        system,
                        value,
                        type,
                        issuer,
                        region,
                        from,
                        from == null || days % 3 == 0 ? null : from.plusDays(days)));
    return Arbitraries.oneOf(npi, licence);
  }

  private static Arbitrary<Qualification> qualifications() {
    Arbitrary<Coding> degree =
        Arbitraries.oneOf(
            Arbitraries.of(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/v2-0360", "MD", "Doctor of Medicine"),
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/v2-0360", "MS", "Master of Surgery"),
                new Coding(null, null, "Fellowship in Interventional Cardiology"),
                new Coding("https://www.nmc.org.in/fhir/CodeSystem/degree", "MBBS", "MBBS")),
            text(60).map(display -> new Coding(null, null, display)));
    return Combinators.combine(
            degree,
            text(60).injectNull(0.3),
            Arbitraries.integers().between(1950, LocalDate.now().getYear()).injectNull(0.3))
        .as(Qualification::new);
  }

  /** Mostly codes Plan-Net lists; also NUCC-shaped codes and SNOMED codes the API accepts. */
  private static Arbitrary<Coding> specialties() {
    Arbitrary<String> display = text(60).injectNull(0.3);
    Arbitrary<Coding> listed =
        Combinators.combine(Arbitraries.of(PLAN_NET_SPECIALTIES), display)
            .as((code, d) -> new Coding(PlanNetProfiles.NUCC_PROVIDER_TAXONOMY, code, d));
    Arbitrary<Coding> nuccShaped =
        Combinators.combine(
                Arbitraries.strings().numeric().ofLength(3),
                Arbitraries.strings().withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ").ofLength(6),
                display)
            .as(
                (head, tail, d) ->
                    new Coding(PlanNetProfiles.NUCC_PROVIDER_TAXONOMY, head + tail + "X", d));
    Arbitrary<Coding> snomed =
        Combinators.combine(Arbitraries.longs().between(100_000, 999_999_999L), display)
            .as((id, d) -> new Coding(SNOMED, Long.toString(id), d));
    return Arbitraries.frequencyOf(
        Tuple.of(18, listed), Tuple.of(1, nuccShaped), Tuple.of(1, snomed));
  }

  /** Well-formed BCP 47 tags, as the API's Locale.Builder check accepts them. */
  private static Arbitrary<String> languages() {
    Arbitrary<String> common =
        Arbitraries.of(
            "en", "hi", "kn", "ta", "te", "ml", "mr", "bn", "gu", "kok", "ur", "pt-BR", "zh-Hant",
            "fr-CA");
    Arbitrary<String> anyWellFormed =
        Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(3),
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(2).injectNull(0.5))
            .as((lang, region) -> region == null ? lang : lang + "-" + region);
    return Arbitraries.frequencyOf(Tuple.of(4, common), Tuple.of(1, anyWellFormed));
  }

  private static Arbitrary<ContactPoint> contactPoints() {
    Arbitrary<String> use = Arbitraries.of("work", "mobile", "home", "temp").injectNull(0.4);
    Arbitrary<ContactPoint> phone =
        Combinators.combine(Arbitraries.of("phone", "fax"), phones(), use).as(ContactPoint::new);
    Arbitrary<ContactPoint> email =
        Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12), use)
            .as((user, u) -> new ContactPoint("email", user + "@example.org", u));
    Arbitrary<ContactPoint> url =
        use.map(u -> new ContactPoint("url", "https://clinic.example.org/book", u));
    return Arbitraries.oneOf(phone, email, url);
  }

  private static Arbitrary<String> phones() {
    return Arbitraries.strings()
        .numeric()
        .ofMinLength(6)
        .ofMaxLength(12)
        .map(digits -> "+91 " + digits.substring(0, 2) + " " + digits.substring(2));
  }

  private static Arbitrary<PracticeLocation> locations() {
    Arbitrary<Address> address =
        Combinators.combine(
                text(60).list().ofMaxSize(2),
                text(40),
                text(40).injectNull(0.6),
                Arbitraries.of("KA", "TN", "MH", "CA", "TX").injectNull(0.4),
                Arbitraries.strings().numeric().ofLength(6).injectNull(0.3),
                Arbitraries.of(Locale.getISOCountries()))
            .as(Address::new);
    Arbitrary<GeoPoint> geo =
        Combinators.combine(
                Arbitraries.doubles().between(-90, 90).ofScale(4),
                Arbitraries.doubles().between(-180, 180).ofScale(4))
            .as(GeoPoint::new)
            .injectNull(0.5);
    return Combinators.combine(
            Arbitraries.strings().withChars("0123456789abcdef").ofLength(8).map(h -> "loc-" + h),
            text(60),
            address,
            geo,
            phones().injectNull(0.5))
        .as(PracticeLocation::new);
  }

  /** Endpoints of every connection type, as the API accepts them, mostly without a telecom. */
  private static Arbitrary<TechnicalEndpoint> endpoints() {
    Arbitrary<String> id =
        Arbitraries.strings().withChars("0123456789abcdef").ofLength(8).map(h -> "ep-" + h);
    Arbitrary<String> type = Arbitraries.of(List.copyOf(PlanNetConnectionTypes.codes()));
    Arbitrary<Coding> payload =
        Arbitraries.of(
                new Coding(
                    PlanNetProfiles.PAYLOAD_TYPE_SYSTEM,
                    PlanNetProfiles.NOT_APPLICABLE_PAYLOAD_CODE,
                    "Not Applicable"),
                new Coding(
                    "http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode",
                    "urn:ihe:pcc:xphr:2007",
                    "Personal Health Records"))
            .injectNull(0.6);
    Arbitrary<List<String>> mimeTypes =
        Arbitraries.of("application/fhir+json", "application/fhir+xml", "text/plain")
            .list()
            .ofMaxSize(2)
            .uniqueElements();
    return Combinators.combine(id, type, text(60).injectNull(0.5), payload, mimeTypes)
        .as(
            (i, t, name, p, mime) ->
                new TechnicalEndpoint(
                    i,
                    t,
                    PlanNetConnectionTypes.MAIL.contains(t)
                        ? "dr." + i + "@direct.example.org"
                        : "https://" + i + ".example.org/fhir",
                    name,
                    p,
                    mime));
  }

  private static Arbitrary<Affiliation> affiliations() {
    return Combinators.combine(text(60), identifiers().injectNull(0.5)).as(Affiliation::new);
  }

  /** Single-line, non-blank text in a few scripts, as the API's required fields accept it. */
  private static Arbitrary<String> text(int maxLength) {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withChars(" .'-,&()éüñ")
        .withCharRange('अ', 'ह')
        .withCharRange('அ', 'ஹ')
        .ofMinLength(1)
        .ofMaxLength(maxLength)
        .filter(s -> !s.isBlank());
  }

  private static Arbitrary<LocalDate> dates() {
    return Arbitraries.integers()
        .between(0, 20_000)
        .map(days -> LocalDate.of(1970, 1, 1).plusDays(days));
  }

  /** The NPI check digit: Luhn over the 80840 card-issuer prefix and the nine digits. */
  private static int npiCheckDigit(String nine) {
    String digits = "80840" + nine;
    int sum = 0;
    boolean doubleIt = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10;
  }
}
