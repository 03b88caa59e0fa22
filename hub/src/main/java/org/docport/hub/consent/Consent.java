package org.docport.hub.consent;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A doctor's consent to one insurer, with when each state was reached.
 *
 * @param reason why the consent ended (or is being withdrawn), in words the doctor can act on
 * @param ending while WITHDRAWING, how the consent will end
 */
public record Consent(
    @Schema(requiredMode = REQUIRED) UUID doctorId,
    @Schema(requiredMode = REQUIRED) String insurerId,
    @Schema(requiredMode = REQUIRED) ConsentStatus status,
    String reason,
    ConsentStatus ending,
    OffsetDateTime requestedAt,
    OffsetDateTime activatedAt,
    OffsetDateTime revokedAt,
    OffsetDateTime endedAt) {}
