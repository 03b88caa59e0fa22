package org.docport.connectors.sftp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.docport.connectors.ConnectorSettings;
import org.docport.mappings.snapshot.Address;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.ContactPoint;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.Identifier;
import org.docport.mappings.snapshot.PersonName;
import org.docport.mappings.snapshot.PracticeLocation;

/**
 * The columns of a roster file, and the rows of one doctor: layout {@code docport-roster/v1}, or an
 * insurer's own layout drawn from it. A pure function of the registry snapshot, kept in this one
 * place so the whole layout can later be swapped for the mappings module's roster row.
 *
 * <h2>docport-roster/v1</h2>
 *
 * One row per (doctor, practice location); a doctor with no practice location has one row with the
 * location columns empty. Every row of one doctor in a file carries the same version, and together
 * they replace every row the insurer holds of that doctor. A reader applies files in {@code
 * sequence} order (the manifest) and a doctor's rows only when their version is at least the one it
 * holds: a row sent twice is then harmless.
 *
 * <ol>
 *   <li>{@code doctor_id}: DocPort's id of the doctor (UUID), stable for life
 *   <li>{@code version}: the registry version of the doctor the row shows
 *   <li>{@code status}: {@code ACTIVE}, or {@code WITHDRAWN} when the doctor's consent to the
 *       insurer ended: drop every row of the doctor (all other columns are empty)
 *   <li>{@code location_id}: the practice location's id within the doctor's record
 *   <li>{@code npi}: US National Provider Identifier ({@value #NPI_SYSTEM})
 *   <li>{@code hpr_id}: India's Healthcare Professionals Registry id ({@value #HPR_SYSTEM})
 *   <li>{@code family_name}, {@code given_names} (space separated)
 *   <li>{@code registration_number}, {@code registration_council} (the issuer), {@code
 *       registration_region} (state or country where it is valid): the doctor's medical
 *       registration or licence (identifier type {@code MD} or {@code LN})
 *   <li>{@code specialty_codes}: the specialties' codes (NUCC taxonomy or SNOMED CT), {@code ;}
 *       separated
 *   <li>{@code practice_name}, {@code address_line} (lines joined by {@code ", "}), {@code city},
 *       {@code state}, {@code postal_code}, {@code country} (ISO 3166 alpha-2)
 *   <li>{@code phone}: the location's phone, else the doctor's work phone; {@code email}
 * </ol>
 *
 * An empty field is an absent value. Files are CSV per RFC 4180: UTF-8, a header row, CRLF line
 * ends, fields with a comma, quote or line break quoted.
 */
public final class RosterLayout {

  public static final String V1 = "docport-roster/v1";
  public static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";
  public static final String HPR_SYSTEM = "https://hpr.abdm.gov.in";

  public static final String ACTIVE = "ACTIVE";
  public static final String WITHDRAWN = "WITHDRAWN";

  /** The v1 fields, in the v1 column order. */
  public static final List<String> V1_FIELDS =
      List.of(
          "doctor_id",
          "version",
          "status",
          "location_id",
          "npi",
          "hpr_id",
          "family_name",
          "given_names",
          "registration_number",
          "registration_council",
          "registration_region",
          "specialty_codes",
          "practice_name",
          "address_line",
          "city",
          "state",
          "postal_code",
          "country",
          "phone",
          "email");

  /** The fields without which a reader could not apply a row. */
  static final List<String> REQUIRED = List.of("doctor_id", "version", "status");

  private static final Set<String> REGISTRATION_TYPES = Set.of("MD", "LN");

  private final List<String> headers;
  private final int[] fields;
  private final boolean custom;

  private RosterLayout(List<String> headers, int[] fields, boolean custom) {
    this.headers = List.copyOf(headers);
    this.fields = fields;
    this.custom = custom;
  }

  /** The v1 layout itself. */
  public static RosterLayout v1() {
    return new RosterLayout(
        V1_FIELDS, java.util.stream.IntStream.range(0, V1_FIELDS.size()).toArray(), false);
  }

  /** The insurer's layout, or v1 when it names none; the columns must have been checked. */
  public static RosterLayout of(List<ConnectorSettings.Sftp.RosterColumn> columns) {
    if (columns == null) {
      return v1();
    }
    return new RosterLayout(
        columns.stream().map(ConnectorSettings.Sftp.RosterColumn::header).toList(),
        columns.stream().mapToInt(c -> V1_FIELDS.indexOf(c.field())).toArray(),
        true);
  }

  /** What is wrong with an insurer's columns, as {@code sftp.columns...: problem} lines. */
  static List<String> problems(List<ConnectorSettings.Sftp.RosterColumn> columns) {
    if (columns == null) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    Set<String> headers = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      ConnectorSettings.Sftp.RosterColumn c = columns.get(i);
      String at = "sftp.columns[" + i + "]";
      if (c == null || c.header() == null || c.header().isBlank()) {
        problems.add(at + ".header: required");
      } else if (!headers.add(c.header())) {
        problems.add(at + ".header: '" + c.header() + "' is used twice");
      }
      if (c == null || !V1_FIELDS.contains(c.field())) {
        problems.add(at + ".field: must be one of " + String.join(", ", V1_FIELDS));
      }
    }
    Set<String> named =
        columns.stream()
            .filter(Objects::nonNull)
            .map(ConnectorSettings.Sftp.RosterColumn::field)
            .collect(Collectors.toSet());
    if (!named.containsAll(REQUIRED)) {
      problems.add(
          "sftp.columns: must include the fields "
              + String.join(", ", REQUIRED)
              + ", without which a reader cannot apply a row");
    }
    return problems;
  }

  /** The header row. */
  public List<String> headers() {
    return headers;
  }

  /** Whether this is an insurer's own layout rather than v1 itself. */
  public boolean custom() {
    return custom;
  }

  /** The rows of a doctor the insurer may see, in this layout. */
  public List<List<String>> rows(DoctorSnapshot doctor) {
    return v1Rows(doctor).stream().map(this::project).toList();
  }

  /** The one row telling the insurer to drop the doctor, in this layout. */
  public List<String> withdrawn(UUID doctorId, long version) {
    List<String> row = new ArrayList<>(Collections.nCopies(V1_FIELDS.size(), ""));
    row.set(0, doctorId.toString());
    row.set(1, Long.toString(version));
    row.set(2, WITHDRAWN);
    return project(row);
  }

  private List<String> project(List<String> v1) {
    if (!custom) {
      return v1;
    }
    List<String> out = new ArrayList<>(fields.length);
    for (int field : fields) {
      out.add(v1.get(field));
    }
    return out;
  }

  /** The v1 rows of a doctor: one per practice location, or one without a location. */
  static List<List<String>> v1Rows(DoctorSnapshot snapshot) {
    DoctorSnapshot d = snapshot.normalized();
    List<PracticeLocation> locations = d.locations().isEmpty() ? null : d.locations();
    if (locations == null) {
      return List.of(v1Row(d, null));
    }
    return locations.stream().map(l -> v1Row(d, l)).toList();
  }

  private static List<String> v1Row(DoctorSnapshot d, PracticeLocation location) {
    PersonName name = d.name();
    Identifier registration =
        d.identifiers().stream()
            .filter(i -> i.type() != null && REGISTRATION_TYPES.contains(i.type()))
            .findFirst()
            .orElse(null);
    Address address = location == null ? null : location.address();
    String locationPhone = location == null ? null : location.phone();
    return List.of(
        d.id().toString(),
        Long.toString(d.version()),
        ACTIVE,
        text(location == null ? null : location.id()),
        identifier(d, NPI_SYSTEM),
        identifier(d, HPR_SYSTEM),
        text(name == null ? null : name.family()),
        name == null || name.given() == null ? "" : joined(name.given(), " "),
        text(registration == null ? null : registration.value()),
        text(registration == null ? null : registration.issuer()),
        text(registration == null ? null : registration.region()),
        joined(d.specialties().stream().map(Coding::code).toList(), ";"),
        text(location == null ? null : location.name()),
        address == null || address.lines() == null ? "" : joined(address.lines(), ", "),
        text(address == null ? null : address.city()),
        text(address == null ? null : address.state()),
        text(address == null ? null : address.postalCode()),
        text(address == null ? null : address.country()),
        locationPhone != null && !locationPhone.isBlank()
            ? locationPhone.strip()
            : contact(d, "phone"),
        contact(d, "email"));
  }

  private static String identifier(DoctorSnapshot d, String system) {
    return d.identifiers().stream()
        .filter(i -> system.equals(i.system()))
        .map(Identifier::value)
        .map(RosterLayout::text)
        .filter(v -> !v.isEmpty())
        .findFirst()
        .orElse("");
  }

  /** The doctor's first {@code system} contact, a work one before any other. */
  private static String contact(DoctorSnapshot d, String system) {
    return d.telecom().stream()
        .filter(c -> system.equals(c.system()) && c.value() != null && !c.value().isBlank())
        .min((a, b) -> Boolean.compare(!"work".equals(a.use()), !"work".equals(b.use())))
        .map(ContactPoint::value)
        .map(String::strip)
        .orElse("");
  }

  private static String joined(List<String> values, String separator) {
    return values.stream()
        .map(RosterLayout::text)
        .filter(v -> !v.isEmpty())
        .collect(Collectors.joining(separator));
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }
}
