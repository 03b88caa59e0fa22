package org.docport.hub.fhir;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.io.IOException;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * SMART Scheduling Links at {@code /fhir}: the bulk publication manifest ({@code $bulk-publish}) a
 * slot finder polls, and its NDJSON files. Thin: {@link SchedulingLinks} does the work.
 */
final class SchedulingLinksProvider {

  private final SchedulingLinks links;

  SchedulingLinksProvider(SchedulingLinks links) {
    this.links = links;
  }

  @Operation(name = "$bulk-publish", manualResponse = true, idempotent = true)
  public void manifest(ServletRequestDetails request) throws IOException {
    links.manifest(request);
  }

  @Operation(name = "$bulk-publish-file", manualResponse = true, idempotent = true)
  public void file(
      @OperationParam(name = "_type", typeName = "string", min = 1, max = 1)
          IPrimitiveType<String> type,
      @OperationParam(name = "_week", typeName = "string", max = 1) IPrimitiveType<String> week,
      ServletRequestDetails request)
      throws IOException {
    links.file(request, type.getValue(), week == null ? null : week.getValue());
  }
}
