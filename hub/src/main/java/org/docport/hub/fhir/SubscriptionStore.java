package org.docport.hub.fhir;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.docport.hub.fhir.SubscriptionRequests.NewSubscription;
import org.docport.hub.platform.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The insurers' subscriptions and the events recorded for them, with each one's notification state
 * (last event acknowledged, retries, the replica sending now), all in PostgreSQL so that a hub
 * restart loses nothing. Events are appended by the directory projection, in the transaction that
 * changes the insurer's view: what a subscriber is told is exactly what its view went through. The
 * only writer of {@code subscription} and {@code subscription_event}.
 */
@Component
class SubscriptionStore {

  /** A subscription's status, as FHIR names it. */
  enum Status {
    /** Created; the handshake has not succeeded yet. */
    REQUESTED,
    /** The handshake succeeded: events are sent. */
    ACTIVE,
    /** The endpoint failed for longer than the retry period; nothing more is sent. */
    ERROR,
    /** Its {@code end} has passed: nothing more is recorded or sent (Backport: {@code off}). */
    OFF;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Status of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  /** A subscription as stored; {@code secret} opened. */
  record Row(
      String id,
      String insurerId,
      String clientId,
      String topic,
      String filter,
      String reason,
      Status status,
      String endpoint,
      String content,
      List<String> headers,
      String secret,
      Integer heartbeatSeconds,
      String serverBase,
      long eventsSinceStart,
      long deliveredThrough,
      Instant failingSince,
      int attempts,
      String error,
      UUID leaseToken,
      Instant end) {}

  /**
   * Published once events were recorded and committed (or a subscription created): there is
   * something to send now, so senders need not wait for their next poll.
   */
  record SomethingToSend() {}

  /** One recorded event: a version of a resource in the insurer's view. */
  record Event(
      long number, String type, String resourceId, long version, boolean deleted, Instant at) {}

  private static final String ACTIVE_STATES = "('requested', 'active')";

  /** A subscription whose {@code end} has not come: it records and sends. */
  private static final String NOT_ENDED = " and (end_at is null or end_at > clock_timestamp())";

  /** The key of a transaction's pending changes among its synchronization resources. */
  private static final Object PENDING = new Object();

  private final JdbcTemplate jdbc;
  private final Secrets secrets;
  private final DirectoryQueries queries;
  private final ApplicationEventPublisher publisher;

  SubscriptionStore(
      JdbcTemplate jdbc,
      Secrets secrets,
      DirectoryQueries queries,
      ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.queries = queries;
    this.publisher = publisher;
  }

  String create(NewSubscription s, String insurerId, String clientId, String serverBase) {
    String id = UUID.randomUUID().toString();
    jdbc.update(
        """
        insert into subscription (id, insurer_id, client_id, topic, filter, reason, status,
          endpoint, content, headers, secret, heartbeat_seconds, server_base, end_at)
        values (?, ?, ?, ?, ?, ?, 'requested', ?, ?, ?, ?, ?, ?, ?)
        """,
        id,
        insurerId,
        clientId,
        s.topic(),
        s.filter(),
        s.reason(),
        s.endpoint(),
        s.content(),
        s.headers().toArray(String[]::new),
        secrets.seal(s.secret(), sealedAs(id)),
        s.heartbeatSeconds(),
        serverBase,
        s.end() == null ? null : Timestamp.from(s.end()));
    publisher.publishEvent(new SomethingToSend());
    return id;
  }

  /** The insurer's subscription; another insurer's is not found. */
  Optional<Row> find(String insurerId, String id) {
    return jdbc
        .query(
            "select * from subscription where insurer_id = ? and id = ?", this::row, insurerId, id)
        .stream()
        .findFirst();
  }

  List<Row> list(String insurerId) {
    return jdbc.query(
        "select * from subscription where insurer_id = ? order by created_at, id",
        this::row,
        insurerId);
  }

  /** Deletes the insurer's subscription and its events; false when it has no such one. */
  boolean delete(String insurerId, String id) {
    return jdbc.update("delete from subscription where insurer_id = ? and id = ?", insurerId, id)
        > 0;
  }

  /**
   * Appends an event to each of the insurer's live subscriptions whose topic covers the resource
   * and whose filter matches it, numbered after the subscription's last. Call in the transaction
   * that wrote or deleted the resource in the insurer's view, right after. The events are appended
   * when that transaction is about to commit, all together in one order (insurer, type, id; then
   * subscription): each subscription's row is locked to number its events, and two replicas
   * projecting at once then take those locks in the same order, never in a deadlock, and hold them
   * only for the commit. A resource changed twice in one transaction is one event, of its newest
   * version. A deletion matches a filtered subscription that was told about the resource before (a
   * deleted resource has nothing left to match a filter against).
   */
  void recordEvents(String insurerId, String type, String id) {
    if (SubscriptionTopics.forType(type).isEmpty()) {
      return;
    }
    Changed changed = new Changed(insurerId, type, id);
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      if (append(changed)) {
        publisher.publishEvent(new SomethingToSend());
      }
      return;
    }
    @SuppressWarnings("unchecked")
    Set<Changed> pending = (Set<Changed>) TransactionSynchronizationManager.getResource(PENDING);
    if (pending == null) {
      Set<Changed> batch = new TreeSet<>(Changed.ORDER);
      TransactionSynchronizationManager.bindResource(PENDING, batch);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            private boolean appended;

            @Override
            public void beforeCommit(boolean readOnly) {
              for (Changed each : batch) {
                appended |= append(each);
              }
            }

            @Override
            public void afterCommit() {
              if (appended) {
                publisher.publishEvent(new SomethingToSend());
              }
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
            }
          });
      pending = batch;
    }
    pending.add(changed);
  }

  /** A resource of an insurer's view that changed. */
  private record Changed(String insurerId, String type, String id) {
    static final Comparator<Changed> ORDER =
        Comparator.comparing(Changed::insurerId)
            .thenComparing(Changed::type)
            .thenComparing(Changed::id);
  }

  /** Whether an event was appended to any subscription. */
  private boolean append(Changed changed) {
    String insurerId = changed.insurerId();
    String type = changed.type();
    String id = changed.id();
    List<String[]> candidates =
        jdbc.query(
            "select id, filter from subscription where insurer_id = ? and topic = ?"
                + " and status in "
                + ACTIVE_STATES
                + NOT_ENDED
                + " order by id",
            (rs, n) -> new String[] {rs.getString(1), rs.getString(2)},
            insurerId,
            SubscriptionTopics.forType(type).orElseThrow().url());
    if (candidates.isEmpty()) {
      return false;
    }
    Boolean deleted =
        jdbc.query(
            "select deleted from (" + source(type) + ") r",
            rs -> rs.next() ? rs.getBoolean(1) : null,
            insurerId,
            type,
            id);
    if (deleted == null) {
      return false;
    }
    boolean appended = false;
    for (String[] candidate : candidates) {
      if (matches(candidate[0], candidate[1], insurerId, type, id, deleted)) {
        appended |= append(candidate[0], insurerId, type, id);
      }
    }
    return appended;
  }

  private boolean matches(
      String subscriptionId,
      String filter,
      String insurerId,
      String type,
      String id,
      boolean deleted) {
    if (filter == null) {
      return true;
    }
    if (deleted) {
      return Boolean.TRUE.equals(
          jdbc.queryForObject(
              "select exists (select 1 from subscription_event where subscription_id = ?"
                  + " and resource_type = ? and resource_id = ?)",
              Boolean.class,
              subscriptionId,
              type,
              id));
    }
    return SubscriptionFilters.matches(queries, insurerId, type, id, filter);
  }

  private boolean append(String subscriptionId, String insurerId, String type, String id) {
    // The row lock taken here numbers events one at a time, whichever replica projects.
    List<Long> number =
        jdbc.queryForList(
            "update subscription set events_since_start = events_since_start + 1,"
                + " updated_at = clock_timestamp() where id = ? and status in "
                + ACTIVE_STATES
                + NOT_ENDED
                + " returning events_since_start",
            Long.class,
            subscriptionId);
    if (number.isEmpty()) {
      return false;
    }
    return jdbc.update(
            """
        insert into subscription_event
          (subscription_id, event_number, resource_type, resource_id, version, deleted, at)
        select ?, ?, type, id, version, deleted, last_updated from (%s) r
        """
                .formatted(source(type)),
            subscriptionId,
            number.get(0),
            insurerId,
            type,
            id)
        > 0;
  }

  /**
   * The resource an event is of, as a relation {@code (type, id, version, deleted, last_updated)}
   * of at most one row, for the parameters insurer, type and id: the insurer's directory view, or
   * for the appointment topic the insurer's own appointment.
   */
  private static String source(String type) {
    return SubscriptionTopics.ofAppointments(type)
        ? "select 'Appointment' as type, id, version, false as deleted,"
            + " updated_at as last_updated from appointment"
            + " where insurer_id = ? and 'Appointment' = ? and id = ?"
        : "select type, id, version, deleted, last_updated from directory_resource"
            + " where insurer_id = ? and type = ? and id = ?";
  }

  /** Events {@code from} to {@code to} (inclusive), oldest first, at most {@code max}. */
  List<Event> events(String subscriptionId, long from, long to, int max) {
    return jdbc.query(
        """
        select event_number, resource_type, resource_id, version, deleted, at
        from subscription_event where subscription_id = ? and event_number between ? and ?
        order by event_number limit ?
        """,
        (rs, n) ->
            new Event(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getBoolean(5),
                rs.getTimestamp(6).toInstant()),
        subscriptionId,
        from,
        to,
        max);
  }

  /**
   * Takes one subscription that has something to send now (a handshake, events, a heartbeat due)
   * and no other replica is sending, for {@code leaseSeconds}. Its lease token must come back with
   * the outcome.
   */
  Optional<Row> claimDue(double leaseSeconds) {
    UUID token = UUID.randomUUID();
    return jdbc
        .query(
            """
            update subscription set lease_token = ?,
              lease_until = clock_timestamp() + make_interval(secs => ?)
            where id = (
              select id from subscription
              where status in ('requested', 'active')
                and (end_at is null or end_at > clock_timestamp())
                and (lease_until is null or lease_until < clock_timestamp())
                and (next_attempt_at is null or next_attempt_at <= clock_timestamp())
                and (status = 'requested' or delivered_through < events_since_start
                     or (heartbeat_seconds is not null and (last_sent_at is null
                         or last_sent_at + make_interval(secs => heartbeat_seconds)
                            <= clock_timestamp())))
              order by coalesce(next_attempt_at, updated_at) limit 1
              for update skip locked)
            returning *
            """,
            this::row,
            token,
            leaseSeconds)
        .stream()
        .findFirst();
  }

  /**
   * The endpoint acknowledged a notification: a handshake activates the subscription; events up to
   * {@code deliveredThrough} are done; the retry streak ends. Ignored when {@code claimed}'s lease
   * is no longer held (it ran out and another replica claimed the subscription), like {@link
   * #failed}: a replica that stalled past its lease never overrides the one that took over.
   */
  void sent(Row claimed, long deliveredThrough) {
    int updated =
        jdbc.update(
            """
        update subscription set status = case when status = 'requested' then 'active' else status end,
          delivered_through = greatest(delivered_through, ?), last_sent_at = clock_timestamp(),
          failing_since = null, attempts = 0, next_attempt_at = null, error = null,
          lease_token = null, lease_until = null, updated_at = clock_timestamp()
        where id = ? and lease_token = ?
        """,
            deliveredThrough,
            claimed.id(),
            claimed.leaseToken());
    if (updated == 0) {
      // The lease ended and another replica took the subscription over: its outcome counts.
      return;
    }
    jdbc.update(
        "update subscription_event set delivered = true"
            + " where subscription_id = ? and event_number <= ? and not delivered",
        claimed.id(),
        deliveredThrough);
  }

  /**
   * An attempt failed: the next one waits {@code retryAt}, or, once the endpoint has failed for the
   * whole retry period, the subscription goes to {@code error} and stops.
   */
  void failed(Row claimed, String problem, Instant retryAt, boolean givenUp) {
    jdbc.update(
        """
        update subscription set attempts = attempts + 1,
          failing_since = coalesce(failing_since, clock_timestamp()),
          next_attempt_at = ?,
          status = case when ? and status <> 'off' then 'error' else status end, error = ?,
          lease_token = null, lease_until = null, updated_at = clock_timestamp()
        where id = ? and lease_token = ?
        """,
        Timestamp.from(retryAt),
        givenUp,
        problem.length() > 1000 ? problem.substring(0, 1000) : problem,
        claimed.id(),
        claimed.leaseToken());
  }

  /**
   * Turns off the subscriptions whose {@code end} has passed (status {@code off}, as the Backport
   * IG names a subscription that no longer sends); answers how many. They stopped recording and
   * being claimed at the end itself; this makes their status say so. A send under way finishes, and
   * its outcome leaves the status {@code off}. One in {@code error} is turned off too: past its end
   * it is over, not waiting for its endpoint to be mended, and {@code off} says so.
   */
  int endExpired() {
    return jdbc.update(
        "update subscription set status = 'off', updated_at = clock_timestamp()"
            + " where status in ('requested', 'active', 'error')"
            + " and end_at <= clock_timestamp()");
  }

  private Row row(ResultSet rs, int n) throws SQLException {
    String id = rs.getString("id");
    Timestamp failingSince = rs.getTimestamp("failing_since");
    Timestamp end = rs.getTimestamp("end_at");
    return new Row(
        id,
        rs.getString("insurer_id"),
        rs.getString("client_id"),
        rs.getString("topic"),
        rs.getString("filter"),
        rs.getString("reason"),
        Status.of(rs.getString("status")),
        rs.getString("endpoint"),
        rs.getString("content"),
        strings(rs.getArray("headers")),
        secrets.open(rs.getString("secret"), sealedAs(id)),
        rs.getObject("heartbeat_seconds", Integer.class),
        rs.getString("server_base"),
        rs.getLong("events_since_start"),
        rs.getLong("delivered_through"),
        failingSince == null ? null : failingSince.toInstant(),
        rs.getInt("attempts"),
        rs.getString("error"),
        rs.getObject("lease_token", UUID.class),
        end == null ? null : end.toInstant());
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  /** What a sealed secret is bound to: copied to another subscription, it does not open. */
  private static String sealedAs(String subscriptionId) {
    return "subscription/" + subscriptionId + "/secret";
  }
}
