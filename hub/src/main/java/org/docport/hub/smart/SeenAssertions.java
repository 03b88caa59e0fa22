package org.docport.hub.smart;

import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The assertion ids ({@code jti}) clients have used, until their assertions expire: the one writer
 * of {@code smart_assertion_jti}. Kept in the registry rather than in memory, so that an assertion
 * used at one hub replica is refused at every other one too.
 */
@Repository
class SeenAssertions {

  private static final Logger log = LoggerFactory.getLogger(SeenAssertions.class);

  private final JdbcTemplate jdbc;

  SeenAssertions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records that the client used {@code jti}, atomically across replicas.
   *
   * @param until when the assertion expires; the id may be used again after that (RFC 7523 §3 lets
   *     a server forget ids of assertions it would refuse as expired anyway)
   * @return whether this is its first use; false for a replay
   */
  boolean firstUse(String clientId, String jti, Instant until) {
    return jdbc.update(
            """
            insert into smart_assertion_jti (client_id, jti, expires_at) values (?, ?, ?)
            on conflict (client_id, jti) do update set expires_at = excluded.expires_at
            where smart_assertion_jti.expires_at < now()
            """,
            clientId,
            jti,
            Timestamp.from(until))
        == 1;
  }

  @Scheduled(
      fixedDelayString = "${docport.smart.jti-prune-interval:PT1M}",
      initialDelayString = "${docport.smart.jti-prune-interval:PT1M}")
  void prune() {
    int pruned = jdbc.update("delete from smart_assertion_jti where expires_at < now()");
    if (pruned > 0) {
      log.debug("Pruned {} expired assertion ids", pruned);
    }
  }
}
