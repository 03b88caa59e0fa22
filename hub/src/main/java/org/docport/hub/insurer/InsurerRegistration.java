package org.docport.hub.insurer;

import java.util.List;
import org.docport.connectors.ConnectorSettings;
import org.docport.mappings.snapshot.InsurerContext;

/**
 * An insurer as an operator registers it: its organisation, its provider networks and how DocPort
 * reaches it.
 *
 * @param id DocPort's id for the insurer, a lower-case slug such as {@code acme-health}
 * @param identifier the insurer's own organisation identifier (system and value)
 */
public record InsurerRegistration(
    String id,
    String name,
    IdentifierRef identifier,
    List<InsurerContext.Network> networks,
    ConnectorSettings connector,
    Boolean paused) {

  /** A system|value pair. */
  public record IdentifierRef(String system, String value) {}
}
