package org.docport.insurersim;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.ResourceReferenceInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Finds what a resource references and remembers who references whom, so the store can refuse
 * dangling references on write (400) and deletes of referenced resources (409), as the HAPI JPA
 * server does.
 *
 * <p>Every {@code Reference} in the resource counts, extensions included (e.g. Plan-Net's {@code
 * network-reference}), because a real server indexes them all, not just the ones DocPort maps
 * today. The reverse index is not thread-safe on its own: the store mutates it under its lock.
 */
final class ReferenceIndex {

  private final FhirContext fhir;
  private final Map<String, Set<String>> referrersByTarget = new HashMap<>();

  ReferenceIndex(FhirContext fhir) {
    this.fhir = fhir;
  }

  /**
   * Returns the {@code Type/id} keys the resource references, each with the path it appears at.
   * Contained ({@code #x}) and logical (identifier-only) references need no target and are skipped.
   *
   * @throws InvalidRequestException for absolute or conditional references, which the JPA server
   *     rejects unless configured to allow external references
   */
  Map<String, String> targetsOf(Resource resource) {
    Map<String, String> targets = new LinkedHashMap<>();
    for (ResourceReferenceInfo info : fhir.newTerser().getAllResourceReferences(resource)) {
      IIdType ref = info.getResourceReference().getReferenceElement();
      String value = ref.getValue();
      if (value == null || value.isBlank() || value.startsWith("#")) {
        continue;
      }
      if (ref.hasBaseUrl() || value.contains(":") || value.contains("?")) {
        throw new InvalidRequestException(
            "Resource contains external reference to URL \""
                + value
                + "\" but this server is not configured to allow external references");
      }
      if (!ref.hasResourceType() || !ref.hasIdPart()) {
        throw new InvalidRequestException(
            "Invalid reference \"" + value + "\" at path " + info.getName());
      }
      targets.putIfAbsent(ref.getResourceType() + "/" + ref.getIdPart(), info.getName());
    }
    return targets;
  }

  /** Replaces the references recorded for {@code sourceKey}. Call under the store lock. */
  void relink(String sourceKey, Set<String> oldTargets, Set<String> newTargets) {
    for (String target : oldTargets) {
      Set<String> referrers = referrersByTarget.get(target);
      if (referrers != null && referrers.remove(sourceKey) && referrers.isEmpty()) {
        referrersByTarget.remove(target);
      }
    }
    for (String target : newTargets) {
      referrersByTarget.computeIfAbsent(target, t -> new HashSet<>()).add(sourceKey);
    }
  }

  /** Current resources (other than the target itself) that reference {@code targetKey}. */
  Set<String> referrersOf(String targetKey) {
    Set<String> referrers = new HashSet<>(referrersByTarget.getOrDefault(targetKey, Set.of()));
    referrers.remove(targetKey);
    return referrers;
  }

  void clear() {
    referrersByTarget.clear();
  }
}
