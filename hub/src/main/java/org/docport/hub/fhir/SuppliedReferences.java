package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * How an appointment keeps the patient and coverage its insurer supplied: the Reference as given (a
 * reference into the insurer's systems, its type, a business identifier, a display) or the
 * contained resource it pointed at, as FHIR JSON under {@code resource}. Read back, a contained
 * resource rides on the Reference ({@link Reference#getResource()}), which the mapping contains
 * again.
 */
public final class SuppliedReferences {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SuppliedReferences() {}

  /** {@code contained}: the resource the reference pointed at inside the request, or null. */
  public static JsonNode write(FhirContext fhir, Reference reference, Resource contained) {
    ObjectNode node = JSON.createObjectNode();
    if (contained != null) {
      Resource copy = contained.copy();
      copy.setId((String) null);
      try {
        node.set("resource", JSON.readTree(fhir.newJsonParser().encodeResourceToString(copy)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else if (reference.hasReference()) {
      node.put("reference", reference.getReference());
    }
    if (reference.hasType()) {
      node.put("type", reference.getType());
    }
    if (reference.hasIdentifier()) {
      node.putObject("identifier")
          .put("system", reference.getIdentifier().getSystem())
          .put("value", reference.getIdentifier().getValue());
    }
    if (reference.hasDisplay()) {
      node.put("display", reference.getDisplay());
    }
    return node;
  }

  public static Reference read(FhirContext fhir, String stored) {
    if (stored == null) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(stored);
      Reference reference = new Reference();
      if (node.hasNonNull("resource")) {
        reference.setResource(
            (Resource) fhir.newJsonParser().parseResource(node.get("resource").toString()));
      }
      reference.setReference(text(node, "reference"));
      reference.setType(text(node, "type"));
      reference.setDisplay(text(node, "display"));
      if (node.hasNonNull("identifier")) {
        JsonNode identifier = node.get("identifier");
        reference.setIdentifier(
            new Identifier()
                .setSystem(text(identifier, "system"))
                .setValue(text(identifier, "value")));
      }
      return reference;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
