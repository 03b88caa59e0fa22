package org.docport.hub.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.delivery.DeliveryStore;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.delivery.InsurerConnections;
import org.docport.hub.fhir.DirectoryProjection;
import org.docport.hub.fhir.DirectoryProjector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns captured registry events into pending deliveries. For each changed doctor, one pending
 * delivery per insurer that may see the doctor ({@link InsurerVisibility}), carrying the doctor's
 * current version and the doctor's calendar's; a burst of edits to one doctor coalesces into one
 * delivery (newest version wins), and an older version never replaces a newer one. For each changed
 * insurer that sees a doctor, one pending delivery of the insurer's own resources ({@link
 * DeliveryJob#INSURERS_OWN}), carrying its profile's version, under the same rules. Runs in one
 * transaction per batch, before the capture offset is committed, so a crash replays the batch and
 * the upsert makes the replay harmless.
 */
@Component
public class SyncPlanner {

  private static final Duration VISIBILITY_WAIT = Duration.ofSeconds(10);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final InsurerConnections connections;
  private final InsurerVisibility visibility;
  private final DeliveryStore deliveries;
  private final DirectoryProjection projection;
  private final DirectoryProjector directory;

  SyncPlanner(
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      InsurerConnections connections,
      InsurerVisibility visibility,
      DeliveryStore deliveries,
      DirectoryProjection projection,
      DirectoryProjector directory) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.connections = connections;
    this.visibility = visibility;
    this.deliveries = deliveries;
    this.projection = projection;
    this.directory = directory;
  }

  /** Persists the deliveries a batch of events makes due, then wakes the insurers' lanes. */
  public void plan(Collection<CapturedEvent> events) {
    plan(events, VISIBILITY_WAIT);
  }

  void plan(Collection<CapturedEvent> events, Duration visibilityWait) {
    if (events.isEmpty()) {
      return;
    }
    awaitVisible(events, visibilityWait);
    Set<UUID> doctors = new LinkedHashSet<>();
    Map<String, Long> changedInsurers = new LinkedHashMap<>();
    long lastEventId = 0;
    for (CapturedEvent event : events) {
      if (event.insurerChange()) {
        changedInsurers.merge(event.insurerId(), event.doctorVersion(), Math::max);
      } else {
        doctors.add(event.doctorId());
      }
      lastEventId = Math.max(lastEventId, event.id());
    }
    long checkpoint = lastEventId;
    List<String> insurers = tx.execute(s -> persist(doctors, changedInsurers, checkpoint));
    connections.wake(insurers);
    directory.wake();
  }

  /**
   * Logical decoding can hand over a commit a moment before the committing transaction is visible
   * to other sessions (PostgreSQL writes the commit record before it leaves the proc array).
   * Planned then, the batch would read the registry as it was before the change, find no new
   * consent, and still move the checkpoint on: the change would be lost. So planning waits until
   * the events' own outbox rows are visible, which makes everything their transactions wrote
   * visible too.
   */
  private void awaitVisible(Collection<CapturedEvent> events, Duration wait) {
    Long[] ids = events.stream().map(CapturedEvent::id).distinct().toArray(Long[]::new);
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Integer visible =
          jdbc.queryForObject(
              "select count(*) from registry_event where id = any(?)", Integer.class, (Object) ids);
      if (visible != null && visible == ids.length) {
        return;
      }
      if (System.nanoTime() > deadline) {
        // The engine stops, restarts from the last committed offset and hands the batch over again.
        throw new IllegalStateException(
            (ids.length - (visible == null ? 0 : visible))
                + " captured registry events are not visible after "
                + wait
                + "; not planning the batch");
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for captured events", e);
      }
    }
  }

  /**
   * Plans every event recorded after the checkpoint: covers changes committed before change capture
   * first created its replication slot.
   */
  public void catchUp() {
    long checkpoint =
        jdbc.queryForObject("select last_event_id from sync_checkpoint where id = 1", Long.class);
    List<CapturedEvent> missed =
        jdbc.query(
            """
            select id, doctor_id, doctor_version, insurer_id,
                   (extract(epoch from occurred_at) * 1000)::bigint as at
            from registry_event where id > ? order by id
            """,
            (rs, n) ->
                new CapturedEvent(
                    rs.getLong(1),
                    rs.getObject(2, UUID.class),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getLong(5)),
            checkpoint);
    plan(missed);
  }

  private List<String> persist(
      Set<UUID> doctors, Map<String, Long> changedInsurers, long lastEventId) {
    projection.enqueue(doctors);
    List<DeliveryStore.Wanted> wanted = new ArrayList<>();
    visibility.flowsOf(doctors).stream()
        .map(
            f ->
                new DeliveryStore.Wanted(
                    f.insurerId(), f.doctorId(), f.version(), f.calendarVersion()))
        .forEach(wanted::add);
    // What an insurer publishes of itself goes out only while it sees a doctor; the delivery
    // checks again when it runs, and a doctor's first delivery carries it anyway.
    Map<String, Long> seeing = new LinkedHashMap<>(changedInsurers);
    seeing.keySet().removeIf(insurer -> !visibility.seesAnyDoctor(insurer));
    projection.enqueueInsurers(seeing.keySet());
    seeing.forEach(
        (insurer, version) ->
            wanted.add(new DeliveryStore.Wanted(insurer, DeliveryJob.INSURERS_OWN, version)));
    List<String> insurers = deliveries.enqueue(wanted);
    jdbc.update(
        "update sync_checkpoint set last_event_id = greatest(last_event_id, ?) where id = 1",
        lastEventId);
    return insurers;
  }
}
