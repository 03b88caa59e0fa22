package org.docport.mappings;

import java.util.Map;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Literal references between produced resources, and rewriting them to the ids an insurer's server
 * assigned.
 *
 * <p>The mappings link resources by their deterministic DocPort ids ({@code Practitioner/<id>}). An
 * insurer's server may assign its own ids on a conditional create, so a connector writes in {@link
 * PublishedResources} order, records {@code old reference -> new reference} for each write and
 * rewrites the resources that follow before writing them.
 */
public final class References {

  private References() {}

  /** The literal reference to a produced resource: {@code Type/id}. */
  public static String to(Resource resource) {
    if (!resource.hasIdElement() || resource.getIdElement().getIdPart() == null) {
      throw new IllegalArgumentException(resource.fhirType() + " has no id to reference");
    }
    return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
  }

  /**
   * A copy of {@code resource} with every {@link Reference#getReference()} found in {@code
   * rewrites} replaced by its mapped value; references not in the map are kept. The input is not
   * modified.
   *
   * <p>The whole resource is walked, so this covers PractitionerRole practitioner, location and
   * organization, the network-reference extension's valueReference, Organization.partOf and any
   * reference a later mapping adds.
   */
  public static <T extends Resource> T rewrite(T resource, Map<String, String> rewrites) {
    @SuppressWarnings("unchecked")
    T copy = (T) resource.copy();
    if (!rewrites.isEmpty()) {
      rewriteIn(copy, rewrites);
    }
    return copy;
  }

  private static void rewriteIn(Base element, Map<String, String> rewrites) {
    if (element instanceof Reference reference && reference.hasReference()) {
      String replacement = rewrites.get(reference.getReference());
      if (replacement != null) {
        reference.setReference(replacement);
      }
    }
    for (Property child : element.children()) {
      for (Base value : child.getValues()) {
        if (value != null) {
          rewriteIn(value, rewrites);
        }
      }
    }
  }
}
