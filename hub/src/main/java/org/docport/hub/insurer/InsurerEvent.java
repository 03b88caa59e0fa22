package org.docport.hub.insurer;

/**
 * What happened to an insurer's registration; delivery listens and opens, closes or wakes the
 * insurer's connection, so the registry of insurers need not know about delivery.
 */
public sealed interface InsurerEvent {

  String insurerId();

  /** A new insurer, ready to be connected. */
  record Registered(InsurerRegistration insurer) implements InsurerEvent {
    @Override
    public String insurerId() {
      return insurer.id();
    }
  }

  /** An insurer whose connector settings changed. */
  record Reconfigured(InsurerRegistration insurer) implements InsurerEvent {
    @Override
    public String insurerId() {
      return insurer.id();
    }
  }

  /**
   * What the insurer publishes about itself (its address, its plans' product types) changed;
   * published inside the transaction that changes it, so what listens writes in that transaction.
   *
   * @param version the profile's version after the change
   * @param actor who changed it
   */
  record ProfileChanged(String insurerId, long version, String actor) implements InsurerEvent {}

  /**
   * How the insurer's doctors are mapped changed (its profile, its code maps), as a new version of
   * the insurer: every doctor it holds is to be delivered again. Published inside the transaction.
   */
  record MappingChanged(String insurerId) implements InsurerEvent {}

  /** An insurer about to be removed. */
  record Removed(String insurerId) implements InsurerEvent {}

  /** An insurer whose delivery was resumed. */
  record Resumed(String insurerId) implements InsurerEvent {}
}
