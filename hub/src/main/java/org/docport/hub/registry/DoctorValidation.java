package org.docport.hub.registry;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.docport.hub.web.Violations;
import org.docport.mappings.Publishability;
import org.docport.mappings.snapshot.Affiliation;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.ContactPoint;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.GeoPoint;
import org.docport.mappings.snapshot.Identifier;
import org.docport.mappings.snapshot.PracticeLocation;
import org.docport.mappings.snapshot.Qualification;
import org.docport.mappings.snapshot.TechnicalEndpoint;

/**
 * The rules a doctor profile must meet before it enters the registry. Codes and formats are checked
 * here so that an insurer never receives data its FHIR server would refuse.
 */
final class DoctorValidation {

  static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";
  static final String NUCC_SYSTEM = "http://nucc.org/provider-taxonomy";
  static final String SNOMED_SYSTEM = "http://snomed.info/sct";

  private static final List<String> GENDERS = List.of("male", "female", "other", "unknown");
  private static final List<String> IDENTIFIER_TYPES = List.of("NPI", "LN", "PRN", "MD");
  private static final List<String> TELECOM_SYSTEMS = List.of("phone", "email", "fax", "url");
  private static final List<String> TELECOM_USES = List.of("work", "mobile", "home", "temp");
  private static final Pattern NUCC_CODE = Pattern.compile("[0-9]{3}[0-9A-Z]{6}X");
  private static final Pattern SNOMED_CODE = Pattern.compile("[1-9][0-9]{5,17}");
  private static final Pattern CODE = Pattern.compile("[^\\s]{1,64}");
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-.]{3,31}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern LOCATION_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");

  private DoctorValidation() {}

  static Violations validate(DoctorSnapshot d) {
    Violations v = new Violations("Invalid doctor profile");
    if (d.name() == null) {
      v.add("name", "required");
    } else {
      v.required("name.family", d.name().family(), 100);
      List<String> given = d.name().given() == null ? List.of() : d.name().given();
      if (v.atMost("name.given", given, 5)) {
        for (int i = 0; i < given.size(); i++) {
          v.required("name.given[" + i + "]", given.get(i), 100);
        }
      }
      v.optional("name.prefix", d.name().prefix(), 40);
      v.optional("name.suffix", d.name().suffix(), 40);
    }
    v.oneOf("gender", d.gender(), GENDERS);
    each(v, "identifiers", d.identifiers(), 20, (p, id) -> identifier(v, p, id));
    duplicates(
        v, "identifiers", d.identifiers().stream().map(i -> i.system() + "|" + i.value()).toList());
    each(v, "qualifications", d.qualifications(), 20, (p, q) -> qualification(v, p, q));
    each(v, "specialties", d.specialties(), 20, (p, c) -> coding(v, p, c, true));
    each(v, "languages", d.languages(), 20, (p, l) -> language(v, p, l));
    each(v, "telecom", d.telecom(), 20, (p, t) -> contact(v, p, t));
    each(v, "locations", d.locations(), 50, (p, l) -> location(v, p, l));
    duplicates(
        v,
        "locations",
        d.locations().stream().map(PracticeLocation::id).filter(id -> id != null).toList());
    each(v, "affiliations", d.affiliations(), 20, (p, a) -> affiliation(v, p, a));
    each(
        v,
        "endpoints",
        d.endpoints(),
        TechnicalEndpoints.MAX,
        (p, e) -> TechnicalEndpoints.check(v, p, e));
    duplicates(
        v,
        "endpoints",
        d.endpoints().stream().map(TechnicalEndpoint::id).filter(id -> id != null).toList());
    if (v.isEmpty()) {
      // Well-formed, so it can be mapped: refuse what insurers could not receive as valid
      // Plan-Net (no contact information nor endpoint, a specialty outside Plan-Net's value set).
      Publishability.problems(d).forEach(p -> v.add(p.field(), p.message()));
    }
    return v;
  }

  private static void identifier(Violations v, String p, Identifier id) {
    if (v.required(p + ".system", id.system(), 255)) {
      v.absoluteUri(p + ".system", id.system());
    }
    if (v.required(p + ".value", id.value(), 64) && NPI_SYSTEM.equals(id.system())) {
      if (!Npi.isValid(id.value())) {
        v.add(p + ".value", "is not a valid NPI (10 digits with a correct check digit)");
      }
    }
    v.oneOf(p + ".type", id.type(), IDENTIFIER_TYPES);
    v.optional(p + ".issuer", id.issuer(), 200);
    v.matches(p + ".region", id.region(), REGION, "an ISO 3166 code such as IN or IN-KA");
    period(v, p, id.validFrom(), id.validTo());
  }

  private static void period(Violations v, String p, LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      v.add(p + ".validTo", "must not be before validFrom (" + from + ")");
    }
  }

  private static void qualification(Violations v, String p, Qualification q) {
    if (q.degree() == null) {
      v.add(p + ".degree", "required");
    } else {
      coding(v, p + ".degree", q.degree(), false);
      v.required(p + ".degree.display", q.degree().display(), 200);
    }
    v.optional(p + ".issuer", q.issuer(), 200);
    int thisYear = LocalDate.now().getYear();
    if (q.year() != null && (q.year() < 1900 || q.year() > thisYear)) {
      v.add(p + ".year", "must be between 1900 and " + thisYear);
    }
  }

  static void coding(Violations v, String p, Coding c, boolean codeRequired) {
    boolean hasSystem =
        codeRequired
            ? v.required(p + ".system", c.system(), 255)
            : v.optional(p + ".system", c.system(), 255);
    v.absoluteUri(p + ".system", c.system());
    if (codeRequired
        ? v.required(p + ".code", c.code(), 64)
        : v.optional(p + ".code", c.code(), 64)) {
      if (hasSystem && NUCC_SYSTEM.equals(c.system())) {
        v.matches(
            p + ".code", c.code(), NUCC_CODE, "a NUCC provider taxonomy code such as 207Q00000X");
      } else if (hasSystem && SNOMED_SYSTEM.equals(c.system())) {
        v.matches(p + ".code", c.code(), SNOMED_CODE, "a SNOMED CT concept id (digits)");
      } else {
        v.matches(p + ".code", c.code(), CODE, "a code without spaces");
      }
    }
    v.optional(p + ".display", c.display(), 200);
  }

  private static void language(Violations v, String p, String tag) {
    if (!v.required(p, tag, 35)) {
      return;
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag).build();
      if (locale.getLanguage().isEmpty()) {
        v.add(p, "must be a BCP 47 language tag such as en, hi or pt-BR");
      }
    } catch (IllformedLocaleException e) {
      v.add(p, "must be a BCP 47 language tag such as en, hi or pt-BR");
    }
  }

  private static void contact(Violations v, String p, ContactPoint t) {
    v.required(p + ".system", t.system(), 10);
    v.oneOf(p + ".system", t.system(), TELECOM_SYSTEMS);
    if (v.required(p + ".value", t.value(), 254)) {
      if ("email".equals(t.system())) {
        v.matches(p + ".value", t.value(), EMAIL, "an email address");
      } else if ("phone".equals(t.system()) || "fax".equals(t.system())) {
        v.matches(p + ".value", t.value(), PHONE, "a phone number such as +91 80 1234 5678");
      }
    }
    v.oneOf(p + ".use", t.use(), TELECOM_USES);
  }

  private static void location(Violations v, String p, PracticeLocation l) {
    v.matches(p + ".id", l.id(), LOCATION_ID, "letters, digits and '-', at most 36");
    v.required(p + ".name", l.name(), 200);
    PostalAddresses.check(v, p + ".address", l.address());
    geo(v, p + ".geo", l.geo());
    v.optional(p + ".phone", l.phone(), 32);
    v.matches(p + ".phone", l.phone(), PHONE, "a phone number such as +91 80 1234 5678");
  }

  private static void geo(Violations v, String p, GeoPoint g) {
    if (g == null) {
      return;
    }
    if (g.latitude() == null || g.latitude() < -90 || g.latitude() > 90) {
      v.add(p + ".latitude", "required, between -90 and 90");
    }
    if (g.longitude() == null || g.longitude() < -180 || g.longitude() > 180) {
      v.add(p + ".longitude", "required, between -180 and 180");
    }
  }

  private static void affiliation(Violations v, String p, Affiliation a) {
    v.required(p + ".name", a.name(), 200);
    if (a.identifier() != null) {
      identifier(v, p + ".identifier", a.identifier());
    }
  }

  private interface Check<T> {
    void apply(String path, T item);
  }

  private static <T> void each(Violations v, String field, List<T> items, int max, Check<T> check) {
    if (!v.atMost(field, items, max)) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == null) {
        v.add(field + "[" + i + "]", "must not be null");
      } else {
        check.apply(field + "[" + i + "]", items.get(i));
      }
    }
  }

  private static void duplicates(Violations v, String field, List<String> keys) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!seen.add(keys.get(i))) {
        v.add(field + "[" + i + "]", "duplicates an earlier entry");
      }
    }
  }
}
