package org.docport.mappings;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;

/**
 * How {@code ndhm} output is checked without the NRCeS package: the package ({@code ndhm.in} 6.5.0)
 * is on neither the npm registry nor Maven Central, the only registries this build reaches, so it
 * cannot be loaded from disk as Plan-Net's is ({@link PlanNetValidator}).
 *
 * <ul>
 *   <li>{@link #baseErrors}: HAPI's instance validator with base FHIR R4 only (core definitions and
 *       HL7 terminology shipped with HAPI). The resource's {@code meta.profile} is removed from the
 *       copy validated, since a claimed profile the validator cannot load is itself reported.
 *   <li>{@link #ruleViolations}: the NRCeS Practitioner and Organization rules the mappings
 *       implement ({@link NdhmProfiles}), asserted one by one, written here independently of the
 *       main code from the guide's profile definitions.
 * </ul>
 */
final class NdhmValidator {

  private NdhmValidator() {}

  private static final class Holder {
    static final FhirValidator BASE = PlanNetValidator.validator();
  }

  static List<SingleValidationMessage> baseMessages(Resource resource) {
    Resource copy = resource.copy();
    copy.getMeta().getProfile().clear();
    return Holder.BASE.validateWithResult(copy).getMessages();
  }

  static List<SingleValidationMessage> baseErrors(Resource resource) {
    return baseMessages(resource).stream().filter(PlanNetValidator::isError).toList();
  }

  /** Where the resource breaks an NRCeS rule the mappings implement; empty when it keeps them. */
  static List<String> ruleViolations(Resource resource) {
    List<String> violations = new ArrayList<>();
    if (resource instanceof Practitioner) {
      practitioner((Practitioner) resource, violations);
    } else if (resource instanceof Organization) {
      organization((Organization) resource, violations);
    } else if (resource.getMeta().hasProfile()) {
      violations.add(resource.fhirType() + ": claims a profile, though ndhm has none for it");
    }
    return violations;
  }

  private static void practitioner(Practitioner practitioner, List<String> violations) {
    profile(practitioner, NdhmProfiles.PRACTITIONER, violations);
    if (practitioner.getIdentifier().isEmpty()) {
      violations.add("Practitioner.identifier: 1..* required");
    }
    practitioner.getIdentifier().forEach(i -> identifier("Practitioner", i, false, violations));
    for (HumanName name : practitioner.getName()) {
      if (!name.hasText()) {
        violations.add("Practitioner.name.text: required");
      }
    }
    practitioner.getTelecom().stream()
        .filter(t -> !t.hasValue())
        .forEach(t -> violations.add("Practitioner.telecom.value: required"));
    practitioner
        .getQualification()
        .forEach(q -> q.getCode().getCoding().forEach(c -> coding("qualification", c, violations)));
  }

  private static void organization(Organization organization, List<String> violations) {
    profile(organization, NdhmProfiles.ORGANIZATION, violations);
    if (organization.getIdentifier().isEmpty()) {
      violations.add("Organization.identifier: 1..* required");
    }
    organization.getIdentifier().forEach(i -> identifier("Organization", i, true, violations));
    if (!organization.hasName()) {
      violations.add("Organization.name: required");
    }
    for (CodeableConcept type : organization.getType()) {
      for (Coding coding : type.getCoding()) {
        if (!"http://terminology.hl7.org/CodeSystem/organization-type".equals(coding.getSystem())) {
          violations.add("Organization.type.coding.system: fixed to organization-type");
        }
        coding("Organization.type", coding, violations);
      }
    }
  }

  private static void identifier(
      String type, Identifier identifier, boolean systemRequired, List<String> violations) {
    String at = type + ".identifier " + identifier.getSystem() + "|" + identifier.getValue();
    if (!identifier.hasValue()) {
      violations.add(at + ": value required");
    }
    if (systemRequired && !identifier.hasSystem()) {
      violations.add(at + ": system required");
    }
    if (!identifier.hasType()) {
      violations.add(at + ": type required");
    }
    identifier.getType().getCoding().forEach(c -> coding(at + " type", c, violations));
  }

  private static void coding(String at, Coding coding, List<String> violations) {
    if (!coding.hasSystem() || !coding.hasCode() || !coding.hasDisplay()) {
      violations.add(at + ": a coding needs system, code and display");
    }
  }

  private static void profile(Resource resource, String profile, List<String> violations) {
    if (resource.getMeta().getProfile().size() != 1 || !resource.getMeta().hasProfile(profile)) {
      violations.add(resource.fhirType() + ".meta.profile: must be exactly " + profile);
    }
  }
}
