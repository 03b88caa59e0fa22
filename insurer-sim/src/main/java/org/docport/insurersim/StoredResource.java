package org.docport.insurersim;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

/**
 * One version of a stored resource. The resource object is private to the store and never handed
 * out: callers get {@link #copy()}, so nobody can change history behind the store's back.
 *
 * @param resource the content, or {@code null} for the version a delete produced
 * @param identifiers the resource's identifiers, extracted once so searches need no tree walk
 * @param targets the {@code Type/id} keys this version references, for referential integrity
 */
record StoredResource(
    String type,
    String id,
    long version,
    Instant lastUpdated,
    Resource resource,
    List<Identifier> identifiers,
    Set<String> targets) {

  /** Copies the incoming resource and stamps id, {@code meta.versionId} and lastUpdated. */
  static StoredResource freeze(
      FhirContext fhir,
      Resource incoming,
      String id,
      long version,
      Instant at,
      Set<String> targets) {
    String type = incoming.fhirType();
    Resource frozen = incoming.copy();
    frozen.setIdElement(new IdType(type, id, Long.toString(version)));
    frozen.getMeta().setVersionId(Long.toString(version)).setLastUpdated(Date.from(at));
    List<Identifier> identifiers =
        fhir.newTerser().getValues(frozen, type + ".identifier", Identifier.class);
    return new StoredResource(
        type, id, version, at, frozen, List.copyOf(identifiers), Set.copyOf(targets));
  }

  static StoredResource tombstone(StoredResource previous, Instant at) {
    return new StoredResource(
        previous.type, previous.id, previous.version + 1, at, null, previous.identifiers, Set.of());
  }

  boolean deleted() {
    return resource == null;
  }

  String key() {
    return type + "/" + id;
  }

  IdType versionedId() {
    return new IdType(type, id, Long.toString(version));
  }

  Resource copy() {
    return resource.copy();
  }

  /** The first identifier as {@code system|value}, or {@code null}: what the write log records. */
  String firstIdentifier() {
    if (identifiers.isEmpty()) {
      return null;
    }
    Identifier first = identifiers.get(0);
    return (first.hasSystem() ? first.getSystem() : "") + "|" + first.getValue();
  }
}
