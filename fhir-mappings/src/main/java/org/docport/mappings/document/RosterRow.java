package org.docport.mappings.document;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.docport.mappings.NdhmProfiles;
import org.docport.mappings.document.DoctorDocument.Address;
import org.docport.mappings.document.DoctorDocument.Contact;
import org.docport.mappings.document.DoctorDocument.Practice;
import org.docport.mappings.document.DoctorDocument.Registration;

/**
 * One row of a roster file in layout {@value #LAYOUT}, made from the doctor's {@code docport-json}
 * message: the same document a webhook or Kafka insurer gets, so the insurer's code maps have been
 * applied to it ({@link org.docport.mappings.MappingProfiles#json}). The SFTP connector writes the
 * header {@link #COLUMNS} and each row's {@link #values} in that order, or the subset and order an
 * insurer chose from them.
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
 *   <li>{@code status}: {@value #ACTIVE}, or {@value #WITHDRAWN} when the doctor's consent to the
 *       insurer ended or the doctor is no longer active in the registry: drop every row of the
 *       doctor (all other columns are empty)
 *   <li>{@code location_id}: the practice location's id within the doctor's record
 *   <li>{@code npi}: US National Provider Identifier ({@value #NPI_SYSTEM})
 *   <li>{@code hpr_id}: India's Healthcare Professionals Registry id ({@value #HPR_SYSTEM})
 *   <li>{@code family_name}, {@code given_names} (space separated)
 *   <li>{@code registration_number}, {@code registration_council} (the issuer), {@code
 *       registration_region} (state or country where it is valid): the doctor's first medical
 *       registration or licence (identifier type {@code MD} or {@code LN}) other than the HPR id
 *   <li>{@code specialty_codes}: the specialties' codes after the insurer's code maps, {@code ;}
 *       separated, each once: a code the map translates as {@code equal} or {@code equivalent}
 *       gives way to the insurer's code, one it translates otherwise ({@code wider}...) is followed
 *       by it, and one it cannot translate stays as registered (NUCC taxonomy, SNOMED CT, NMC) and
 *       is reported to DocPort's operators ({@link DoctorDocument.Specialty})
 *   <li>{@code practice_name}, {@code address_line} (lines joined by {@code ", "}), {@code city},
 *       {@code state}, {@code postal_code}, {@code country} (ISO 3166 alpha-2)
 *   <li>{@code phone}: the location's phone, else the doctor's work phone; {@code email}
 * </ol>
 *
 * An empty field is an absent value. Files are CSV per RFC 4180: UTF-8, a header row, CRLF line
 * ends, fields with a comma, quote or line break quoted.
 *
 * @param values one cell per column of {@link #COLUMNS}, never null ({@code ""} when absent)
 */
public record RosterRow(List<String> values) {

  /** The layout's id, in each roster's manifest. Changing the columns makes a v2. */
  public static final String LAYOUT = "docport-roster/v1";

  public static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";
  public static final String HPR_SYSTEM = NdhmProfiles.HPR_ID_SYSTEM;

  public static final String ACTIVE = "ACTIVE";
  public static final String WITHDRAWN = "WITHDRAWN";

  /** The v1 columns, in order. Insurers' own layouts name these fields. */
  public static final List<String> COLUMNS =
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

  /** The columns without which a reader could not apply a row. */
  public static final List<String> REQUIRED = COLUMNS.subList(0, 3);

  private static final Set<String> REGISTRATION_TYPES = Set.of("MD", "LN");

  public RosterRow {
    if (values.size() != COLUMNS.size()) {
      throw new IllegalArgumentException(
          "a roster row has " + COLUMNS.size() + " cells, not " + values.size());
    }
    values = values.stream().anyMatch(Objects::isNull) ? blanked(values) : List.copyOf(values);
  }

  private static List<String> blanked(List<String> values) {
    return values.stream().map(v -> v == null ? "" : v).toList();
  }

  /** The rows of a doctor as the insurer is to hold them: its document's, or its withdrawal. */
  public static List<RosterRow> of(DoctorMessage message) {
    if (message instanceof DoctorDocument document) {
      return of(document);
    }
    return List.of(of((DoctorWithdrawal) message));
  }

  /** The rows of a published doctor: one per practice location, or one without a location. */
  public static List<RosterRow> of(DoctorDocument doctor) {
    if (doctor.practices().isEmpty()) {
      return List.of(row(doctor, null));
    }
    return doctor.practices().stream().map(p -> row(doctor, p)).toList();
  }

  /** The one row telling the insurer to drop every row of a withdrawn doctor. */
  public static RosterRow of(DoctorWithdrawal withdrawal) {
    String[] cells = new String[COLUMNS.size()];
    Arrays.fill(cells, "");
    cells[0] = withdrawal.doctorId().toString();
    cells[1] = Objects.toString(withdrawal.version(), "");
    cells[2] = WITHDRAWN;
    return new RosterRow(List.of(cells));
  }

  /** The row of a doctor the insurer must drop, at the version of the rows it holds. */
  public static RosterRow withdrawn(UUID doctorId, long version) {
    return of(DoctorWithdrawal.of(doctorId, version));
  }

  /** The value of a column, by name ({@code ""} when empty). */
  public String get(String column) {
    int index = COLUMNS.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no roster column " + column);
    }
    return values.get(index);
  }

  private static RosterRow row(DoctorDocument d, Practice location) {
    DoctorDocument.Name name = d.name();
    Registration registration =
        d.registrations().stream().filter(RosterRow::isRegistration).findFirst().orElse(null);
    Address address = location == null ? null : location.address();
    String locationPhone = location == null ? null : location.phone();
    return new RosterRow(
        List.of(
            d.doctorId().toString(),
            Objects.toString(d.version(), ""),
            ACTIVE,
            text(location == null ? null : location.id()),
            registration(d, NPI_SYSTEM),
            registration(d, HPR_SYSTEM),
            text(name == null ? null : name.family()),
            name == null ? "" : joined(name.given(), " "),
            text(registration == null ? null : registration.value()),
            text(registration == null ? null : registration.issuer()),
            text(registration == null ? null : registration.region()),
            joined(
                d.specialties().stream().map(DoctorDocument.Specialty::code).distinct().toList(),
                ";"),
            text(location == null ? null : location.name()),
            address == null ? "" : joined(address.lines(), ", "),
            text(address == null ? null : address.city()),
            text(address == null ? null : address.state()),
            text(address == null ? null : address.postalCode()),
            text(address == null ? null : address.country()),
            locationPhone != null && !locationPhone.isBlank()
                ? locationPhone.strip()
                : contact(d, "phone"),
            contact(d, "email")));
  }

  /** A medical council registration or licence: the HPR id has a column of its own. */
  private static boolean isRegistration(Registration r) {
    return r != null
        && r.type() != null
        && REGISTRATION_TYPES.contains(r.type())
        && !HPR_SYSTEM.equals(r.system());
  }

  private static String registration(DoctorDocument d, String system) {
    return d.registrations().stream()
        .filter(r -> r != null && system.equals(r.system()))
        .map(r -> text(r.value()))
        .filter(v -> !v.isEmpty())
        .findFirst()
        .orElse("");
  }

  /** The doctor's first {@code system} contact, a work one before any other. */
  private static String contact(DoctorDocument d, String system) {
    return d.telecom().stream()
        .filter(c -> system.equals(c.system()) && c.value() != null && !c.value().isBlank())
        .min((a, b) -> Boolean.compare(!"work".equals(a.use()), !"work".equals(b.use())))
        .map(Contact::value)
        .map(String::strip)
        .orElse("");
  }

  private static String joined(List<String> values, String separator) {
    if (values == null) {
      return "";
    }
    return values.stream()
        .map(RosterRow::text)
        .filter(v -> !v.isEmpty())
        .collect(Collectors.joining(separator));
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }
}
