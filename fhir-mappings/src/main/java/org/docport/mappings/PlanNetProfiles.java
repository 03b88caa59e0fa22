package org.docport.mappings;

/** Canonical URLs from HL7 Da Vinci PDex Plan-Net (STU 1.1) that the mappings declare and use. */
public final class PlanNetProfiles {

  private static final String BASE = "http://hl7.org/fhir/us/davinci-pdex-plan-net/";

  public static final String PRACTITIONER = BASE + "StructureDefinition/plannet-Practitioner";
  public static final String PRACTITIONER_ROLE =
      BASE + "StructureDefinition/plannet-PractitionerRole";
  public static final String LOCATION = BASE + "StructureDefinition/plannet-Location";
  public static final String ORGANIZATION = BASE + "StructureDefinition/plannet-Organization";
  public static final String NETWORK = BASE + "StructureDefinition/plannet-Network";

  /** Extension on PractitionerRole pointing at the network Organization the role belongs to. */
  public static final String NETWORK_REFERENCE_EXTENSION =
      BASE + "StructureDefinition/network-reference";

  /** Plan-Net organisation types; {@link #NETWORK_TYPE_CODE} marks a network organisation. */
  public static final String ORGANIZATION_TYPE_SYSTEM = BASE + "CodeSystem/OrgTypeCS";

  public static final String NETWORK_TYPE_CODE = "ntwk";

  private PlanNetProfiles() {}
}
