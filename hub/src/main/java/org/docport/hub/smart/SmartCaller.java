package org.docport.hub.smart;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The insurer system calling DocPort's FHIR API with a SMART Backend Services access token: what
 * the FHIR layer asks before it answers a read or a search. Authentication has already happened (an
 * invalid, expired or revoked token never gets this far); whether the granted scopes allow the
 * interaction is the FHIR layer's question, answered here, and a missing scope is its 403.
 *
 * <p>Scope rules (SMART App Launch 2.x): {@code system/X.read} and {@code system/*.read} (v1) allow
 * read and search; {@code system/X.rs} (v2) allows both, {@code system/X.r} read alone and {@code
 * system/X.s} search alone; {@code *} stands for every resource type. {@code
 * system/Subscription.write} (v1) and {@code system/Subscription.cud} (v2) allow creating and
 * deleting the insurer's own subscriptions.
 *
 * @param insurerId the insurer the client was registered for, whose consents decide what it sees
 * @param clientId the registered client the token was issued to
 * @param scopes the scopes granted to the token, as the token response listed them
 */
public record SmartCaller(String insurerId, String clientId, Set<String> scopes) {

  public SmartCaller {
    scopes = Set.copyOf(scopes);
  }

  /** The caller of the current request, when it came with a valid access token. */
  public static Optional<SmartCaller> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof SmartAuthentication smart && smart.isAuthenticated()
        ? Optional.of(smart.caller())
        : Optional.empty();
  }

  /** Whether the caller may read a resource of this type by id ({@code GET /fhir/X/id}). */
  public boolean mayRead(String resourceType) {
    return granted().stream().anyMatch(s -> s.read() && s.appliesTo(resourceType));
  }

  /** Whether the caller may search resources of this type ({@code GET /fhir/X?...}). */
  public boolean maySearch(String resourceType) {
    return granted().stream().anyMatch(s -> s.search() && s.appliesTo(resourceType));
  }

  /**
   * Whether the caller may create and delete resources of this type ({@code .write}, or {@code c},
   * {@code u}, {@code d} in v2): only ever Subscription and Appointment, the insurer's own.
   */
  public boolean mayWrite(String resourceType) {
    return granted().stream().anyMatch(s -> s.write() && s.appliesTo(resourceType));
  }

  private List<SmartScope> granted() {
    return scopes.stream().flatMap(s -> SmartScope.parse(s).stream()).toList();
  }
}
