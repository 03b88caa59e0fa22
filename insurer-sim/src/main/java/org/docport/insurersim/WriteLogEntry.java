package org.docport.insurersim;

import java.time.Instant;

/**
 * One committed write, as recorded by {@link InsurerServer#writeLog()}. Entries appear in commit
 * order, so tests can check that writes for one resource arrived in the order DocPort made them.
 *
 * @param resourceType the FHIR resource type, e.g. {@code Practitioner}
 * @param id the server id of the resource
 * @param versionId the version this write produced (a delete produces a new, deleted version)
 * @param identifier the resource's first identifier as {@code system|value}, or {@code null} if it
 *     has none
 * @param operation what the write did
 * @param at when the write was committed; equals the resource's {@code meta.lastUpdated}
 */
public record WriteLogEntry(
    String resourceType,
    String id,
    long versionId,
    String identifier,
    Operation operation,
    Instant at) {

  /** The kind of a committed write. */
  public enum Operation {
    CREATE,
    UPDATE,
    DELETE
  }
}
