package org.docport.hub.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.docport.hub.web.Violations;
import org.docport.mappings.PlanNetConnectionTypes;
import org.docport.mappings.snapshot.TechnicalEndpoint;

/**
 * What the registry accepts as a doctor's technical endpoint, and the ids it gives them.
 *
 * <p>Endpoints belong to the doctor, not to a practice location: a FHIR server or Direct address
 * reaches the doctor wherever they practise, so every PractitionerRole the doctor has refers to
 * every endpoint, which is what Plan-Net's PractitionerRole.endpoint is for (and what lets a doctor
 * without a telephone be published). Location.endpoint is left to places that run their own
 * endpoints; a doctor's practice location is where patients go, not an exchange partner.
 *
 * <p>The payload type is optional: Plan-Net's EndpointPayloadTypeVS has one code, {@code NA} (not
 * applicable), which the mapping publishes when the doctor names none; a doctor who knows better
 * may give any coded payload type (the binding is extensible).
 */
final class TechnicalEndpoints {

  static final int MAX = 10;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,36}");
  private static final Pattern MAIL = Pattern.compile("[^@\\s:]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern MIME_TYPE =
      Pattern.compile("[a-z]+/[A-Za-z0-9!#$&^_.+-]{1,100}(\\s*;\\s*[^\\s;]+=[^\\s;]+)*");

  private TechnicalEndpoints() {}

  /** A new endpoint id, in the form practice location ids take ({@code ep-} and 8 hex digits). */
  static String newId() {
    return "ep-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The endpoint with an id: its own when it has one (kept across updates), else a new one. */
  static TechnicalEndpoint identified(TechnicalEndpoint endpoint) {
    return endpoint.id() != null ? endpoint : endpoint.withId(newId());
  }

  static void check(Violations v, String p, TechnicalEndpoint e) {
    v.matches(p + ".id", e.id(), ID, "letters, digits and '-', at most 36");
    boolean typed = v.required(p + ".connectionType", e.connectionType(), 64);
    if (typed && !PlanNetConnectionTypes.contains(e.connectionType())) {
      v.add(
          p + ".connectionType",
          "must be a code of Plan-Net's EndpointConnectionTypeVS "
              + PlanNetConnectionTypes.codes()
              + ", was \""
              + e.connectionType()
              + "\"");
      typed = false;
    }
    if (v.required(p + ".address", e.address(), 500) && typed) {
      address(v, p + ".address", e.connectionType(), e.address().strip());
    }
    v.optional(p + ".name", e.name(), 200);
    if (e.payloadType() != null) {
      DoctorValidation.coding(v, p + ".payloadType", e.payloadType(), true);
    }
    List<String> mimeTypes = e.mimeTypes() == null ? List.of() : e.mimeTypes();
    if (v.atMost(p + ".mimeTypes", mimeTypes, 10)) {
      for (int i = 0; i < mimeTypes.size(); i++) {
        String field = p + ".mimeTypes[" + i + "]";
        if (v.required(field, mimeTypes.get(i), 200)) {
          v.matches(
              field, mimeTypes.get(i), MIME_TYPE, "a MIME type such as application/fhir+json");
        }
      }
    }
  }

  /**
   * A Direct or secure e-mail address for those connection types ({@code mailto:} optional, as the
   * published Endpoint adds it), else an absolute URL with a host, which a client can connect to.
   */
  private static void address(Violations v, String field, String type, String address) {
    if (PlanNetConnectionTypes.MAIL.contains(type)) {
      String mailbox =
          address.toLowerCase(Locale.ROOT).startsWith("mailto:") ? address.substring(7) : address;
      v.matches(field, mailbox, MAIL, "a " + type + " address such as dr.rao@direct.example.org");
      return;
    }
    if (!isUrl(address)) {
      v.add(
          field,
          "must be an absolute URL such as https://fhir.example.org/r4, was \"" + address + "\"");
    }
  }

  private static boolean isUrl(String address) {
    try {
      URI uri = new URI(address);
      return uri.isAbsolute() && uri.getHost() != null && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
