package org.docport.mappings.snapshot;

import java.util.List;

/**
 * The insurer a doctor's data is being published to, with the networks the doctor joins there.
 *
 * @param id DocPort's id of the insurer
 * @param identifier the insurer's own organisation identifier
 */
public record InsurerContext(
    String id, String name, Identifier identifier, List<Network> networks) {

  /** An insurer's provider network (Plan-Net {@code Network}). */
  public record Network(String id, String name) {}
}
