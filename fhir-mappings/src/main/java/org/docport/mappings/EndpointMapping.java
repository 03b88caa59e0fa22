package org.docport.mappings;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.docport.mappings.snapshot.TechnicalEndpoint;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Endpoint.EndpointStatus;
import org.hl7.fhir.r4.model.Identifier;

/**
 * A doctor's technical endpoint -> Plan-Net Endpoint.
 *
 * <p>The Endpoint belongs to the doctor, not to a practice location: a doctor's FHIR server or
 * Direct address reaches the doctor wherever they practise, so every PractitionerRole refers to
 * every one of the doctor's endpoints, and the Location (a place, possibly shared by the doctors of
 * a clinic) refers to none. Like the doctor's Location, it is the same resource at every insurer.
 * No managing organisation is set: DocPort does not know who runs the doctor's endpoint.
 */
final class EndpointMapping {

  private EndpointMapping() {}

  /**
   * The Endpoint, or empty when the source cannot make one (an unknown connection type or no
   * address; {@link Publishability} reports those, so {@link PlanNetMapper} never meets them).
   */
  static Optional<Endpoint> endpoint(UUID doctorId, TechnicalEndpoint source) {
    var connectionType = PlanNetConnectionTypes.coding(Elements.text(source.connectionType()));
    String address = address(source);
    if (connectionType.isEmpty() || address == null) {
      return Optional.empty();
    }
    var endpoint = new Endpoint();
    Identifier business = BusinessIdentifiers.endpoint(doctorId, source.id());
    Elements.identify(endpoint, business, PlanNetProfiles.ENDPOINT);
    endpoint.addIdentifier(business);
    // Plan-Net fixes status to active: an endpoint the doctor removed is withdrawn, not published.
    endpoint.setStatus(EndpointStatus.ACTIVE);
    endpoint.setConnectionType(connectionType.get());
    endpoint.setName(Elements.text(source.name()));
    endpoint.addPayloadType(payloadType(source));
    Elements.present(source.mimeTypes()).stream()
        .map(Elements::text)
        .filter(Objects::nonNull)
        .forEach(endpoint::addPayloadMimeType);
    endpoint.setAddress(address);
    return Optional.of(endpoint);
  }

  /**
   * The address as a URL: a Direct or secure e-mail address becomes a {@code mailto:} URI (the
   * element is a url), anything else is published as the doctor gave it.
   */
  static String address(TechnicalEndpoint source) {
    String address = Elements.text(source.address());
    if (address == null || !PlanNetConnectionTypes.MAIL.contains(source.connectionType())) {
      return address;
    }
    return address.toLowerCase(Locale.ROOT).startsWith("mailto:") ? address : "mailto:" + address;
  }

  /** The doctor's payload type, else Plan-Net's "not applicable". */
  private static CodeableConcept payloadType(TechnicalEndpoint source) {
    return Elements.concept(source.payloadType())
        .orElseGet(
            () ->
                new CodeableConcept()
                    .addCoding(
                        new org.hl7.fhir.r4.model.Coding(
                            PlanNetProfiles.PAYLOAD_TYPE_SYSTEM,
                            PlanNetProfiles.NOT_APPLICABLE_PAYLOAD_CODE,
                            "Not Applicable")));
  }
}
