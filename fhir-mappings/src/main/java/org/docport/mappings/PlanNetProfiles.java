package org.docport.mappings;

/**
 * Canonical URLs from HL7 Da Vinci PDex Plan-Net 1.2.0 (STU 1.2, npm package {@code
 * hl7.fhir.us.davinci-pdex-plan-net@1.2.0}) that the mappings declare and use. The validation tests
 * check that each one exists in that package.
 */
public final class PlanNetProfiles {

  private static final String BASE = "http://hl7.org/fhir/us/davinci-pdex-plan-net/";

  public static final String PRACTITIONER = BASE + "StructureDefinition/plannet-Practitioner";
  public static final String PRACTITIONER_ROLE =
      BASE + "StructureDefinition/plannet-PractitionerRole";
  public static final String LOCATION = BASE + "StructureDefinition/plannet-Location";
  public static final String NETWORK = BASE + "StructureDefinition/plannet-Network";

  /** An organisation that is not a network; here the insurer itself. */
  public static final String ORGANIZATION = BASE + "StructureDefinition/plannet-Organization";

  public static final String INSURANCE_PLAN = BASE + "StructureDefinition/plannet-InsurancePlan";
  public static final String ORGANIZATION_AFFILIATION =
      BASE + "StructureDefinition/plannet-OrganizationAffiliation";
  public static final String HEALTHCARE_SERVICE =
      BASE + "StructureDefinition/plannet-HealthcareService";

  public static final String ENDPOINT = BASE + "StructureDefinition/plannet-Endpoint";

  /** Plan-Net endpoint payload types: {@link #NOT_APPLICABLE_PAYLOAD_CODE} is the only one. */
  public static final String PAYLOAD_TYPE_SYSTEM = BASE + "CodeSystem/EndpointPayloadTypeCS";

  /** "Not Applicable": the payload type of an endpoint whose doctor named none. */
  public static final String NOT_APPLICABLE_PAYLOAD_CODE = "NA";

  /** Extension on PractitionerRole pointing at the network Organization the role belongs to. */
  public static final String NETWORK_REFERENCE_EXTENSION =
      BASE + "StructureDefinition/network-reference";

  /** Plan-Net organisation types; {@link #NETWORK_TYPE_CODE} marks a network organisation. */
  public static final String ORGANIZATION_TYPE_SYSTEM = BASE + "CodeSystem/OrgTypeCS";

  public static final String NETWORK_TYPE_CODE = "ntwk";

  /** {@link #ORGANIZATION_TYPE_SYSTEM} code of a payer: the insurer's own Organization. */
  public static final String PAYER_TYPE_CODE = "payer";

  /** Plan-Net insurance product types, the codes of InsurancePlan.type. */
  public static final String PRODUCT_TYPE_SYSTEM = BASE + "CodeSystem/InsuranceProductTypeCS";

  /** Plan-Net healthcare service categories (HealthcareService.category, required binding). */
  public static final String SERVICE_CATEGORY_SYSTEM =
      BASE + "CodeSystem/HealthcareServiceCategoryCS";

  /** "Clinic or Outpatient Facility": a doctor seeing patients at a practice location (OPD). */
  public static final String OUTPATIENT_CATEGORY_CODE = "outpat";

  /**
   * The value set PractitionerRole.specialty is bound to (required): NUCC provider taxonomy codes,
   * enumerated.
   */
  public static final String SPECIALTY_VALUE_SET =
      BASE + "ValueSet/IndividualAndGroupSpecialtiesVS";

  /**
   * The NUCC Health Care Provider Taxonomy, the only code system {@link #SPECIALTY_VALUE_SET} uses.
   */
  public static final String NUCC_PROVIDER_TAXONOMY = "http://nucc.org/provider-taxonomy";

  private PlanNetProfiles() {}
}
