package org.docport.mappings;

/**
 * Canonical URLs, identifier systems and codes of the {@code ndhm} mapping profile, from the NRCeS
 * "FHIR Implementation Guide for ABDM" version 6.5.0 (FHIR R4, package {@code ndhm.in}), published
 * at <a href="https://nrces.in/ndhm/fhir/r4/">https://nrces.in/ndhm/fhir/r4/</a> by the National
 * Resource Centre for EHR Standards for the National Health Authority. Profiles: <a
 * href="https://nrces.in/ndhm/fhir/r4/StructureDefinition-Practitioner.html">Practitioner</a>, <a
 * href="https://nrces.in/ndhm/fhir/r4/StructureDefinition-Organization.html">Organization</a>.
 *
 * <p>The package is not on the npm registry or Maven Central (the only registries this build
 * reaches), so the tests cannot load it: they validate against base FHIR R4 and assert the profile
 * rules the mappings implement ({@code NdhmValidationTest}). The rules followed, those of the
 * guide's Practitioner and Organization profiles as read from its 6.0.0 profile sources and 6.5.0
 * pages: every identifier has a type whose codings have a code and a display (binding extensible to
 * the ABDM IdentifierType value set, which includes HL7 v2-0203) and a value, and an Organization's
 * identifiers also have a system; a HumanName has a text; a ContactPoint has a value; an
 * Organization has a name, and a type coding is from HL7's organization-type system; qualification
 * codings have a code and a display; the issuer of an identifier goes in {@code assigner.display}.
 */
public final class NdhmProfiles {

  /** The version of the NRCeS implementation guide the mappings follow. */
  public static final String IG_VERSION = "6.5.0";

  private static final String BASE = "https://nrces.in/ndhm/fhir/r4/StructureDefinition/";

  public static final String PRACTITIONER = BASE + "Practitioner";
  public static final String ORGANIZATION = BASE + "Organization";

  /**
   * The system of a doctor's ABDM Healthcare Professionals Registry (HPR) id, as every Practitioner
   * example of the guide writes it (value e.g. {@code 71-4141-2363-2125}). The hub puts the HPR id
   * among the doctor's identifiers with this system.
   */
  public static final String HPR_ID_SYSTEM = "https://doctor.ndhm.gov.in";

  /**
   * The system of an ABDM Health Facility Registry (HFR) id, as the guide's Organization examples
   * write it: the identifier an affiliated hospital or clinic should carry.
   */
  public static final String HFR_ID_SYSTEM = "https://facility.ndhm.gov.in";

  /** HL7 v2 table 0203, the identifier types the guide's IdentifierType value set includes. */
  public static final String IDENTIFIER_TYPE_SYSTEM = Elements.V2_IDENTIFIER_TYPE;

  /**
   * "Medical License number": the type the guide gives the HPR id, and the type of a state medical
   * council registration.
   */
  public static final String MEDICAL_LICENCE_TYPE = "MD";

  /** "Resource identifier": the type of DocPort's own business identifiers under this profile. */
  public static final String RESOURCE_IDENTIFIER_TYPE = "RI";

  /**
   * "Organization identifier": the type of an organisation's identifier that has none of its own.
   */
  public static final String ORGANIZATION_IDENTIFIER_TYPE = "XX";

  /** The system the guide fixes for Organization.type codings. */
  public static final String ORGANIZATION_TYPE_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/organization-type";

  /** Organization type of the insurer: "Insurance Company". */
  public static final String INSURER_TYPE_CODE = "ins";

  /**
   * Organization type of an affiliated hospital, clinic or group practice: "Healthcare Provider".
   */
  public static final String PROVIDER_TYPE_CODE = "prov";

  private NdhmProfiles() {}
}
