package org.docport.hub.smart;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.ResourceType;

/**
 * One SMART system scope DocPort understands: {@code system/<type or *>.<permissions>}, in the v1
 * form ({@code .read}, which means read and search) or the v2 form ({@code .rs}, {@code .r}, {@code
 * .s}). DocPort's directory is read-only, so write permissions ({@code .write}, {@code c}, {@code
 * u}, {@code d}) are granted on Subscription and Appointment alone (an insurer creates and deletes
 * its own subscriptions, and books, moves and cancels its own appointments; {@code system/*.write}
 * is not granted); other contexts ({@code patient/}, {@code user/}) and v2 query parameters are not
 * scopes DocPort grants.
 *
 * @param text the scope as the client wrote it (granted scopes are answered in that form)
 * @param resourceType a FHIR R4 resource type, or {@code *} for all
 */
record SmartScope(String text, String resourceType, boolean read, boolean search, boolean write) {

  /** The resource types DocPort publishes, named in the discovery document's scopes_supported. */
  static final List<String> PUBLISHED_TYPES =
      List.of(
          "Practitioner",
          "PractitionerRole",
          "Location",
          "Organization",
          "OrganizationAffiliation",
          "HealthcareService",
          "InsurancePlan",
          "Endpoint",
          "Schedule",
          "Slot",
          "Appointment");

  /** The resource types an insurer may write: its own subscriptions and appointments. */
  static final Set<String> WRITABLE_TYPES = Set.of("Subscription", "Appointment");

  /** What a client may do when it registers without naming scopes: read everything it sees. */
  static final String DEFAULT = "system/*.read";

  private static final Pattern SYNTAX =
      Pattern.compile("system/(\\*|[A-Z][A-Za-z]{1,63})\\.(read|write|c?r?u?d?s?)");

  /** The scope, if it is a well-formed scope DocPort grants. */
  static Optional<SmartScope> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches() || !isResourceType(m.group(1))) {
      return Optional.empty();
    }
    String type = m.group(1);
    String permissions = m.group(2);
    if (permissions.equals("read")) {
      return Optional.of(new SmartScope(text, type, true, true, false));
    }
    if (permissions.equals("write")) {
      return WRITABLE_TYPES.contains(type)
          ? Optional.of(new SmartScope(text, type, false, false, true))
          : Optional.empty();
    }
    boolean write = permissions.matches(".*[cud].*");
    if (permissions.isEmpty() || (write && !WRITABLE_TYPES.contains(type))) {
      return Optional.empty();
    }
    return Optional.of(
        new SmartScope(text, type, permissions.contains("r"), permissions.contains("s"), write));
  }

  /** Whether a client allowed this scope may be granted {@code other}. */
  boolean covers(SmartScope other) {
    return (resourceType.equals("*") || resourceType.equals(other.resourceType))
        && (read || !other.read)
        && (search || !other.search)
        && (write || !other.write);
  }

  boolean appliesTo(String type) {
    return resourceType.equals("*") || resourceType.equals(type);
  }

  /**
   * The requested scopes the allowed ones cover, in the order requested (RFC 6749 §3.3: the server
   * may grant less than asked and says so in the token response). Requested scopes DocPort does not
   * grant at all are left out the same way.
   */
  static Set<String> grant(Collection<String> requested, Collection<String> allowed) {
    List<SmartScope> permitted = allowed.stream().flatMap(a -> parse(a).stream()).toList();
    Set<String> granted = new LinkedHashSet<>();
    for (String text : requested) {
      parse(text)
          .filter(scope -> permitted.stream().anyMatch(p -> p.covers(scope)))
          .ifPresent(scope -> granted.add(scope.text()));
    }
    return granted;
  }

  /** The scopes the discovery document lists: the wildcards, then each published type. */
  static List<String> supported() {
    List<String> scopes = new ArrayList<>(List.of("system/*.read", "system/*.rs"));
    for (String type : PUBLISHED_TYPES) {
      scopes.add("system/" + type + ".read");
      scopes.add("system/" + type + ".rs");
    }
    scopes.addAll(
        List.of(
            "system/Basic.read",
            "system/Basic.rs",
            "system/Subscription.read",
            "system/Subscription.rs",
            "system/Subscription.write",
            "system/Subscription.cud",
            "system/Appointment.write",
            "system/Appointment.cu"));
    return scopes;
  }

  private static boolean isResourceType(String type) {
    if (type.equals("*")) {
      return true;
    }
    try {
      ResourceType.fromCode(type);
      return true;
    } catch (FHIRException e) {
      return false;
    }
  }
}
