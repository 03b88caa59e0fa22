package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum;
import java.util.Date;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;

/** A stored directory version as the resource a client reads: id, versionId and lastUpdated set. */
final class Resources {

  private Resources() {}

  static Resource parse(FhirContext fhir, DirectoryQueries.Stored stored) {
    if (stored.deleted()) {
      throw new IllegalArgumentException(stored.type() + "/" + stored.id() + " is deleted");
    }
    Resource resource = (Resource) fhir.newJsonParser().parseResource(stored.content());
    resource.setIdElement(new IdType(stored.type(), stored.id(), Long.toString(stored.version())));
    resource
        .getMeta()
        .setVersionId(Long.toString(stored.version()))
        .setLastUpdated(Date.from(stored.lastUpdated()));
    return resource;
  }

  /** A deletion in a history bundle: the id and version, no content. */
  static Resource tombstone(FhirContext fhir, DirectoryQueries.Stored stored) {
    Resource resource = (Resource) fhir.getResourceDefinition(stored.type()).newInstance();
    resource.setIdElement(new IdType(stored.type(), stored.id(), Long.toString(stored.version())));
    resource
        .getMeta()
        .setVersionId(Long.toString(stored.version()))
        .setLastUpdated(Date.from(stored.lastUpdated()));
    ResourceMetadataKeyEnum.DELETED_AT.put(
        resource, new InstantType(Date.from(stored.lastUpdated())));
    ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.put(
        resource, BundleEntryTransactionMethodEnum.DELETE);
    return resource;
  }
}
