package org.docport.hub.fhir;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Type-level Bulk Data: {@code GET} or {@code POST /fhir/Practitioner/$export} exports that type
 * only (with {@code _since} and {@code _typeFilter} as at system level); status and files are the
 * system-level ones.
 */
final class BulkExportTypeProvider implements IResourceProvider {

  private final Class<? extends Resource> type;
  private final String typeName;
  private final BulkExportService exports;
  private final List<String> served;

  BulkExportTypeProvider(
      Class<? extends Resource> type,
      String typeName,
      BulkExportService exports,
      List<String> served) {
    this.type = type;
    this.typeName = typeName;
    this.exports = exports;
    this.served = List.copyOf(served);
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return type;
  }

  /**
   * Declared with its own OperationDefinition (HAPI's, at {@code /fhir/OperationDefinition}): the
   * Bulk Data IG's {@code export} is system-level only, so claiming it here would not be honest.
   * The parameters are read by {@link BulkExportParameters}; they are declared so the definition
   * lists them.
   */
  @Operation(name = "$export", manualRequest = true, manualResponse = true, idempotent = true)
  public void export(
      @OperationParam(name = "_outputFormat", typeName = "string", max = 1)
          IPrimitiveType<String> outputFormat,
      @OperationParam(name = "_since", typeName = "string", max = 1) IPrimitiveType<String> since,
      @OperationParam(name = "_type", typeName = "string", max = OperationParam.MAX_UNLIMITED)
          List<IPrimitiveType<String>> types,
      @OperationParam(name = "_typeFilter", typeName = "string", max = OperationParam.MAX_UNLIMITED)
          List<IPrimitiveType<String>> typeFilter,
      ServletRequestDetails request) {
    exports.kickOff(request, served, typeName);
  }
}
