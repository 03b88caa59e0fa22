package org.docport.hub.partner;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The partner API's requests by {@code webhook-id}, and their answers: the only writer of {@code
 * partner_request}. Kept in the registry rather than in memory, so a repeat sent to another hub
 * replica is recognised there too. The first request with an id claims it; a repeat finds the
 * answer, or the claim while the first is still in progress.
 */
@Repository
class PartnerRequests {

  private static final Logger log = LoggerFactory.getLogger(PartnerRequests.class);

  /** What claiming a request id came to. */
  sealed interface Claim {}

  /** The id is new (or its first request was abandoned): this request acts. */
  record Claimed() implements Claim {}

  /** The same request was answered before: answer it again, without acting. */
  record Answered(int status, String contentType, String location, byte[] body) implements Claim {}

  /** The same request is being answered right now. */
  record InProgress() implements Claim {}

  /** The id was used for another request (another method, path or body). */
  record OtherRequest() implements Claim {}

  private final JdbcTemplate jdbc;

  PartnerRequests(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims the request id for the request with this fingerprint, atomically across replicas: an id
   * that expired is new again, and a claim older than {@code lease} that was never answered (its
   * hub died) is taken over by a repeat of the same request.
   *
   * @param until when the id may be forgotten
   */
  Claim claim(
      String insurerId, String requestId, String fingerprint, Instant until, Duration lease) {
    while (true) {
      int claimed =
          jdbc.update(
              """
              insert into partner_request (insurer_id, webhook_id, fingerprint, expires_at)
              values (?, ?, ?, ?)
              on conflict (insurer_id, webhook_id) do update set
                fingerprint = excluded.fingerprint, expires_at = excluded.expires_at,
                claimed_at = clock_timestamp(), status = null, content_type = null,
                location = null, body = null
              where partner_request.expires_at < now()
                 or (partner_request.status is null
                     and partner_request.fingerprint = excluded.fingerprint
                     and partner_request.claimed_at < clock_timestamp() - make_interval(secs => ?))
              """,
              insurerId,
              requestId,
              fingerprint,
              Timestamp.from(until),
              (double) lease.toMillis() / 1000);
      if (claimed == 1) {
        return new Claimed();
      }
      List<Claim> found =
          jdbc.query(
              "select fingerprint, status, content_type, location, body from partner_request"
                  + " where insurer_id = ? and webhook_id = ?",
              (rs, n) -> {
                if (!rs.getString(1).equals(fingerprint)) {
                  return new OtherRequest();
                }
                int status = rs.getInt(2);
                return rs.wasNull()
                    ? new InProgress()
                    : new Answered(status, rs.getString(3), rs.getString(4), rs.getBytes(5));
              },
              insurerId,
              requestId);
      // Gone meanwhile (its first request failed and released it): claim it again.
      if (!found.isEmpty()) {
        return found.get(0);
      }
    }
  }

  /** Keeps the answer to a claimed request, for its repeats. */
  void answer(
      String insurerId,
      String requestId,
      int status,
      String contentType,
      String location,
      byte[] body) {
    jdbc.update(
        "update partner_request set status = ?, content_type = ?, location = ?, body = ?"
            + " where insurer_id = ? and webhook_id = ? and status is null",
        status,
        contentType,
        location,
        body,
        insurerId,
        requestId);
  }

  /** Gives up a claim that got no answer worth keeping: a repeat acts again. */
  void release(String insurerId, String requestId) {
    jdbc.update(
        "delete from partner_request where insurer_id = ? and webhook_id = ? and status is null",
        insurerId,
        requestId);
  }

  @Scheduled(
      fixedDelayString = "${docport.partner.prune-interval:PT1M}",
      initialDelayString = "${docport.partner.prune-interval:PT1M}")
  void prune() {
    int pruned = jdbc.update("delete from partner_request where expires_at < now()");
    if (pruned > 0) {
      log.debug("Pruned {} expired partner request ids", pruned);
    }
  }
}
