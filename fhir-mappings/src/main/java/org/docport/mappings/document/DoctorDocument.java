package org.docport.mappings.document;

import java.util.List;
import java.util.UUID;

/**
 * {@code docport.doctor/v1}: one doctor as published to one insurer, in plain JSON for insurers
 * without FHIR (webhooks, Kafka, SFTP rosters). The same facts as the FHIR profiles, flattened.
 *
 * <p>Version 1 rules, which a consumer may rely on: lists are never null (empty instead); a single
 * value the registry does not hold is null, which a connector may leave out; dates are ISO {@code
 * yyyy-mm-dd} strings; fields may be added within v1, so a consumer ignores fields it does not
 * know; renaming or removing one makes a v2. Specialties are given after the insurer's code map
 * ({@link Specialty}).
 *
 * @param schema always {@link #SCHEMA}
 * @param version the registry version, incremented on every committed change of the doctor
 * @param status always {@code active}: an inactive doctor is a {@link DoctorWithdrawal}
 * @param insurer who the document is for
 * @param gender {@code male}, {@code female}, {@code other} or {@code unknown}, as registered
 * @param registrations the doctor's registrations, licences and other numbers (HPR id, NPI, state
 *     medical council registrations...)
 * @param languages BCP-47 tags
 * @param practices where the doctor sees patients
 * @param networks the insurer's networks the doctor is listed in: all of the insurer's networks
 */
public record DoctorDocument(
    String schema,
    UUID doctorId,
    Long version,
    String status,
    Insurer insurer,
    Name name,
    String gender,
    List<Registration> registrations,
    List<Qualification> qualifications,
    List<Specialty> specialties,
    List<String> languages,
    List<Contact> telecom,
    List<Practice> practices,
    List<Affiliation> affiliations,
    List<Network> networks,
    List<Endpoint> endpoints)
    implements DoctorMessage {

  public static final String SCHEMA = "docport.doctor/v1";

  /** The only status of a published doctor. */
  public static final String ACTIVE = "active";

  /** The insurer the document is published to: DocPort's id and its name. */
  public record Insurer(String id, String name) {}

  /**
   * @param text the name as written: prefix, given names, family name, suffix
   */
  public record Name(
      String family, List<String> given, String prefix, String suffix, String text) {}

  /**
   * A registration, licence or provider number.
   *
   * @param system URI of the numbering scheme ({@code https://doctor.ndhm.gov.in} for the ABDM HPR
   *     id, {@code http://hl7.org/fhir/sid/us-npi} for an NPI)
   * @param type HL7 v2-0203 code: {@code MD} medical council registration, {@code NPI}, {@code LN}
   *     licence, {@code PRN} provider number; others as registered
   * @param issuer who issued it: for a medical registration, the council (Karnataka Medical
   *     Council)
   * @param region where it is valid: ISO 3166 country or subdivision code ({@code IN-KA})
   */
  public record Registration(
      String system,
      String value,
      String type,
      String issuer,
      String region,
      String validFrom,
      String validTo) {}

  /** A code: its system URI, the code, and its display. */
  public record Code(String system, String code, String display) {}

  /**
   * A degree or certification; {@code degree.code} may be null when only its name is known.
   *
   * @param year year awarded
   */
  public record Qualification(Code degree, String issuer, Integer year) {}

  /**
   * A specialty, after the insurer's code map. A doctor's code the map translates with an {@code
   * equal} or {@code equivalent} target is <em>replaced</em> by the insurer's code ({@code
   * mappedFrom} is the doctor's code); with any other equivalence ({@code wider}, {@code
   * relatedto}...) the insurer's code <em>accompanies</em> the doctor's, as the next entry. A code
   * the map should translate and cannot stays as registered ({@code mappedFrom} null) and is
   * reported to DocPort's operators.
   *
   * @param mappedFrom the doctor's code this one translates, or null for a code as registered
   * @param equivalence the code map's equivalence for a translated code ({@code equivalent}, {@code
   *     wider}...), else null
   */
  public record Specialty(
      String system, String code, String display, Code mappedFrom, String equivalence) {}

  /**
   * @param system {@code phone}, {@code email}, {@code fax} or {@code url}
   * @param use {@code work} or {@code mobile}, if known
   */
  public record Contact(String system, String value, String use) {}

  /**
   * A place where the doctor sees patients (an outpatient practice).
   *
   * @param id stable id of the practice within the doctor's record
   * @param latitude WGS84 decimal degrees, with longitude, if known
   */
  public record Practice(
      String id, String name, Address address, Double latitude, Double longitude, String phone) {}

  /**
   * @param country ISO 3166 alpha-2 code
   */
  public record Address(
      List<String> lines,
      String city,
      String district,
      String state,
      String postalCode,
      String country) {}

  /** An organisation the doctor works for or with, and its own identifier if it has one. */
  public record Affiliation(String name, Registration identifier) {}

  /**
   * One of the insurer's provider networks.
   *
   * @param productType the insurance product type code (Plan-Net InsuranceProductTypeCS)
   */
  public record Network(String id, String name, String productType) {}

  /**
   * A technical endpoint at which the doctor exchanges health information.
   *
   * @param connectionType e.g. {@code hl7-fhir-rest}, {@code direct-project}
   */
  public record Endpoint(String id, String connectionType, String address, String name) {}
}
