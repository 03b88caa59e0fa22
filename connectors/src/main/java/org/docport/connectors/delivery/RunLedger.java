package org.docport.connectors.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scheduled runs of the kinds that send in batches, in {@code delivery_run}: one row per
 * insurer, run and due time. Whoever inserts the row holds the run, for a while it renews as the
 * run lasts, and records how it ended. A run that is neither over nor held any more (its holder
 * died, or it failed and its retry time came) is taken again by the first replica that asks, as
 * long as it is the latest of its name: once the same run comes due again, the newer one sends what
 * the older would have. So each scheduled run is sent once, and a replica dying or an upload
 * failing delays it by a hold or a backoff, not until its next time.
 */
public final class RunLedger implements ScheduledInsurer.Runs {

  /** How long a scheduled run is remembered. */
  static final Duration KEPT = Duration.ofDays(7);

  /**
   * A run this replica holds.
   *
   * @param holder this hold's token: a replica whose hold ran out and was taken over can no longer
   *     renew or end the run
   * @param attempts how many times the run was taken, this one included
   */
  public record HeldRun(String insurerId, String run, Instant dueAt, UUID holder, int attempts) {}

  /** A run as operators see it. */
  public record RunEntry(
      String run,
      Instant dueAt,
      Instant takenAt,
      int attempts,
      Instant heldUntil,
      Instant completedAt,
      String lastError) {}

  private final JdbcTemplate jdbc;

  RunLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes the insurer's run due at {@code dueAt} for this replica, held for {@code hold}: present
   * for the first replica to ask, empty for every other. Runs due over {@link #KEPT} before are
   * forgotten on the way.
   */
  @Override
  public Optional<HeldRun> take(String insurerId, String run, Instant dueAt, Duration hold) {
    OffsetDateTime due = dueAt.atOffset(ZoneOffset.UTC);
    jdbc.update(
        "delete from delivery_run where insurer_id = ? and run = ? and due_at < ?",
        insurerId,
        run,
        due.minus(KEPT));
    UUID holder = UUID.randomUUID();
    int taken =
        jdbc.update(
            "insert into delivery_run (insurer_id, run, due_at, holder, held_until)"
                + " values (?, ?, ?, ?, now() + ? * interval '1 millisecond')"
                + " on conflict do nothing",
            insurerId,
            run,
            due,
            holder,
            hold.toMillis());
    return taken == 1
        ? Optional.of(new HeldRun(insurerId, run, dueAt, holder, 1))
        : Optional.empty();
  }

  /**
   * Takes one of the insurer's runs named {@code runs} that is not over, no longer held, and the
   * latest of its name, oldest first; empty when there is none. A replica that asks while another
   * takes the same run skips it.
   */
  @Override
  public Optional<HeldRun> takeOver(String insurerId, Collection<String> runs, Duration hold) {
    UUID holder = UUID.randomUUID();
    List<HeldRun> taken =
        jdbc.query(
            """
            update delivery_run r set holder = ?, held_until = now() + ? * interval '1 millisecond',
              attempts = r.attempts + 1
            where (r.insurer_id, r.run, r.due_at) = (
              select u.insurer_id, u.run, u.due_at from delivery_run u
              where u.insurer_id = ? and u.run = any(?) and u.completed_at is null
                and u.held_until < now()
                and not exists (select 1 from delivery_run n
                  where n.insurer_id = u.insurer_id and n.run = u.run and n.due_at > u.due_at)
              order by u.due_at
              limit 1
              for update of u skip locked)
            returning r.run, r.due_at, r.attempts
            """,
            (rs, i) ->
                new HeldRun(
                    insurerId,
                    rs.getString("run"),
                    rs.getTimestamp("due_at").toInstant(),
                    holder,
                    rs.getInt("attempts")),
            holder,
            hold.toMillis(),
            insurerId,
            runs.toArray(String[]::new));
    return taken.stream().findFirst();
  }

  /** Holds the run for {@code hold} from now; false when it is no longer this holder's. */
  @Override
  public boolean renew(HeldRun run, Duration hold) {
    return jdbc.update(
            "update delivery_run set held_until = now() + ? * interval '1 millisecond'"
                + " where insurer_id = ? and run = ? and due_at = ? and holder = ?"
                + " and completed_at is null",
            hold.toMillis(),
            run.insurerId(),
            run.run(),
            run.dueAt().atOffset(ZoneOffset.UTC),
            run.holder())
        == 1;
  }

  /** The run went through: nobody takes it again. */
  @Override
  public void completed(HeldRun run) {
    jdbc.update(
        "update delivery_run set completed_at = now(), held_until = null, last_error = null"
            + " where insurer_id = ? and run = ? and due_at = ? and holder = ?",
        run.insurerId(),
        run.run(),
        run.dueAt().atOffset(ZoneOffset.UTC),
        run.holder());
  }

  /** The run failed: it stays held until {@code retryIn} from now, then any replica retries it. */
  @Override
  public void failed(HeldRun run, Duration retryIn, String error) {
    jdbc.update(
        "update delivery_run set held_until = now() + ? * interval '1 millisecond',"
            + " last_error = ?"
            + " where insurer_id = ? and run = ? and due_at = ? and holder = ?"
            + " and completed_at is null",
        retryIn.toMillis(),
        error,
        run.insurerId(),
        run.run(),
        run.dueAt().atOffset(ZoneOffset.UTC),
        run.holder());
  }

  /** The insurer's latest scheduled runs, newest first. */
  public List<RunEntry> latest(String insurerId, int limit) {
    return jdbc.query(
        """
        select run, due_at, taken_at, attempts, held_until, completed_at, last_error
        from delivery_run where insurer_id = ? order by due_at desc, run limit ?
        """,
        (rs, i) ->
            new RunEntry(
                rs.getString("run"),
                rs.getTimestamp("due_at").toInstant(),
                rs.getTimestamp("taken_at").toInstant(),
                rs.getInt("attempts"),
                instant(rs.getTimestamp("held_until")),
                instant(rs.getTimestamp("completed_at")),
                rs.getString("last_error")),
        insurerId,
        limit);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
