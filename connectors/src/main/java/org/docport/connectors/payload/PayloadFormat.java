package org.docport.connectors.payload;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * How the body of a message to an insurer is written, from what the message says: resources to
 * write and references to delete, in order. {@link FhirTransactionFormat} is the one format so far;
 * another (such as a DocPort JSON document from {@code fhir-mappings}, chosen per insurer) is
 * another implementation handed to {@link ChangeMessages}, and every kind that sends messages takes
 * it from there.
 */
public interface PayloadFormat {

  /** The body's media type, as a message's content type header carries it. */
  String contentType();

  /** The body of a message made of these entries, in this order. */
  byte[] encode(List<Entry> entries);

  /**
   * One thing a message says: write {@code resource} as {@code reference}, or delete {@code
   * reference} ({@code resource} null).
   */
  record Entry(String reference, Resource resource) {

    public static Entry put(Resource resource) {
      return new Entry(ChangeMessages.reference(resource), resource);
    }

    public static Entry delete(String reference) {
      return new Entry(reference, null);
    }

    public boolean isDelete() {
      return resource == null;
    }
  }
}
