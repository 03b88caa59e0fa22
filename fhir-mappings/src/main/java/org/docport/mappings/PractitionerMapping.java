package org.docport.mappings;

import java.util.Objects;
import java.util.Optional;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.PersonName;
import org.docport.mappings.snapshot.Qualification;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Practitioner.PractitionerQualificationComponent;
import org.hl7.fhir.r4.model.Reference;

/** Doctor -> Plan-Net Practitioner. */
final class PractitionerMapping {

  static final String BCP47 = "urn:ietf:bcp:47";

  private PractitionerMapping() {}

  /** Maps a {@link DoctorSnapshot#normalized() normalized} snapshot. */
  static Practitioner practitioner(DoctorSnapshot doctor) {
    var practitioner = new Practitioner();
    Identifier business = BusinessIdentifiers.practitioner(doctor.id());
    Elements.identify(practitioner, business, PlanNetProfiles.PRACTITIONER);
    // Lets anyone tell which registry version an insurer holds; roles and locations stay free of
    // it so they are not rewritten at the insurer on every change to the doctor.
    if (doctor.version() != null) {
      practitioner.addExtension(BusinessIdentifiers.registryVersionExtension(doctor.version()));
    }
    practitioner.addIdentifier(business);
    doctor.identifiers().stream()
        .map(Elements::identifier)
        .flatMap(Optional::stream)
        .forEach(practitioner::addIdentifier);
    // Plan-Net fixes active to true: an inactive doctor is withdrawn, not mapped (PlanNetMapper).
    practitioner.setActive(true);
    name(doctor.name()).ifPresent(practitioner::addName);
    practitioner.setGender(Elements.code(AdministrativeGender::fromCode, doctor.gender()));
    practitioner.setTelecom(Elements.telecom(doctor.telecom()));
    doctor.qualifications().stream()
        .map(PractitionerMapping::qualification)
        .flatMap(Optional::stream)
        .forEach(practitioner::addQualification);
    doctor.languages().stream()
        .map(Elements::text)
        .filter(Objects::nonNull)
        .distinct()
        .forEach(language -> practitioner.addCommunication(language(language)));
    return practitioner;
  }

  private static Optional<HumanName> name(PersonName source) {
    if (source == null) {
      return Optional.empty();
    }
    var name = new HumanName().setFamily(Elements.text(source.family()));
    Elements.present(source.given()).stream()
        .map(Elements::text)
        .filter(Objects::nonNull)
        .forEach(name::addGiven);
    Optional.ofNullable(Elements.text(source.prefix())).ifPresent(name::addPrefix);
    Optional.ofNullable(Elements.text(source.suffix())).ifPresent(name::addSuffix);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(name.setUse(NameUse.OFFICIAL));
  }

  /** Empty without a degree: Practitioner.qualification.code is mandatory. */
  private static Optional<PractitionerQualificationComponent> qualification(Qualification source) {
    return Elements.concept(source.degree())
        .map(
            code -> {
              var qualification = new PractitionerQualificationComponent(code);
              String issuer = Elements.text(source.issuer());
              if (issuer != null) {
                // Display only: the institution is not a resource we publish or could reference.
                qualification.setIssuer(new Reference().setDisplay(issuer));
              }
              if (source.year() != null) {
                qualification.setPeriod(
                    new Period().setStartElement(new DateTimeType(fourDigits(source.year()))));
              }
              return qualification;
            });
  }

  /**
   * {@code String.format("%04d", year)} for the years a qualification has (0-9999) without the
   * formatter, which was a tenth of the mapping's samples in a delivery profile.
   */
  static String fourDigits(int year) {
    if (year < 0 || year > 9999) {
      return String.format("%04d", year);
    }
    String digits = Integer.toString(year);
    return "0000".substring(digits.length()) + digits;
  }

  private static CodeableConcept language(String tag) {
    var concept = new CodeableConcept();
    concept.addCoding().setSystem(BCP47).setCode(tag);
    return concept;
  }
}
