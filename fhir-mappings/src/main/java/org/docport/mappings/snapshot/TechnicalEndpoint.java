package org.docport.mappings.snapshot;

import java.util.List;

/**
 * A technical endpoint at which the doctor exchanges health information: a FHIR server, a Direct
 * address, a portal. Published as a Plan-Net Endpoint that every PractitionerRole of the doctor
 * refers to.
 *
 * @param id stable id of the endpoint within the doctor's record, assigned by the hub
 * @param connectionType a code of Plan-Net's EndpointConnectionTypeVS ({@code hl7-fhir-rest},
 *     {@code direct-project}, {@code rest-non-fhir}, ...)
 * @param address where to connect: an absolute URL, or for {@code direct-project} and {@code
 *     secure-email} an e-mail style address (with or without {@code mailto:})
 * @param name optional, what the endpoint is for in the doctor's words
 * @param payloadType optional; absent means Plan-Net's {@code NA} (not applicable), the one code of
 *     its EndpointPayloadTypeVS
 * @param mimeTypes optional MIME types of the payloads ({@code application/fhir+json})
 */
public record TechnicalEndpoint(
    String id,
    String connectionType,
    String address,
    String name,
    Coding payloadType,
    List<String> mimeTypes) {

  /** Returns this endpoint with an absent MIME type list replaced by an empty one. */
  public TechnicalEndpoint normalized() {
    return new TechnicalEndpoint(
        id, connectionType, address, name, payloadType, DoctorSnapshot.orEmpty(mimeTypes));
  }

  /** Returns this endpoint with another id. */
  public TechnicalEndpoint withId(String newId) {
    return new TechnicalEndpoint(newId, connectionType, address, name, payloadType, mimeTypes);
  }
}
