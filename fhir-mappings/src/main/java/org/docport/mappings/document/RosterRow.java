package org.docport.mappings.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.docport.mappings.document.DoctorDocument.Contact;
import org.docport.mappings.document.DoctorDocument.Practice;
import org.docport.mappings.document.DoctorDocument.Registration;

/**
 * One row of the CSV roster, layout {@link #LAYOUT}, which the SFTP connector writes: the header is
 * {@link #COLUMNS} in that order, each row its {@link #values} in the same order.
 *
 * <p>A doctor has one row per practice (location), so that each row is a place an insurer's member
 * can visit; a doctor without a practice has one row with the practice columns empty. A withdrawn
 * doctor has one row with only {@code doctor_id}, {@code version} and {@code status} ({@code
 * withdrawn}), for rosters that carry changes rather than the whole list.
 *
 * <p>Cell rules: no value is an empty cell, never {@code null}; a column with several values
 * (several registrations, specialties or given names) joins them with {@link #SEPARATOR}, and
 * {@code registration_number} and {@code registration_council} list the same registrations in the
 * same order. Registrations are the doctor's medical council registrations and licences (types
 * {@code MD} and {@code LN}) other than the HPR id. Specialty codes are after the insurer's code
 * map ({@link DoctorDocument.Specialty}). {@code phone} is the practice's telephone, else the
 * doctor's first; {@code email} the doctor's first. Quoting and escaping are the CSV writer's (RFC
 * 4180).
 *
 * @param values one cell per column of {@link #COLUMNS}
 */
public record RosterRow(List<String> values) {

  /** The layout id, for the roster file's name or first line. */
  public static final String LAYOUT = "docport.roster/v1";

  /** The roster's columns, in order. Changing them makes a v2 layout. */
  public static final List<String> COLUMNS =
      List.of(
          "doctor_id",
          "version",
          "hpr_id",
          "npi",
          "family_name",
          "given_names",
          "registration_number",
          "registration_council",
          "specialty_codes",
          "practice_name",
          "address_line_1",
          "address_line_2",
          "city",
          "state",
          "postal_code",
          "phone",
          "email",
          "status");

  /** Joins several values in one cell. */
  public static final String SEPARATOR = "|";

  /** The withdrawn status. */
  public static final String WITHDRAWN = "withdrawn";

  private static final String HPR_ID_SYSTEM = "https://doctor.ndhm.gov.in";
  private static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";
  private static final Set<String> REGISTRATION_TYPES = Set.of("MD", "LN");

  public RosterRow {
    values = values.stream().map(v -> v == null ? "" : v).toList();
    if (values.size() != COLUMNS.size()) {
      throw new IllegalArgumentException(
          "a roster row has " + COLUMNS.size() + " cells, not " + values.size());
    }
  }

  /** The rows of a published doctor: one per practice, or one without practice. */
  public static List<RosterRow> of(DoctorDocument doctor) {
    if (doctor.practices().isEmpty()) {
      return List.of(row(doctor, null));
    }
    return doctor.practices().stream().map(p -> row(doctor, p)).toList();
  }

  /** The row of a withdrawn doctor. */
  public static RosterRow of(DoctorWithdrawal withdrawal) {
    Map<String, String> cells = new LinkedHashMap<>();
    cells.put("doctor_id", withdrawal.doctorId().toString());
    cells.put("version", Objects.toString(withdrawal.version(), null));
    cells.put("status", WITHDRAWN);
    return fromCells(cells);
  }

  /** The value of a column, by name ({@code ""} when empty). */
  public String get(String column) {
    int index = COLUMNS.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no roster column " + column);
    }
    return values.get(index);
  }

  private static RosterRow row(DoctorDocument doctor, Practice practice) {
    List<Registration> registrations =
        doctor.registrations().stream().filter(RosterRow::isCouncilRegistration).toList();
    Map<String, String> cells = new LinkedHashMap<>();
    cells.put("doctor_id", doctor.doctorId().toString());
    cells.put("version", Objects.toString(doctor.version(), null));
    cells.put("hpr_id", firstValue(doctor, HPR_ID_SYSTEM));
    cells.put("npi", firstValue(doctor, NPI_SYSTEM));
    cells.put("family_name", doctor.name().family());
    cells.put("given_names", join(doctor.name().given().stream()));
    cells.put("registration_number", join(registrations.stream().map(Registration::value)));
    cells.put("registration_council", join(registrations.stream().map(Registration::issuer)));
    cells.put("specialty_codes", join(doctor.specialties().stream().map(s -> s.code())));
    if (practice != null) {
      practiceCells(practice, cells);
    }
    boolean practicePhone = practice != null && practice.phone() != null;
    cells.put("phone", practicePhone ? practice.phone() : contact(doctor, "phone"));
    cells.put("email", contact(doctor, "email"));
    cells.put("status", doctor.status());
    return fromCells(cells);
  }

  private static void practiceCells(Practice practice, Map<String, String> cells) {
    cells.put("practice_name", practice.name());
    var address = practice.address();
    if (address == null) {
      return;
    }
    List<String> lines = address.lines();
    cells.put("address_line_1", lines.isEmpty() ? null : lines.get(0));
    cells.put(
        "address_line_2",
        lines.size() < 2 ? null : String.join(", ", lines.subList(1, lines.size())));
    cells.put("city", address.city());
    cells.put("state", address.state());
    cells.put("postal_code", address.postalCode());
  }

  private static boolean isCouncilRegistration(Registration registration) {
    return registration.type() != null
        && REGISTRATION_TYPES.contains(registration.type().toUpperCase(Locale.ROOT))
        && !HPR_ID_SYSTEM.equals(registration.system())
        && registration.value() != null;
  }

  private static String firstValue(DoctorDocument doctor, String system) {
    return doctor.registrations().stream()
        .filter(r -> system.equals(r.system()) && r.value() != null)
        .map(Registration::value)
        .findFirst()
        .orElse(null);
  }

  private static String contact(DoctorDocument doctor, String system) {
    return doctor.telecom().stream()
        .filter(c -> system.equalsIgnoreCase(Objects.toString(c.system(), "")))
        .map(Contact::value)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  /** Empty values keep their place, so that aligned columns stay aligned. */
  private static String join(Stream<String> values) {
    List<String> all = values.map(v -> v == null ? "" : v).toList();
    return all.stream().allMatch(String::isEmpty) ? null : String.join(SEPARATOR, all);
  }

  private static RosterRow fromCells(Map<String, String> cells) {
    List<String> values = new ArrayList<>();
    COLUMNS.forEach(column -> values.add(cells.get(column)));
    return new RosterRow(values);
  }
}
