package org.docport.hub.consent;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A doctor's consent to one insurer, with when each state was reached. */
public record Consent(
    UUID doctorId,
    String insurerId,
    ConsentStatus status,
    OffsetDateTime requestedAt,
    OffsetDateTime activatedAt,
    OffsetDateTime revokedAt) {}
