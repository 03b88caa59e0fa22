package org.docport.insurersim;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.docport.insurersim.ResourceStore.Written;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;

/**
 * The HAPI resource provider for one hosted type: read/vread, create, (conditional) update,
 * (conditional) delete and search by {@code identifier} or {@code _id}, all delegating to the
 * shared {@link ResourceStore}. One generic class serves every type; a subclass only adds
 * type-specific searches.
 *
 * <p>Public only because HAPI invokes the annotated methods reflectively.
 */
public class StoreBackedProvider<T extends Resource> implements IResourceProvider {

  private final Class<T> type;
  private final String typeName;
  final ResourceStore store;

  StoreBackedProvider(Class<T> type, ResourceStore store) {
    this.type = type;
    // R4 model classes are named exactly after their resource type.
    this.typeName = type.getSimpleName();
    this.store = store;
  }

  @Override
  public Class<T> getResourceType() {
    return type;
  }

  /** Read and vread: 404 for an id never seen, 410 for a deleted one. */
  @Read(version = true)
  public T read(@IdParam IdType id) {
    Optional<StoredResource> stored =
        id.hasVersionIdPart()
            ? store.version(typeName, id.getIdPart(), parseVersion(id))
            : store.latest(typeName, id.getIdPart());
    StoredResource found = stored.orElseThrow(() -> new ResourceNotFoundException(id));
    if (found.deleted()) {
      throw new ResourceGoneException(
          "Resource " + found.key() + " was deleted at " + found.lastUpdated());
    }
    return type.cast(found.copy());
  }

  /** Create with a server-assigned id, or conditional create with {@code If-None-Exist}. */
  @Create
  public MethodOutcome create(@ResourceParam T resource, @ConditionalUrlParam String ifNoneExist) {
    T checked = checkType(resource);
    Written written =
        ifNoneExist == null
            ? store.create(checked)
            : store.createIfNoneMatch(checked, SearchCriteria.fromConditionalUrl(ifNoneExist));
    return outcome(written);
  }

  /**
   * {@code PUT Type/id} (update-as-create allowed, {@code If-Match} honoured) or the conditional
   * {@code PUT Type?identifier=system|value}.
   */
  @Update
  public MethodOutcome update(
      @IdParam IdType id, @ResourceParam T resource, @ConditionalUrlParam String conditionalUrl) {
    T checked = checkType(resource);
    if (conditionalUrl != null) {
      return outcome(
          store.updateMatching(SearchCriteria.fromConditionalUrl(conditionalUrl), checked));
    }
    Long expectedVersion = id.hasVersionIdPart() ? parseVersion(id) : null;
    return outcome(store.update(id.getIdPart(), expectedVersion, checked));
  }

  /** {@code DELETE Type/id} or the conditional {@code DELETE Type?identifier=system|value}. */
  @Delete
  public MethodOutcome delete(@IdParam IdType id, @ConditionalUrlParam String conditionalUrl) {
    Optional<StoredResource> deleted =
        conditionalUrl != null
            ? store.deleteMatching(typeName, SearchCriteria.fromConditionalUrl(conditionalUrl))
            : store.delete(typeName, id.getIdPart());
    MethodOutcome outcome = new MethodOutcome();
    deleted.ifPresent(d -> outcome.setId(d.versionedId()));
    String message =
        deleted.map(d -> "Successfully deleted " + d.key()).orElse("Nothing to delete");
    outcome.setOperationOutcome(information(message));
    return outcome;
  }

  /** Search by identifier and/or {@code _id}; with neither it lists every live resource. */
  @Search
  public List<IBaseResource> search(
      @OptionalParam(name = "identifier") TokenOrListParam identifier,
      @OptionalParam(name = IAnyResource.SP_RES_ID) TokenOrListParam ids) {
    return found(SearchCriteria.of(identifier, ids));
  }

  List<IBaseResource> found(Predicate<StoredResource> criteria) {
    return store.current(typeName, criteria).stream()
        .map(stored -> (IBaseResource) stored.copy())
        .toList();
  }

  // HAPI parses the body by its own resourceType, so a Location posted to /Practitioner would
  // otherwise land in the wrong table.
  private T checkType(T resource) {
    if (!type.isInstance(resource)) {
      throw new InvalidRequestException(
          "Resource type " + resource.fhirType() + " does not match endpoint " + typeName);
    }
    return resource;
  }

  private static long parseVersion(IdType id) {
    try {
      return Long.parseLong(id.getVersionIdPart());
    } catch (NumberFormatException e) {
      throw new ResourceNotFoundException(id);
    }
  }

  private static MethodOutcome outcome(Written written) {
    MethodOutcome outcome = new MethodOutcome(written.stored().versionedId(), written.created());
    outcome.setResource(written.stored().copy());
    return outcome;
  }

  private static OperationOutcome information(String message) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.INFORMATION)
        .setCode(IssueType.INFORMATIONAL)
        .setDiagnostics(message);
    return outcome;
  }
}
