package org.docport.hub.scheduling;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.docport.hub.platform.Digests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The secrets of doctors' iCalendar feed URLs: the only writer of {@code calendar_feed}. A secret
 * is 256 random bits, shown once when made; only its SHA-256 is kept.
 */
@Component
class CalendarFeeds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;

  CalendarFeeds(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A new secret for the doctor's feed, replacing any earlier one (whose URL stops working). */
  String rotate(UUID doctorId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.update(
        """
        insert into calendar_feed (doctor_id, secret_hash) values (?, ?)
        on conflict (doctor_id) do update set secret_hash = excluded.secret_hash,
          created_at = clock_timestamp()
        """,
        doctorId,
        Digests.sha256Hex(secret));
    return secret;
  }

  /** Ends the doctor's feed; whether there was one. */
  boolean revoke(UUID doctorId) {
    return jdbc.update("delete from calendar_feed where doctor_id = ?", doctorId) > 0;
  }

  /** When the doctor's current feed URL was made, if there is one. */
  Optional<Instant> created(UUID doctorId) {
    return jdbc
        .queryForList(
            "select created_at from calendar_feed where doctor_id = ?",
            java.sql.Timestamp.class,
            doctorId)
        .stream()
        .findFirst()
        .map(java.sql.Timestamp::toInstant);
  }

  /** The doctor whose feed this secret opens, if any. */
  Optional<UUID> doctorOf(String secret) {
    return jdbc
        .queryForList(
            "select doctor_id from calendar_feed where secret_hash = ?",
            UUID.class,
            Digests.sha256Hex(secret))
        .stream()
        .findFirst();
  }
}
