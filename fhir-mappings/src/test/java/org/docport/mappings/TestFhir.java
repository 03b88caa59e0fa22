package org.docport.mappings;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;

/** The one FhirContext the tests share: building its model is the slow part. */
final class TestFhir {

  static final FhirContext CONTEXT = FhirContext.forR4Cached();

  private TestFhir() {}

  /** Pretty JSON of a collection Bundle holding the resources in write order. */
  static String encode(PublishedResources published) {
    var bundle = new Bundle().setType(BundleType.COLLECTION);
    published.resources().forEach(resource -> bundle.addEntry().setResource(resource));
    return CONTEXT.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle) + "\n";
  }
}
