package org.docport.hub.cdc;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.docport.hub.platform.DatabaseEndpoint;
import org.docport.hub.sync.CapturedEvent;
import org.docport.hub.sync.SyncPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Captures registry events from PostgreSQL's write-ahead log with the Debezium embedded engine and
 * hands them to sync. The capture offset advances only after sync has persisted the deliveries a
 * batch makes due; a crash replays the batch. Only the replica holding the capture lock runs an
 * engine; the others stand by and take over when it dies.
 */
@Component
@EnableConfigurationProperties(CdcSettings.class)
public class ChangeCapture implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChangeCapture.class);

  /** Where this replica stands. */
  public enum Role {
    DISABLED,
    STANDBY,
    STARTING,
    CAPTURING,
    FAILED
  }

  private final CdcSettings settings;
  private final DatabaseEndpoint db;
  private final SyncPlanner sync;
  private final CaptureLeadership leadership;
  private final Timer captureLatency;
  private final ExecutorService engineThread =
      Executors.newSingleThreadExecutor(r -> daemon(r, "cdc-engine"));
  private final ExecutorService helperThread =
      Executors.newSingleThreadExecutor(r -> daemon(r, "cdc-catch-up"));
  private Thread leaderLoop;
  private volatile boolean running;
  private volatile Role role = Role.DISABLED;
  private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
  private volatile Instant lastActivity = Instant.now();
  private volatile Instant lastEventCommit;
  private volatile String lastError;

  ChangeCapture(CdcSettings settings, DatabaseEndpoint db, SyncPlanner sync, MeterRegistry meters) {
    this.settings = settings;
    this.db = db;
    this.sync = sync;
    this.leadership = new CaptureLeadership(db);
    this.captureLatency =
        Timer.builder("docport.cdc.capture.latency")
            .description("Registry commit to sync persisted, per captured event")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
    meters.gauge("docport.cdc.idle.seconds", this, c -> c.secondsSinceActivity());
  }

  @Override
  public void start() {
    if (!settings.enabled()) {
      role = Role.DISABLED;
      return;
    }
    running = true;
    role = Role.STANDBY;
    leaderLoop = new Thread(this::lead, "cdc-leader");
    leaderLoop.setDaemon(true);
    leaderLoop.start();
  }

  private void lead() {
    int failures = 0;
    while (running) {
      try {
        boolean leader = leadership.tryLead();
        if (leader && engine == null) {
          failures = role == Role.FAILED ? failures + 1 : 0;
          if (failures > 0) {
            // A failing engine (database down, slot in use) is retried with a growing pause.
            TimeUnit.SECONDS.sleep(Math.min(30, 1L << Math.min(failures, 5)));
          }
          startEngine();
        } else if (!leader && engine != null) {
          log.warn("Lost the capture lock; stopping change capture");
          stopEngine();
          role = Role.STANDBY;
        }
        TimeUnit.MILLISECONDS.sleep(settings.leaderCheckInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Change capture leadership check failed", e);
      }
    }
  }

  private void startEngine() {
    role = Role.STARTING;
    lastError = null;
    lastActivity = Instant.now();
    log.info("Holding the capture lock: starting change capture (slot {})", settings.slotName());
    DebeziumEngine<RecordChangeEvent<SourceRecord>> created =
        DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
            .using(DebeziumProperties.of(db, settings))
            .using(
                new DebeziumEngine.ConnectorCallback() {
                  @Override
                  public void taskStarted() {
                    role = Role.CAPTURING;
                    lastActivity = Instant.now();
                    helperThread.execute(ChangeCapture.this::catchUp);
                  }
                })
            .using(this::engineStopped)
            .notifying(this::handleBatch)
            .build();
    engine = created;
    engineThread.execute(created);
  }

  private void catchUp() {
    try {
      sync.catchUp();
    } catch (RuntimeException e) {
      log.error("Catching up on registry events failed; the next engine start tries again", e);
    }
  }

  private void engineStopped(boolean success, String message, Throwable error) {
    if (!running) {
      return;
    }
    lastError = error != null ? error.toString() : message;
    log.error("Change capture engine stopped: {}", message, error);
    role = Role.FAILED;
    engine = null; // the leader loop starts a new one; it resumes from the committed offset
  }

  private void handleBatch(
      List<RecordChangeEvent<SourceRecord>> records,
      DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
      throws InterruptedException {
    lastActivity = Instant.now();
    List<CapturedEvent> events = new ArrayList<>();
    for (RecordChangeEvent<SourceRecord> record : records) {
      OutboxRecords.parse(record.record()).ifPresent(events::add);
    }
    sync.plan(events);
    long now = System.currentTimeMillis();
    for (CapturedEvent event : events) {
      captureLatency.record(Duration.ofMillis(Math.max(0, now - event.committedAtMillis())));
      lastEventCommit = Instant.ofEpochMilli(event.committedAtMillis());
    }
    for (RecordChangeEvent<SourceRecord> record : records) {
      committer.markProcessed(record);
    }
    committer.markBatchFinished();
  }

  private void stopEngine() {
    DebeziumEngine<RecordChangeEvent<SourceRecord>> current = engine;
    engine = null;
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        log.warn("Closing the capture engine failed", e);
      }
    }
  }

  /** A snapshot of this replica's capture state, for health and the operator API. */
  public Status status() {
    return new Status(role, secondsSinceActivity(), lastEventCommit, lastError);
  }

  /**
   * @param idleSeconds seconds since the engine last did anything (events or heartbeats)
   */
  public record Status(Role role, double idleSeconds, Instant lastEventCommit, String lastError) {}

  /** The engine should hear a heartbeat at least this often while it is alive. */
  Duration stallThreshold() {
    return settings.heartbeatInterval().multipliedBy(3).plusSeconds(30);
  }

  private double secondsSinceActivity() {
    return Duration.between(lastActivity, Instant.now()).toMillis() / 1000.0;
  }

  @Override
  public void stop() {
    running = false;
    if (leaderLoop != null) {
      leaderLoop.interrupt();
    }
    stopEngine();
    leadership.release();
    engineThread.shutdown();
    helperThread.shutdown();
    try {
      engineThread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    role = Role.DISABLED;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts after the web server and the delivery lanes, stops before them. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
