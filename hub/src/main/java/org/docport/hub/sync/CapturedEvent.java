package org.docport.hub.sync;

import java.util.UUID;

/**
 * A registry event as change capture saw it.
 *
 * @param id the event's row id (its position in the outbox)
 * @param committedAtMillis when the registry transaction committed, per the database
 */
public record CapturedEvent(long id, UUID doctorId, long doctorVersion, long committedAtMillis) {}
