package org.docport.mappings;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.docport.mappings.snapshot.Coding;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Builders for FHIR datatypes shared by the resource mappings. Absent or blank input yields an
 * absent element, never an empty string, because FHIR forbids empty values.
 */
final class Elements {

  static final String V2_IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";

  /** Where an identifier is valid; no standard extension exists for this on Identifier. */
  static final String IDENTIFIER_REGION_EXTENSION =
      "https://docport.org/fhir/StructureDefinition/identifier-region";

  /** The v2-0203 codes the registry uses, with their displays from the code system. */
  private static final Map<String, String> IDENTIFIER_TYPES =
      Map.of(
          "NPI", "National provider identifier",
          "LN", "License number",
          "PRN", "Provider number",
          "MD", "Medical License number");

  private Elements() {}

  /** The stripped text, or null when absent or blank. */
  static String text(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.strip();
  }

  static boolean has(String value) {
    return text(value) != null;
  }

  /** The list without null entries (snapshots come from JSON, where nulls slip into arrays). */
  static <T> List<T> present(List<T> values) {
    return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
  }

  /** A real-world identifier (licence, NPI, ...); empty when it has no value. */
  static Optional<Identifier> identifier(org.docport.mappings.snapshot.Identifier source) {
    if (source == null || !has(source.value())) {
      return Optional.empty();
    }
    var identifier =
        new Identifier().setSystem(text(source.system())).setValue(text(source.value()));
    identifierType(source.type()).ifPresent(identifier::setType);
    period(source.validFrom(), source.validTo()).ifPresent(identifier::setPeriod);
    String issuer = text(source.issuer());
    if (issuer != null) {
      identifier.setAssigner(new Reference().setDisplay(issuer));
    }
    String region = text(source.region());
    if (region != null) {
      identifier.addExtension(IDENTIFIER_REGION_EXTENSION, new StringType(region));
    }
    return Optional.of(identifier);
  }

  /** v2-0203 coding for the known types; any other type survives as text only. */
  private static Optional<CodeableConcept> identifierType(String type) {
    String code = text(type);
    if (code == null) {
      return Optional.empty();
    }
    String display = IDENTIFIER_TYPES.get(code.toUpperCase(Locale.ROOT));
    if (display == null) {
      return Optional.of(new CodeableConcept().setText(code));
    }
    var concept = new CodeableConcept();
    concept
        .addCoding()
        .setSystem(V2_IDENTIFIER_TYPE)
        .setCode(code.toUpperCase(Locale.ROOT))
        .setDisplay(display);
    return Optional.of(concept);
  }

  static Optional<Period> period(LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return Optional.empty();
    }
    var period = new Period();
    if (from != null) {
      period.setStartElement(new DateTimeType(from.toString()));
    }
    if (to != null) {
      period.setEndElement(new DateTimeType(to.toString()));
    }
    return Optional.of(period);
  }

  /** A coded concept; text only when the registry has a display but no code. */
  static Optional<CodeableConcept> concept(Coding source) {
    if (source == null || !(has(source.code()) || has(source.display()))) {
      return Optional.empty();
    }
    var concept = new CodeableConcept();
    if (has(source.code())) {
      concept
          .addCoding()
          .setSystem(text(source.system()))
          .setCode(text(source.code()))
          .setDisplay(text(source.display()));
    } else {
      concept.setText(text(source.display()));
    }
    return Optional.of(concept);
  }

  static List<ContactPoint> telecom(List<org.docport.mappings.snapshot.ContactPoint> sources) {
    return present(sources).stream()
        .map(c -> contactPoint(c.system(), c.value(), c.use()))
        .flatMap(Optional::stream)
        .toList();
  }

  /** Empty for an unknown system: FHIR requires a system whenever a value is given (cpt-2). */
  static Optional<ContactPoint> contactPoint(String system, String value, String use) {
    ContactPointSystem fhirSystem = code(ContactPointSystem::fromCode, system);
    if (fhirSystem == null || !has(value)) {
      return Optional.empty();
    }
    return Optional.of(
        new ContactPoint()
            .setSystem(fhirSystem)
            .setValue(text(value))
            .setUse(code(ContactPointUse::fromCode, use)));
  }

  /** The enum constant for a FHIR code, or null when the code is absent or not in the set. */
  static <E> E code(Function<String, E> fromCode, String code) {
    String normalized = text(code);
    if (normalized == null) {
      return null;
    }
    try {
      return fromCode.apply(normalized.toLowerCase(Locale.ROOT));
    } catch (RuntimeException unknownCode) {
      return null;
    }
  }

  /** Gives a produced resource its id (derived from the business identifier) and profile. */
  static void identify(Resource resource, Identifier businessIdentifier, String profile) {
    identify(resource, businessIdentifier);
    resource.getMeta().addProfile(profile);
  }

  /** Gives a produced resource its id, derived from the business identifier. */
  static void identify(Resource resource, Identifier businessIdentifier) {
    resource.setId(BusinessIdentifiers.logicalId(businessIdentifier));
  }

  /** A literal reference to a produced resource, as the connector expects to rewrite it. */
  static Reference referenceTo(Resource resource) {
    return new Reference(References.to(resource));
  }

  /**
   * First occurrence per key, in order: a repeated network, location, endpoint or organisation
   * would otherwise be written twice under one business identifier.
   */
  static <T> List<T> distinct(List<T> values, Function<T, String> key) {
    Map<String, T> byKey = new LinkedHashMap<>();
    values.forEach(value -> byKey.putIfAbsent(Objects.toString(text(key.apply(value)), ""), value));
    return List.copyOf(byKey.values());
  }
}
