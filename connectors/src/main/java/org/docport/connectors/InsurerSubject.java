package org.docport.connectors;

import org.docport.mappings.snapshot.InsurerContext;

/**
 * What a connector publishes of an insurer itself ({@link DeliveryJob#INSURERS_OWN}): its current
 * profile, at the version the registry gives it.
 *
 * @param version the insurer profile's version, which only grows: the receipt of the pair
 * @param insurerPaused an operator paused delivery to the insurer: nothing may be sent now
 * @param mapping the insurer's mapping profile (its own resources differ by profile)
 */
public record InsurerSubject(
    InsurerContext insurer, long version, boolean insurerPaused, MappingChoice mapping) {

  public InsurerSubject {
    mapping = mapping == null ? MappingChoice.DEFAULT : mapping;
  }

  public InsurerSubject(InsurerContext insurer, long version, boolean insurerPaused) {
    this(insurer, version, insurerPaused, null);
  }
}
