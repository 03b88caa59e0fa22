package org.docport.hub.partner;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.docport.hub.fhir.SuppliedReferences;
import org.docport.hub.partner.PartnerMessages.PartnerCoverage;
import org.docport.hub.partner.PartnerMessages.PartnerIdentifier;
import org.docport.hub.partner.PartnerMessages.PartnerPatient;
import org.docport.hub.web.ApiException.FieldError;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The patient and coverage of a partner API booking, checked and kept as an appointment keeps what
 * a FHIR booking supplies ({@link SuppliedReferences}): a reference into the insurer's system, an
 * identifier, or minimal demographics as a Patient. So the doctor, the FHIR API and the partner API
 * read every appointment alike, however it was booked.
 */
final class PartnerParties {

  private static final Set<String> GENDERS = Set.of("male", "female", "other", "unknown");
  private static final int MAX_TEXT = 1000;

  private PartnerParties() {}

  /** What is wrong with the patient, by field under {@code field}; empty when nothing is. */
  static List<FieldError> check(PartnerPatient patient, String field) {
    if (patient == null) {
      return List.of(
          new FieldError(
              field,
              "required: a reference into your system (https://…/Patient/{id}), an identifier, or"
                  + " the patient's name"));
    }
    ArrayList<FieldError> errors = new ArrayList<>();
    boolean named =
        hasText(patient.family()) || (patient.given() != null && !patient.given().isEmpty());
    if (patient.reference() != null) {
      errors.addAll(reference(patient.reference(), "Patient", field + ".reference"));
      if (demographics(patient)) {
        errors.add(
            new FieldError(
                field + ".reference",
                "give a reference into your system or the patient's name and details, not both"));
      }
    } else if (patient.identifier() == null && !named) {
      errors.add(
          new FieldError(
              field,
              "give a reference into your system (https://…/Patient/{id}), an identifier, or the"
                  + " patient's name"));
    }
    errors.addAll(identifier(patient.identifier(), field + ".identifier"));
    if (patient.given() != null && patient.given().stream().anyMatch(g -> !hasText(g))) {
      errors.add(new FieldError(field + ".given", "names must not be blank"));
    }
    if (patient.gender() != null && !GENDERS.contains(patient.gender())) {
      errors.add(
          new FieldError(
              field + ".gender", "male, female, other or unknown, not '" + patient.gender() + "'"));
    }
    return errors;
  }

  /** What is wrong with the coverage, by field under {@code field}; empty when nothing is. */
  static List<FieldError> check(PartnerCoverage coverage, String field) {
    if (coverage == null) {
      return List.of();
    }
    ArrayList<FieldError> errors = new ArrayList<>();
    if (coverage.reference() == null && coverage.identifier() == null) {
      errors.add(
          new FieldError(
              field,
              "give a reference into your system (https://…/Coverage/{id}) or an identifier (the"
                  + " policy or member number), or leave the coverage out"));
    }
    if (coverage.reference() != null) {
      errors.addAll(reference(coverage.reference(), "Coverage", field + ".reference"));
    }
    errors.addAll(identifier(coverage.identifier(), field + ".identifier"));
    return errors;
  }

  /** The patient as the appointment keeps it (checked first with {@link #check}). */
  static JsonNode stored(FhirContext fhir, PartnerPatient patient) {
    Reference reference = new Reference().setDisplay(patient.display());
    if (!demographics(patient)) {
      reference.setType("Patient").setReference(patient.reference());
      if (patient.identifier() != null) {
        reference.setIdentifier(identifier(patient.identifier()));
      }
      return SuppliedReferences.write(fhir, reference, null);
    }
    Patient given = new Patient();
    HumanName name = given.addName().setFamily(patient.family());
    if (patient.given() != null) {
      patient.given().forEach(name::addGiven);
    }
    if (patient.identifier() != null) {
      given.addIdentifier(identifier(patient.identifier()));
    }
    if (patient.birthDate() != null) {
      given.setBirthDateElement(new DateType(patient.birthDate().toString()));
    }
    if (patient.gender() != null) {
      given.setGender(AdministrativeGender.fromCode(patient.gender()));
    }
    return SuppliedReferences.write(fhir, reference, given);
  }

  /** The coverage as the appointment keeps it, or null without one. */
  static JsonNode stored(FhirContext fhir, PartnerCoverage coverage) {
    if (coverage == null) {
      return null;
    }
    Reference reference =
        new Reference()
            .setType("Coverage")
            .setReference(coverage.reference())
            .setDisplay(coverage.display());
    if (coverage.identifier() != null) {
      reference.setIdentifier(identifier(coverage.identifier()));
    }
    return SuppliedReferences.write(fhir, reference, null);
  }

  /** The patient an appointment keeps, however it was booked. */
  static PartnerPatient patient(FhirContext fhir, String stored) {
    Reference reference = SuppliedReferences.read(fhir, stored);
    if (reference == null) {
      return null;
    }
    if (reference.getResource() instanceof Patient patient) {
      HumanName name = patient.getNameFirstRep();
      return new PartnerPatient(
          null,
          patient.hasIdentifier() ? identifier(patient.getIdentifierFirstRep()) : null,
          name.getFamily(),
          name.hasGiven() ? name.getGiven().stream().map(g -> g.getValue()).toList() : null,
          patient.hasBirthDate()
              ? LocalDate.parse(patient.getBirthDateElement().getValueAsString())
              : null,
          patient.hasGender() ? patient.getGender().toCode() : null,
          reference.getDisplay());
    }
    return new PartnerPatient(
        reference.getReference(),
        reference.hasIdentifier() ? identifier(reference.getIdentifier()) : null,
        null,
        null,
        null,
        null,
        reference.getDisplay());
  }

  /** The coverage an appointment keeps, or null without one. */
  static PartnerCoverage coverage(FhirContext fhir, String stored) {
    Reference reference = SuppliedReferences.read(fhir, stored);
    if (reference == null) {
      return null;
    }
    Resource contained = (Resource) reference.getResource();
    Identifier identifier =
        contained instanceof Coverage given && given.hasIdentifier()
            ? given.getIdentifierFirstRep()
            : reference.hasIdentifier() ? reference.getIdentifier() : null;
    return new PartnerCoverage(
        reference.getReference(),
        identifier == null ? null : identifier(identifier),
        reference.getDisplay());
  }

  private static List<FieldError> reference(String reference, String type, String field) {
    Pattern pattern = Pattern.compile("(?:" + type + "/|\\S*/" + type + "/)[^/\\s]+");
    if (reference.length() > MAX_TEXT || !pattern.matcher(reference).matches()) {
      return List.of(
          new FieldError(
              field,
              "must point at a "
                  + type
                  + " in your system: https://…/"
                  + type
                  + "/{id} or "
                  + type
                  + "/{id}"));
    }
    return List.of();
  }

  private static List<FieldError> identifier(PartnerIdentifier identifier, String field) {
    if (identifier != null && !hasText(identifier.value())) {
      return List.of(new FieldError(field + ".value", "required: the identifier itself"));
    }
    return List.of();
  }

  private static Identifier identifier(PartnerIdentifier identifier) {
    return new Identifier().setSystem(identifier.system()).setValue(identifier.value());
  }

  private static PartnerIdentifier identifier(Identifier identifier) {
    return new PartnerIdentifier(identifier.getSystem(), identifier.getValue());
  }

  /** Whether the patient comes with demographics, kept as a Patient, rather than by reference. */
  private static boolean demographics(PartnerPatient patient) {
    return hasText(patient.family())
        || (patient.given() != null && !patient.given().isEmpty())
        || patient.birthDate() != null
        || patient.gender() != null;
  }

  private static boolean hasText(String text) {
    return text != null && !text.isBlank();
  }
}
