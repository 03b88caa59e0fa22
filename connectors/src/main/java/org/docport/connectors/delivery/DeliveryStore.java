package org.docport.connectors.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.DeliveryResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable delivery state of every (insurer, doctor) pair in PostgreSQL. A pair is claimed with
 * a lease, so at most one attempt per pair is in flight (deliveries for a pair stay in order) and a
 * crashed worker's claim runs out by itself.
 */
public class DeliveryStore {

  private static final TypeReference<Map<String, String>> PUBLISHED = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ObjectMapper json;

  public DeliveryStore(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.json = json;
  }

  /** Claims up to {@code max} due deliveries of an insurer that is not paused. */
  public List<DeliveryJob> claim(String insurerId, int max, Duration lease) {
    return jdbc.query(
        """
        update delivery d set lease_until = now() + ? * interval '1 millisecond'
        from (select insurer_id, doctor_id from delivery
              where insurer_id = ? and state = 'PENDING' and next_attempt_at <= now()
                and (lease_until is null or lease_until < now())
                and not exists (select 1 from insurer i where i.id = ? and i.paused)
              order by next_attempt_at
              limit ?
              for update skip locked) due
        where d.insurer_id = due.insurer_id and d.doctor_id = due.doctor_id
        returning d.insurer_id, d.doctor_id, d.wanted_version, d.attempts, d.published
        """,
        this::job,
        lease.toMillis(),
        insurerId,
        insurerId,
        max);
  }

  /** Records the receipt; the pair stays pending if a newer version arrived meanwhile. */
  public void delivered(DeliveryJob job, DeliveryResult.Delivered result) {
    jdbc.update(
        """
        update delivery set
          wanted_version = greatest(wanted_version, ?),
          delivered_version = greatest(coalesce(delivered_version, 0), ?),
          delivered_at = now(),
          published = ?::jsonb,
          state = case when wanted_version > ? then 'PENDING' else 'DELIVERED' end,
          attempts = 0, lease_until = null, last_error = null, next_attempt_at = now()
        where insurer_id = ? and doctor_id = ?
        """,
        result.version(),
        result.version(),
        toJson(result.published()),
        result.version(),
        job.insurerId(),
        job.doctorId());
  }

  /** Nothing was sent on purpose; a later consent or change makes the pair pending again. */
  public void skipped(DeliveryJob job, String reason) {
    // The lease is released either way; a version that arrived meanwhile stays pending.
    jdbc.update(
        """
        update delivery set lease_until = null,
          state = case when wanted_version <= ? then 'SKIPPED' else state end,
          last_error = case when wanted_version <= ? then ? else last_error end
        where insurer_id = ? and doctor_id = ?
        """,
        job.wantedVersion(),
        job.wantedVersion(),
        reason,
        job.insurerId(),
        job.doctorId());
  }

  /**
   * Claims one pair whatever its state (to withdraw it), unless an attempt holds it.
   *
   * @return empty when the pair has no delivery, or when a delivery attempt holds it now
   */
  public Optional<DeliveryJob> claimPair(String insurerId, UUID doctorId, Duration lease) {
    return jdbc
        .query(
            """
            update delivery set lease_until = now() + ? * interval '1 millisecond'
            where insurer_id = ? and doctor_id = ? and (lease_until is null or lease_until < now())
            returning insurer_id, doctor_id, wanted_version, attempts, published
            """,
            this::job,
            lease.toMillis(),
            insurerId,
            doctorId)
        .stream()
        .findFirst();
  }

  /** Whether a delivery attempt holds the pair now. */
  public boolean isLeased(String insurerId, UUID doctorId) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from delivery where insurer_id = ? and doctor_id = ?"
                + " and lease_until >= now())",
            Boolean.class,
            insurerId,
            doctorId));
  }

  /** The insurer holds nothing of the doctor any more but {@code remaining} (shared resources). */
  public void withdrawn(DeliveryJob job, Map<String, String> remaining, String reason) {
    jdbc.update(
        """
        update delivery set published = ?::jsonb, delivered_version = null, state = 'SKIPPED',
          attempts = 0, lease_until = null, last_error = ?
        where insurer_id = ? and doctor_id = ?
        """,
        toJson(remaining),
        truncate("withdrawn: " + reason),
        job.insurerId(),
        job.doctorId());
  }

  /** Gives the claim back untouched: the pair stays due for the next claim. */
  public void release(DeliveryJob job) {
    jdbc.update(
        "update delivery set lease_until = null where insurer_id = ? and doctor_id = ?",
        job.insurerId(),
        job.doctorId());
  }

  /** Schedules the next attempt after {@code delay}. */
  public void retryLater(DeliveryJob job, Duration delay, String error) {
    jdbc.update(
        """
        update delivery set attempts = attempts + 1,
          next_attempt_at = now() + ? * interval '1 millisecond',
          lease_until = null, last_error = ?
        where insurer_id = ? and doctor_id = ?
        """,
        delay.toMillis(),
        truncate(error),
        job.insurerId(),
        job.doctorId());
  }

  /** Parks the pair with a dead letter an operator can read and replay. */
  public void deadLetter(DeliveryJob job, Integer status, String reason, String outcome) {
    tx.executeWithoutResult(
        s -> {
          jdbc.update(
              """
              insert into dead_letter
                (insurer_id, doctor_id, doctor_version, http_status, reason, operation_outcome)
              values (?, ?, ?, ?, ?, ?)
              """,
              job.insurerId(),
              job.doctorId(),
              job.wantedVersion(),
              status,
              truncate(reason),
              outcome);
          jdbc.update(
              """
              update delivery set state = case when wanted_version > ? then 'PENDING' else 'DEAD' end,
                attempts = 0, lease_until = null, last_error = ?
              where insurer_id = ? and doctor_id = ?
              """,
              job.wantedVersion(),
              truncate(reason),
              job.insurerId(),
              job.doctorId());
        });
  }

  private DeliveryJob job(ResultSet rs, int row) throws SQLException {
    return new DeliveryJob(
        rs.getString("insurer_id"),
        rs.getObject("doctor_id", UUID.class),
        rs.getLong("wanted_version"),
        rs.getInt("attempts"),
        fromJson(rs.getString("published")));
  }

  private Map<String, String> fromJson(String value) {
    if (value == null) {
      return Map.of();
    }
    try {
      return json.readValue(value, PUBLISHED);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable published map in delivery table", e);
    }
  }

  private String toJson(Map<String, String> published) {
    try {
      return json.writeValueAsString(published);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }
}
