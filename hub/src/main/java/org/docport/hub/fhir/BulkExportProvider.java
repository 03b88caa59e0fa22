package org.docport.hub.fhir;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.io.IOException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * System-level Bulk Data: {@code GET} or {@code POST /fhir/$export}, its status URL ({@code GET}
 * polls, {@code DELETE} cancels) and its files. Thin: each delegates to {@link BulkExportService};
 * the parameters are declared for {@code /fhir/metadata} and read by {@link BulkExportParameters}
 * (the request is manual: HAPI leaves a POST's body to it).
 */
final class BulkExportProvider {

  static final String BULK_DATA = "http://hl7.org/fhir/uv/bulkdata/";
  static final String EXPORT = BULK_DATA + "OperationDefinition/export";

  private final BulkExportService exports;
  private final List<String> served;

  BulkExportProvider(BulkExportService exports, List<String> served) {
    this.exports = exports;
    this.served = List.copyOf(served);
  }

  @Operation(
      name = "$export",
      manualRequest = true,
      manualResponse = true,
      idempotent = true,
      canonicalUrl = EXPORT)
  public void export(
      @OperationParam(name = "_outputFormat", typeName = "string", max = 1)
          IPrimitiveType<String> outputFormat,
      @OperationParam(name = "_since", typeName = "string", max = 1) IPrimitiveType<String> since,
      @OperationParam(name = "_type", typeName = "string", max = OperationParam.MAX_UNLIMITED)
          List<IPrimitiveType<String>> type,
      @OperationParam(name = "_typeFilter", typeName = "string", max = OperationParam.MAX_UNLIMITED)
          List<IPrimitiveType<String>> typeFilter,
      ServletRequestDetails request) {
    exports.kickOff(request, served, null);
  }

  @Operation(
      name = "$export-poll-status",
      manualResponse = true,
      idempotent = true,
      deleteEnabled = true)
  public void status(
      @OperationParam(name = "_jobId", typeName = "string", min = 1, max = 1)
          IPrimitiveType<String> jobId,
      ServletRequestDetails request)
      throws IOException {
    exports.status(request);
  }

  @Operation(name = "$export-file", manualResponse = true, idempotent = true)
  public void file(
      @OperationParam(name = "_jobId", typeName = "string", min = 1, max = 1)
          IPrimitiveType<String> jobId,
      @OperationParam(name = "_file", typeName = "string", min = 1, max = 1)
          IPrimitiveType<String> file,
      ServletRequestDetails request)
      throws IOException {
    exports.file(request);
  }
}
