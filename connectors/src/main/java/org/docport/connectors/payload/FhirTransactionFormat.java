package org.docport.connectors.payload;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A FHIR R4 {@code transaction} Bundle an insurer can apply as it is: a {@code PUT Type/id} of each
 * resource (DocPort's ids, so the references between them hold) and a {@code DELETE Type/id} of
 * each removal, in the message's order, as JSON.
 */
public final class FhirTransactionFormat implements PayloadFormat {

  public static final String CONTENT_TYPE = "application/fhir+json";

  private final FhirContext fhir;

  public FhirTransactionFormat(FhirContext fhir) {
    this.fhir = fhir;
  }

  @Override
  public String contentType() {
    return CONTENT_TYPE;
  }

  @Override
  public byte[] encode(List<Entry> entries) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (Entry entry : entries) {
      Bundle.BundleEntryComponent component = bundle.addEntry();
      if (entry.isDelete()) {
        component.getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl(entry.reference());
      } else {
        component.setResource(entry.resource());
        component.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(entry.reference());
      }
    }
    return fhir.newJsonParser().encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8);
  }
}
