package org.docport.connectors.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.DeliveryResult;
import org.docport.connectors.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable delivery state of every (insurer, doctor) pair in PostgreSQL, and the only writer of
 * the {@code delivery}, {@code dead_letter} and {@code delivery_batch} tables (the hub's
 * architecture test fails a second one); the scheduled runs are in its {@link #runs() ledger}. A
 * pair is claimed with a lease, so at most one attempt per pair is in flight (deliveries for a pair
 * stay in order) and a crashed worker's claim runs out by itself. Each claim carries a fresh token;
 * every outcome is recorded only while the token still holds the pair, so a worker that lost its
 * lease cannot overwrite the outcome of the one that took the pair over.
 */
public class DeliveryStore {

  private static final Logger log = LoggerFactory.getLogger(DeliveryStore.class);
  private static final TypeReference<Map<String, String>> PUBLISHED = new TypeReference<>() {};

  /**
   * A version of a doctor (and of the doctor's calendar) that an insurer may see and should hold;
   * with {@link DeliveryJob#INSURERS_OWN} for the doctor, a version of the insurer's own profile.
   */
  public record Wanted(String insurerId, UUID doctorId, long version, long calendarVersion) {

    /** A version with no calendar (the insurer's own pair). */
    public Wanted(String insurerId, UUID doctorId, long version) {
      this(insurerId, doctorId, version, 0);
    }
  }

  /** What an insurer holds of a doctor, as far as delivery knows. */
  public record Receipt(DeliveryState state, Long deliveredVersion, String lastError) {}

  /** Gives a claim back untouched. */
  private static final String RELEASE =
      "update delivery d set lease_until = null, lease_token = null";

  /** Gives a claim back with the attempt counted, due again after a delay (ms) and an error. */
  private static final String RETRY_LATER =
      """
      update delivery d set attempts = attempts + 1,
        next_attempt_at = now() + ? * interval '1 millisecond',
        lease_until = null, lease_token = null, last_error = ?
      """;

  /**
   * Locks, in key order, the rows of {@code delivery} that the relation {@code r} (with {@code
   * insurer_id}, {@code doctor_id} and {@code lease_token}) names and whose claim it holds: the
   * {@code locked} relation to join. Every statement that writes many pairs takes their locks in
   * this one order first, so two of them (receipts and a renewal of the same lane, receipts grouped
   * across insurers and the planner's enqueue) wait for each other instead of deadlocking, which
   * PostgreSQL sees only after {@code deadlock_timeout} (1 s) and breaks by failing one.
   */
  private static final String LOCKED_CLAIMS =
      """
      locked as materialized (
        select d.insurer_id, d.doctor_id from delivery d join r
          on d.insurer_id = r.insurer_id and d.doctor_id = r.doctor_id
         and d.lease_token = r.lease_token
        order by d.insurer_id, d.doctor_id
        for update of d)
      """;

  /** The claims of one insurer as the relation {@code r}: the insurer, then two arrays. */
  private static final String ONE_INSURERS_CLAIMS =
      """
      with r as materialized (
        select ?::text as insurer_id, u.doctor_id, u.lease_token
        from unnest(?::uuid[], ?::uuid[]) as u(doctor_id, lease_token)),
      """
          + LOCKED_CLAIMS;

  /** Joins the claims {@code r} to the row {@code d} being updated, once it is locked. */
  private static final String WHERE_LOCKED_CLAIM =
      """
       from r join locked l on l.insurer_id = r.insurer_id and l.doctor_id = r.doctor_id
      where d.insurer_id = r.insurer_id and d.doctor_id = r.doctor_id
        and d.lease_token = r.lease_token
      """;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final RunLedger runs;

  public DeliveryStore(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.json = json;
    this.runs = new RunLedger(jdbc);
  }

  /** The scheduled runs of the kinds that send in batches, on the same connections. */
  public RunLedger runs() {
    return runs;
  }

  /**
   * Makes these versions due, coalescing with what is queued: the newest version wins, an older one
   * never replaces a newer one, and a pair the insurer already holds at this version stays as it
   * is. A skipped pair (the doctor was not visible) becomes due again. The pairs are written in key
   * order, the order every statement that writes many pairs locks them in ({@link #LOCKED_CLAIMS}).
   *
   * @return the insurers that got something new to deliver
   */
  public List<String> enqueue(Collection<Wanted> wanted) {
    if (wanted.isEmpty()) {
      return List.of();
    }
    return jdbc
        .queryForList(
            """
            insert into delivery (insurer_id, doctor_id, wanted_version, calendar_wanted, state)
            select w.insurer_id, w.doctor_id, w.version, w.calendar, 'PENDING'
            from unnest(?::text[], ?::uuid[], ?::bigint[], ?::bigint[])
              as w(insurer_id, doctor_id, version, calendar)
            order by w.insurer_id, w.doctor_id
            on conflict (insurer_id, doctor_id) do update set
              wanted_version = greatest(delivery.wanted_version, excluded.wanted_version),
              calendar_wanted = greatest(delivery.calendar_wanted, excluded.calendar_wanted),
              state = 'PENDING',
              attempts = case when delivery.state = 'PENDING' then delivery.attempts else 0 end,
              next_attempt_at =
                case when delivery.state = 'PENDING' then delivery.next_attempt_at else now() end,
              enqueued_at =
                case when delivery.state = 'PENDING' then delivery.enqueued_at
                     else clock_timestamp() end
            where greatest(delivery.wanted_version, coalesce(delivery.delivered_version, 0))
                    < excluded.wanted_version
               or greatest(delivery.calendar_wanted, coalesce(delivery.calendar_delivered, 0))
                    < excluded.calendar_wanted
               or delivery.state = 'SKIPPED'
            returning insurer_id
            """,
            String.class,
            wanted.stream().map(Wanted::insurerId).toArray(String[]::new),
            wanted.stream().map(Wanted::doctorId).toArray(UUID[]::new),
            wanted.stream().map(Wanted::version).toArray(Long[]::new),
            wanted.stream().map(Wanted::calendarVersion).toArray(Long[]::new))
        .stream()
        .distinct()
        .toList();
  }

  /**
   * Claims up to {@code max} due deliveries of an insurer that is not paused.
   *
   * <p>The insurer's own pair ({@link DeliveryJob#INSURERS_OWN}) goes alone: it is claimed only
   * while no doctor's delivery to the insurer is in flight, and while it is due or in flight no
   * doctor's delivery is claimed. A doctor's delivery writes the insurer's own resources too, as
   * they were when it read them; one that read them before an edit and wrote them after the
   * insurer's pair had would leave the insurer stale. So every delivery in flight when an edit is
   * planned finishes (or loses its lease) before the insurer's pair writes, and every later one
   * reads the edit.
   */
  public List<DeliveryJob> claim(String insurerId, int max, Duration lease) {
    return claim(insurerId, max, lease, false);
  }

  /**
   * Claims the waiting pair that has waited longest, due or not: the trial delivery that finds out
   * whether an insurer that stopped answering is back. Empty when none is waiting (or every waiting
   * pair is claimed), under the same rules as {@link #claim}.
   */
  public Optional<DeliveryJob> claimTrial(String insurerId, Duration lease) {
    return claim(insurerId, 1, lease, true).stream().findFirst();
  }

  private List<DeliveryJob> claim(String insurerId, int max, Duration lease, boolean evenIfNotDue) {
    UUID token = UUID.randomUUID();
    long sentAt = System.nanoTime();
    return jdbc.query(
        """
        with own as (
          select state = 'PENDING' and next_attempt_at <= now() as pending,
                 lease_until is not null and lease_until >= now() as in_flight
          from delivery where insurer_id = ? and doctor_id = ?),
        doctors_in_flight as (
          select exists (select 1 from delivery where insurer_id = ? and doctor_id <> ?
                           and lease_until is not null and lease_until >= now()) as busy)
        update delivery d set lease_until = now() + ? * interval '1 millisecond', lease_token = ?,
          remap = false
        from (select insurer_id, doctor_id from delivery
              where insurer_id = ? and state = 'PENDING' and (next_attempt_at <= now() or ?)
                and (lease_until is null or lease_until < now())
                and not exists (select 1 from insurer i where i.id = ? and i.paused)
                and case when doctor_id = ?
                      then not (select busy from doctors_in_flight)
                      else not exists (select 1 from own where own.pending or own.in_flight) end
              order by next_attempt_at
              limit ?
              for update skip locked) due
        where d.insurer_id = due.insurer_id and d.doctor_id = due.doctor_id
        returning d.insurer_id, d.doctor_id, d.wanted_version, d.attempts, d.published,
          d.calendar_delivered
        """,
        (rs, n) -> job(rs, Lease.taken(token, sentAt, lease)),
        insurerId,
        DeliveryJob.INSURERS_OWN,
        insurerId,
        DeliveryJob.INSURERS_OWN,
        lease.toMillis(),
        token,
        insurerId,
        evenIfNotDue,
        insurerId,
        DeliveryJob.INSURERS_OWN,
        max);
  }

  /**
   * Extends the leases of attempts still running, so a slow insurer never lets a pair be claimed
   * twice; a job whose pair was taken over meanwhile learns it has {@link Lease#lost() lost} it.
   */
  public void renew(String insurerId, Collection<DeliveryJob> running, Duration lease) {
    if (running.isEmpty()) {
      return;
    }
    long sentAt = System.nanoTime();
    Set<UUID> renewed =
        new HashSet<>(
            jdbc.queryForList(
                ONE_INSURERS_CLAIMS
                    + """
            update delivery d set lease_until = now() + ? * interval '1 millisecond'
            """
                    + WHERE_LOCKED_CLAIM
                    + " and d.lease_until is not null returning d.doctor_id",
                UUID.class,
                insurerId,
                running.stream().map(DeliveryJob::doctorId).toArray(UUID[]::new),
                running.stream().map(j -> j.lease().token()).toArray(UUID[]::new),
                lease.toMillis()));
    for (DeliveryJob job : running) {
      if (renewed.contains(job.doctorId())) {
        job.lease().renewed(sentAt, lease);
      } else {
        job.lease().lost();
      }
    }
  }

  /** A receipt to record: what the job's attempt delivered. */
  public record Receipted(DeliveryJob job, DeliveryResult.Delivered result) {}

  /** An (insurer, doctor) pair. */
  public record Pair(String insurerId, UUID doctorId) {

    public static Pair of(DeliveryJob job) {
      return new Pair(job.insurerId(), job.doctorId());
    }
  }

  /**
   * Records the receipt; the pair stays pending if a newer version (of the doctor or of the
   * calendar) arrived meanwhile.
   */
  public void delivered(DeliveryJob job, DeliveryResult.Delivered result) {
    delivered(List.of(new Receipted(job, result)));
  }

  /**
   * Records many receipts, of any insurers, in one statement: each as {@link
   * #delivered(DeliveryJob, DeliveryResult.Delivered)} would, and only while its job's claim still
   * holds the pair.
   *
   * @return the pairs whose receipts were recorded
   */
  public Set<Pair> delivered(List<Receipted> receipts) {
    if (receipts.isEmpty()) {
      return Set.of();
    }
    Set<Pair> recorded =
        new HashSet<>(
            jdbc.query(
                """
                with r as materialized (
                  select * from unnest(
                    ?::text[], ?::uuid[], ?::uuid[], ?::bigint[], ?::bigint[], ?::text[])
                  as u(insurer_id, doctor_id, lease_token, version, calendar, published)),
                """
                    + LOCKED_CLAIMS
                    + """
                update delivery d set
                  wanted_version = greatest(d.wanted_version, r.version),
                  delivered_version = greatest(coalesce(d.delivered_version, 0), r.version),
                  calendar_wanted = greatest(d.calendar_wanted, coalesce(r.calendar, 0)),
                  calendar_delivered =
                    case when r.calendar is null then d.calendar_delivered
                         else greatest(coalesce(d.calendar_delivered, 0), r.calendar) end,
                  delivered_at = now(),
                  published = r.published::jsonb,
                  state = case when d.wanted_version > r.version or d.remap
                                 or d.calendar_wanted > coalesce(r.calendar, d.calendar_delivered, 0)
                               then 'PENDING' else 'DELIVERED' end,
                  remap = false, attempts = 0, lease_until = null, lease_token = null,
                  last_error = null, next_attempt_at = now()
                """
                    + WHERE_LOCKED_CLAIM
                    + " returning d.insurer_id, d.doctor_id",
                (rs, n) -> new Pair(rs.getString(1), rs.getObject(2, UUID.class)),
                receipts.stream().map(r -> r.job().insurerId()).toArray(String[]::new),
                receipts.stream().map(r -> r.job().doctorId()).toArray(UUID[]::new),
                receipts.stream().map(r -> r.job().lease().token()).toArray(UUID[]::new),
                receipts.stream().map(r -> r.result().version()).toArray(Long[]::new),
                receipts.stream().map(r -> r.result().calendarVersion()).toArray(Long[]::new),
                receipts.stream().map(r -> toJson(r.result().published())).toArray(String[]::new)));
    for (Receipted r : receipts) {
      if (!recorded.contains(Pair.of(r.job()))) {
        lostClaim(r.job());
      }
    }
    return recorded;
  }

  /**
   * A claimed pair whose version went out in a batch (a roster file).
   *
   * @param version the doctor's version the batch carried
   * @param published what the insurer now holds of the doctor
   */
  public record Sent(DeliveryJob job, long version, Map<String, String> published) {}

  /**
   * Records the receipts of many claimed pairs of one insurer in one statement, for a kind that
   * sends them together and carries no calendar: the calendar wanted is recorded as held, so a
   * calendar change alone never makes such a pair due. A pair stays pending if a newer version
   * arrived meanwhile; a pair whose claim was lost records nothing.
   *
   * @return how many receipts were recorded
   */
  public int deliveredAll(Collection<Sent> sent) {
    if (sent.isEmpty()) {
      return 0;
    }
    return jdbc.update(
        """
        with r as materialized (
          select ?::text as insurer_id, u.*
          from unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::text[])
            as u(doctor_id, lease_token, version, published)),
        """
            + LOCKED_CLAIMS
            + """
        update delivery d set
          wanted_version = greatest(d.wanted_version, r.version),
          delivered_version = greatest(coalesce(d.delivered_version, 0), r.version),
          calendar_delivered = d.calendar_wanted,
          delivered_at = now(),
          published = r.published::jsonb,
          state = case when d.wanted_version > r.version or d.remap
                       then 'PENDING' else 'DELIVERED' end,
          remap = false, attempts = 0, lease_until = null, lease_token = null, last_error = null,
          next_attempt_at = now()
        """
            + WHERE_LOCKED_CLAIM,
        sent.iterator().next().job().insurerId(),
        sent.stream().map(s -> s.job().doctorId()).toArray(UUID[]::new),
        sent.stream().map(s -> s.job().lease().token()).toArray(UUID[]::new),
        sent.stream().map(Sent::version).toArray(Long[]::new),
        sent.stream().map(s -> toJson(s.published())).toArray(String[]::new));
  }

  /** {@link #retryLater} for many claimed pairs of one insurer, in one statement. */
  public void retryAllLater(Collection<DeliveryJob> jobs, Duration delay, String error) {
    fencedAll(jobs, RETRY_LATER, delay.toMillis(), truncate(error));
  }

  /** {@link #release} for many claimed pairs of one insurer, in one statement. */
  public void releaseAll(Collection<DeliveryJob> jobs) {
    fencedAll(jobs, RELEASE);
  }

  private void fencedAll(Collection<DeliveryJob> jobs, String updateSet, Object... args) {
    if (jobs.isEmpty()) {
      return;
    }
    Object[] all = new Object[args.length + 3];
    all[0] = jobs.iterator().next().insurerId();
    all[1] = jobs.stream().map(DeliveryJob::doctorId).toArray(UUID[]::new);
    all[2] = jobs.stream().map(j -> j.lease().token()).toArray(UUID[]::new);
    System.arraycopy(args, 0, all, 3, args.length);
    jdbc.update(ONE_INSURERS_CLAIMS + updateSet + WHERE_LOCKED_CLAIM, all);
  }

  /**
   * The next number of the insurer's batches (roster files) — one more than the last, whichever
   * replica took it — so the insurer can apply them in order.
   */
  public long nextBatchNumber(String insurerId) {
    return jdbc.queryForObject(
        """
        insert into delivery_batch (insurer_id, last_number) values (?, 1)
        on conflict (insurer_id) do update set last_number = delivery_batch.last_number + 1
        returning last_number
        """,
        Long.class,
        insurerId);
  }

  /** Nothing was sent on purpose; a later consent or change makes the pair pending again. */
  public void skipped(DeliveryJob job, String reason) {
    // The lease is released either way; a version that arrived meanwhile stays pending.
    fenced(
        job,
        """
        update delivery d set lease_until = null, lease_token = null,
          state = case when wanted_version <= ? then 'SKIPPED' else state end,
          last_error = case when wanted_version <= ? then ? else last_error end
        """,
        job.wantedVersion(),
        job.wantedVersion(),
        reason);
  }

  /**
   * Claims one pair whatever its state (to withdraw it), unless an attempt holds it.
   *
   * @return empty when the pair has no delivery, or when a delivery attempt holds it now
   */
  public Optional<DeliveryJob> claimPair(String insurerId, UUID doctorId, Duration lease) {
    UUID token = UUID.randomUUID();
    long sentAt = System.nanoTime();
    return jdbc
        .query(
            """
            update delivery set lease_until = now() + ? * interval '1 millisecond', lease_token = ?,
          remap = false
            where insurer_id = ? and doctor_id = ? and (lease_until is null or lease_until < now())
            returning insurer_id, doctor_id, wanted_version, attempts, published, calendar_delivered
            """,
            (rs, n) -> job(rs, Lease.taken(token, sentAt, lease)),
            lease.toMillis(),
            token,
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

  /** What delivery knows of the pair, if anything was ever planned for it. */
  public Optional<Receipt> receipt(String insurerId, UUID doctorId) {
    return jdbc
        .query(
            "select state, delivered_version, last_error from delivery"
                + " where insurer_id = ? and doctor_id = ?",
            (rs, n) ->
                new Receipt(
                    DeliveryState.valueOf(rs.getString(1)),
                    rs.getObject(2, Long.class),
                    rs.getString(3)),
            insurerId,
            doctorId)
        .stream()
        .findFirst();
  }

  /**
   * Nothing further leaves for this insurer: whatever is queued is skipped in the caller's
   * transaction (an attempt already past its visibility check finishes; a withdrawal waits for it).
   * A later change the insurer may see makes the pair pending again.
   */
  public void stop(String insurerId, UUID doctorId, String reason) {
    jdbc.update(
        "update delivery set state = 'SKIPPED', last_error = ? where insurer_id = ? and doctor_id = ?",
        truncate(reason),
        insurerId,
        doctorId);
  }

  /**
   * The insurer holds nothing of the doctor any more but {@code remaining} (shared resources).
   *
   * @return false when the job's claim no longer holds the pair (nothing was recorded)
   */
  public boolean withdrawn(DeliveryJob job, Map<String, String> remaining, String reason) {
    return fenced(
        job,
        """
        update delivery d set published = ?::jsonb, delivered_version = null,
          calendar_delivered = null, state = 'SKIPPED',
          attempts = 0, lease_until = null, lease_token = null, last_error = ?
        """,
        toJson(remaining),
        truncate("withdrawn: " + reason));
  }

  /** Gives the claim back untouched: the pair stays due for the next claim. */
  public void release(DeliveryJob job) {
    fenced(job, RELEASE);
  }

  /**
   * Makes every change waiting for a retry to the insurer due now, whatever its backoff said: the
   * insurer answers again. The pairs are locked first, in key order ({@link #LOCKED_CLAIMS}); a
   * locked pair still meets the condition it was locked under when it is updated.
   *
   * @return how many pairs were waiting
   */
  public int releaseRetries(String insurerId) {
    return jdbc.update(
        """
        with locked as materialized (
          select insurer_id, doctor_id from delivery
          where insurer_id = ? and state = 'PENDING' and next_attempt_at > now()
          order by insurer_id, doctor_id
          for update)
        update delivery d set next_attempt_at = now()
        from locked l
        where d.insurer_id = l.insurer_id and d.doctor_id = l.doctor_id
        """,
        insurerId);
  }

  /**
   * Makes every pair of the insurer that it holds due again (the insurer's own included), as the
   * way its doctors are mapped changed: each is delivered again, mapped the new way. A pair an
   * attempt holds now was mapped the old way: its receipt leaves it due again ({@code remap}). The
   * pairs are locked first, in key order, as in {@link #releaseRetries}.
   *
   * @return how many pairs are due again
   */
  public int redeliverAll(String insurerId) {
    return jdbc.update(
        """
        with locked as materialized (
          select insurer_id, doctor_id from delivery
          where insurer_id = ?
            and (state = 'DELIVERED' or (state = 'PENDING' and lease_token is not null))
          order by insurer_id, doctor_id
          for update)
        update delivery d set
          state = 'PENDING',
          next_attempt_at = case when d.state = 'DELIVERED' then now() else d.next_attempt_at end,
          attempts = case when d.state = 'DELIVERED' then 0 else d.attempts end,
          remap = d.remap or d.lease_token is not null
        from locked l
        where d.insurer_id = l.insurer_id and d.doctor_id = l.doctor_id
        """,
        insurerId);
  }

  /** Schedules the next attempt after {@code delay}. */
  public void retryLater(DeliveryJob job, Duration delay, String error) {
    fenced(job, RETRY_LATER, delay.toMillis(), truncate(error));
  }

  /** Parks the pair with a dead letter an operator can read and replay. */
  public void deadLetter(DeliveryJob job, Integer status, String reason, String outcome) {
    tx.executeWithoutResult(
        s -> {
          boolean held =
              fenced(
                  job,
                  """
                  update delivery d set
                    state = case when wanted_version > ? then 'PENDING' else 'DEAD' end,
                    attempts = 0, lease_until = null, lease_token = null, last_error = ?
                  """,
                  job.wantedVersion(),
                  truncate(reason));
          if (held) {
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
          }
        });
  }

  /**
   * Marks an open dead letter replayed and makes its pair pending again, writing everything anew.
   *
   * @return the insurer to wake, or empty when there is no such open dead letter
   */
  public Optional<String> replay(long deadLetterId) {
    return jdbc
        .queryForList(
            """
            with letter as (
              update dead_letter set replayed_at = now()
              where id = ? and replayed_at is null
              returning insurer_id, doctor_id)
            update delivery d set state = 'PENDING', attempts = 0, next_attempt_at = now(),
                   lease_until = null, lease_token = null, enqueued_at = clock_timestamp(),
                   -- forget content fingerprints: a replay writes everything again
                   published = (select jsonb_object_agg(k, split_part(v, '#', 1))
                                from jsonb_each_text(d.published) as e(k, v))
            from letter where d.insurer_id = letter.insurer_id and d.doctor_id = letter.doctor_id
            returning d.insurer_id
            """,
            String.class,
            deadLetterId)
        .stream()
        .findFirst();
  }

  /**
   * Runs {@code update ... set ...} on the job's pair only while the job's claim still holds it.
   *
   * @return whether the claim held (and the outcome was recorded)
   */
  private boolean fenced(DeliveryJob job, String updateSet, Object... args) {
    Object[] all = Arrays.copyOf(args, args.length + 3);
    all[args.length] = job.insurerId();
    all[args.length + 1] = job.doctorId();
    all[args.length + 2] = job.lease().token();
    int changed =
        jdbc.update(
            updateSet + " where d.insurer_id = ? and d.doctor_id = ? and d.lease_token = ?", all);
    if (changed == 0) {
      lostClaim(job);
    }
    return changed > 0;
  }

  private static void lostClaim(DeliveryJob job) {
    log.warn(
        "Delivery of doctor {} to {} lost its claim before recording its outcome; the worker"
            + " that holds the pair now records its own",
        job.doctorId(),
        job.insurerId());
  }

  private DeliveryJob job(ResultSet rs, Lease lease) throws SQLException {
    return new DeliveryJob(
        rs.getString("insurer_id"),
        rs.getObject("doctor_id", UUID.class),
        rs.getLong("wanted_version"),
        rs.getInt("attempts"),
        fromJson(rs.getString("published")),
        lease,
        rs.getObject("calendar_delivered", Long.class),
        Optional.empty());
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
