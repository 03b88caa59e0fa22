package org.docport.mappings;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.docport.mappings.snapshot.Affiliation;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * DocPort's business identifiers and the logical ids derived from them, and the registry version a
 * published Practitioner carries.
 *
 * <p>Every resource the mappings produce carries exactly one identifier from one of the systems
 * below. Connectors write with a conditional update ({@code PUT Type?identifier=system|value}), so
 * the identifier, not the server-assigned id, is what makes re-delivery harmless. Values never
 * contain a character that FHIR search syntax would need escaped ({@code | , $ \}): ids with one
 * are rejected, so a value can go into {@code identifier=system|value} as it is (URL-encoded).
 */
public final class BusinessIdentifiers {

  private static final String SID = "https://docport.org/fhir/sid/";

  /** A doctor; value = the doctor's registry UUID. */
  public static final String PRACTITIONER = SID + "practitioner";

  /** A practice location; value = {@code {doctorId}/{locationId}}. */
  public static final String LOCATION = SID + "location";

  /** A doctor at a location in a network; value = {@code {doctorId}/{locationId}/{networkId}}. */
  public static final String PRACTITIONER_ROLE = SID + "practitioner-role";

  /** An insurer's network; value = {@code {insurerId}/{networkId}}. */
  public static final String NETWORK = SID + "network";

  /**
   * An affiliated organisation; value = {@code id-{uuid}} derived from the organisation's own
   * identifier when it has one, else {@code name-{slug}} from its normalised name. Not scoped to a
   * doctor, so two doctors affiliated with the same hospital share one Organization.
   */
  public static final String ORGANIZATION = SID + "organization";

  /** The insurer's own organisation; value = the insurer id. */
  public static final String INSURER = SID + "insurer";

  /**
   * The insurance product an insurer sells on one network; value = {@code {insurerId}/{networkId}}.
   */
  public static final String INSURANCE_PLAN = SID + "insurance-plan";

  /**
   * An affiliated organisation's participation in an insurer's network; value = {@code
   * {insurerId}/{networkId}/{organization value}}. Not scoped to a doctor: every doctor of the
   * organisation publishes the same one.
   */
  public static final String ORGANIZATION_AFFILIATION = SID + "organization-affiliation";

  /** The doctor's practice at one location; value = {@code {doctorId}/{locationId}}. */
  public static final String HEALTHCARE_SERVICE = SID + "healthcare-service";

  /** A doctor's technical endpoint; value = {@code {doctorId}/{endpointId}}. */
  public static final String ENDPOINT = SID + "endpoint";

  /**
   * A service the doctor offers at one practice location, as booked (a FHIR Schedule); value =
   * {@code {doctorId}/{locationId}/{serviceId}}.
   */
  public static final String SCHEDULE = SID + "schedule";

  /** A slot of a Schedule; value = the slot's DocPort id. */
  public static final String SLOT = SID + "slot";

  /** An appointment an insurer booked through DocPort; value = the appointment's DocPort id. */
  public static final String APPOINTMENT = SID + "appointment";

  /** All DocPort systems. */
  public static final List<String> SYSTEMS =
      List.of(
          PRACTITIONER,
          LOCATION,
          PRACTITIONER_ROLE,
          NETWORK,
          ORGANIZATION,
          INSURER,
          INSURANCE_PLAN,
          ORGANIZATION_AFFILIATION,
          HEALTHCARE_SERVICE,
          ENDPOINT,
          SCHEDULE,
          SLOT,
          APPOINTMENT);

  /**
   * Extension on the Practitioner (only) whose {@code valueString} is the registry version of the
   * snapshot it was mapped from. A string because the version is a long, which FHIR's integer
   * cannot hold. Kept off PractitionerRole and Location so those change only when their own data
   * does.
   */
  public static final String REGISTRY_VERSION_EXTENSION =
      "https://docport.org/fhir/StructureDefinition/registry-version";

  /** Characters with a meaning in FHIR search token values. */
  private static final Pattern SEARCH_SPECIAL = Pattern.compile("[|,$\\\\]");

  private BusinessIdentifiers() {}

  public static Identifier practitioner(UUID doctorId) {
    return identifier(PRACTITIONER, required(doctorId, "doctor id").toString());
  }

  public static Identifier location(UUID doctorId, String locationId) {
    return identifier(
        LOCATION, required(doctorId, "doctor id") + "/" + requiredText(locationId, "location id"));
  }

  public static Identifier endpoint(UUID doctorId, String endpointId) {
    return identifier(
        ENDPOINT, required(doctorId, "doctor id") + "/" + requiredText(endpointId, "endpoint id"));
  }

  public static Identifier schedule(UUID doctorId, String locationId, String serviceId) {
    return identifier(
        SCHEDULE,
        location(doctorId, locationId).getValue() + "/" + requiredText(serviceId, "service id"));
  }

  public static Identifier slot(String slotId) {
    return identifier(SLOT, requiredText(slotId, "slot id"));
  }

  public static Identifier appointment(String appointmentId) {
    return identifier(APPOINTMENT, requiredText(appointmentId, "appointment id"));
  }

  public static Identifier practitionerRole(UUID doctorId, String locationId, String networkId) {
    return identifier(
        PRACTITIONER_ROLE,
        required(doctorId, "doctor id")
            + "/"
            + requiredText(locationId, "location id")
            + "/"
            + requiredText(networkId, "network id"));
  }

  public static Identifier network(String insurerId, String networkId) {
    return identifier(
        NETWORK,
        requiredText(insurerId, "insurer id") + "/" + requiredText(networkId, "network id"));
  }

  public static Identifier insurer(String insurerId) {
    return identifier(INSURER, requiredText(insurerId, "insurer id"));
  }

  public static Identifier insurancePlan(String insurerId, String networkId) {
    return identifier(INSURANCE_PLAN, network(insurerId, networkId).getValue());
  }

  /** The participation of {@code organization} (an affiliation's identifier) in a network. */
  public static Identifier organizationAffiliation(
      String insurerId, String networkId, Identifier organization) {
    return identifier(
        ORGANIZATION_AFFILIATION,
        network(insurerId, networkId).getValue() + "/" + organization.getValue());
  }

  public static Identifier healthcareService(UUID doctorId, String locationId) {
    return identifier(HEALTHCARE_SERVICE, location(doctorId, locationId).getValue());
  }

  /**
   * The identifier of an affiliated organisation, or empty when the affiliation has neither an
   * identifier value nor a name (there is then nothing stable to key it on).
   */
  public static Optional<Identifier> organization(Affiliation affiliation) {
    var own = affiliation.identifier();
    if (own != null && Elements.has(own.value())) {
      // Hashed because the source system is a URL and may itself contain '|'.
      String source = Objects.toString(Elements.text(own.system()), "") + "|" + own.value().strip();
      return Optional.of(identifier(ORGANIZATION, "id-" + uuid(source)));
    }
    String name = Elements.text(affiliation.name());
    return Optional.ofNullable(name).map(n -> identifier(ORGANIZATION, "name-" + slug(n)));
  }

  /**
   * The DocPort business identifier of a produced resource (a copy).
   *
   * @throws IllegalArgumentException if the resource has none, or more than one
   */
  public static Identifier of(Resource resource) {
    List<Identifier> ours =
        identifiers(resource).stream().filter(i -> SYSTEMS.contains(i.getSystem())).toList();
    if (ours.size() != 1) {
      throw new IllegalArgumentException(
          resource.fhirType() + " has " + ours.size() + " DocPort identifiers, expected 1");
    }
    return ours.get(0).copy();
  }

  /**
   * The registry version a Practitioner was mapped from, as read back from an insurer's copy; empty
   * when it carries no {@link #REGISTRY_VERSION_EXTENSION} or its value is not a number.
   */
  public static Optional<Long> registryVersion(Practitioner practitioner) {
    return practitioner.getExtension().stream()
        .filter(e -> REGISTRY_VERSION_EXTENSION.equals(e.getUrl()))
        .map(Extension::getValue)
        .filter(PrimitiveType.class::isInstance)
        .map(v -> ((PrimitiveType<?>) v).getValueAsString())
        .map(BusinessIdentifiers::parseVersion)
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** The extension {@link #REGISTRY_VERSION_EXTENSION} with this version. */
  static Extension registryVersionExtension(long version) {
    return new Extension(REGISTRY_VERSION_EXTENSION, new StringType(Long.toString(version)));
  }

  private static Optional<Long> parseVersion(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.strip()));
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  /**
   * The logical id of the resource with this business identifier: a name-based (v3) UUID of {@code
   * system|value}, so the same doctor data always yields the same id.
   */
  public static String logicalId(Identifier businessIdentifier) {
    return uuid(token(businessIdentifier));
  }

  /**
   * The identifier as a FHIR token, {@code system|value}: how connectors key what they published of
   * a doctor, whichever kind wrote it.
   */
  public static String token(Identifier identifier) {
    return identifier.getSystem() + "|" + identifier.getValue();
  }

  private static List<Identifier> identifiers(Resource resource) {
    Property property = resource.getNamedProperty("identifier");
    if (property == null) {
      return List.of();
    }
    return property.getValues().stream()
        .filter(Identifier.class::isInstance)
        .map(Identifier.class::cast)
        .toList();
  }

  /** Lower-case words of any script joined by '-', so spacing, case and punctuation don't count. */
  static String slug(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String slug = folded.replaceAll("[^\\p{L}\\p{M}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? uuid(folded.strip()) : slug;
  }

  private static String uuid(String source) {
    return UUID.nameUUIDFromBytes(source.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static Identifier identifier(String system, String value) {
    return new Identifier().setSystem(system).setValue(value);
  }

  private static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }

  private static String requiredText(String value, String what) {
    String text = required(Elements.text(value), what);
    if (SEARCH_SPECIAL.matcher(text).find()) {
      throw new IllegalArgumentException(what + " must not contain | , $ or \\: " + text);
    }
    return text;
  }
}
