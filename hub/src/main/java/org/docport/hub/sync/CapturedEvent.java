package org.docport.hub.sync;

import java.util.UUID;
import org.docport.hub.registry.RegistryEvents;

/**
 * A registry event as change capture saw it.
 *
 * @param id the event's row id (its position in the outbox)
 * @param doctorVersion the doctor's version, or the insurer profile's for {@link #insurerChange}
 * @param insurerId the insurer the event concerns, if any (a consent, an insurer's own change)
 * @param committedAtMillis when the registry transaction committed, per the database
 */
public record CapturedEvent(
    long id, UUID doctorId, long doctorVersion, String insurerId, long committedAtMillis) {

  /** An event of a doctor's change. */
  public CapturedEvent(long id, UUID doctorId, long doctorVersion, long committedAtMillis) {
    this(id, doctorId, doctorVersion, null, committedAtMillis);
  }

  /** Whether the event records a change of the insurer itself rather than of a doctor. */
  public boolean insurerChange() {
    return RegistryEvents.INSURER_ITSELF.equals(doctorId) && insurerId != null;
  }
}
