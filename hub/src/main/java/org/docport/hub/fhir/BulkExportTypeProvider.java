package org.docport.hub.fhir;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * Type-level Bulk Data: {@code GET /fhir/Practitioner/$export} exports that type only (with {@code
 * _since} and {@code _typeFilter} as at system level, where they are declared); status and files
 * are the system-level ones.
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

  @Operation(
      name = "$export",
      manualResponse = true,
      idempotent = true,
      canonicalUrl = BulkExportProvider.EXPORT)
  public void export(ServletRequestDetails request) {
    exports.kickOff(request, served, typeName);
  }
}
