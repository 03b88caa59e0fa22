package org.docport.hub.partner;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Partner API settings.
 *
 * @param timestampTolerance how far a request's {@code webhook-timestamp} may be from the hub's
 *     clock, either way (Standard Webhooks suggests five minutes)
 * @param idempotencyRetention how long after its timestamp could last be accepted a {@code
 *     webhook-id} is remembered, with its answer: a retry within it gets the first answer; after
 *     it, the id is new again. A repeat with a timestamp still accepted is never forgotten,
 *     whatever this is
 * @param claimLease how long a request may take before a repeat of it (after a crash of the hub
 *     that answered it) is let through to act again, instead of being told it is in progress
 * @param pruneInterval how often expired {@code webhook-id}s are deleted
 */
@ConfigurationProperties("docport.partner")
record PartnerSettings(
    Duration timestampTolerance,
    Duration idempotencyRetention,
    Duration claimLease,
    Duration pruneInterval) {

  PartnerSettings {
    timestampTolerance = timestampTolerance == null ? Duration.ofMinutes(5) : timestampTolerance;
    idempotencyRetention =
        idempotencyRetention == null ? Duration.ofHours(24) : idempotencyRetention;
    claimLease = claimLease == null ? Duration.ofMinutes(2) : claimLease;
    pruneInterval = pruneInterval == null ? Duration.ofMinutes(1) : pruneInterval;
  }
}
