package org.docport.connectors.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.docport.connectors.RunReport;
import org.docport.connectors.RunRequest;
import org.docport.connectors.ScheduledRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of one insurer whose kind sends changes in batches, each when its schedule says, and on
 * demand. One thread per insurer, so its runs never overlap (a full roster and a delta would
 * otherwise race for the same pairs), and each run's next time is worked out when it ends, so a run
 * that outlasts its interval skips the times it missed instead of piling up.
 *
 * <p>Every replica of the hub keeps every insurer's schedule; a scheduled run goes only where it is
 * {@link RunClaim taken} first, so each comes due once, whichever replica sends it. A run on demand
 * ({@link #runNow}) is nobody else's and is not claimed.
 */
final class ScheduledInsurer implements InsurerDriver {

  private static final Logger log = LoggerFactory.getLogger(ScheduledInsurer.class);

  private final String insurerId;
  private final List<ScheduledRun> runs;
  private final Function<RunRequest, RunReport> run;
  private final RunClaim claim;
  private final Clock clock;
  private final ScheduledExecutorService thread;

  /** Takes a scheduled run for this replica; false when another replica took it first. */
  @FunctionalInterface
  interface RunClaim {
    boolean claim(String insurerId, String run, Instant dueAt);
  }

  ScheduledInsurer(
      String insurerId,
      List<ScheduledRun> runs,
      Function<RunRequest, RunReport> run,
      RunClaim claim,
      Clock clock) {
    this.insurerId = insurerId;
    this.runs = List.copyOf(runs);
    this.run = run;
    this.claim = claim;
    this.clock = clock;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "runs-" + insurerId);
              t.setDaemon(true);
              return t;
            });
  }

  ScheduledInsurer start() {
    runs.forEach(run -> scheduleNext(run, null));
    return this;
  }

  List<ScheduledRun> runs() {
    return runs;
  }

  /**
   * Schedules the run's next time after now, and after {@code lastDue}: a timer that fires a moment
   * early (the delay is whole milliseconds) must not find the time it just ran due again.
   */
  private void scheduleNext(ScheduledRun scheduled, ZonedDateTime lastDue) {
    ZonedDateTime now = ZonedDateTime.now(clock);
    ZonedDateTime after = lastDue != null && lastDue.isAfter(now) ? lastDue : now;
    scheduled
        .next(after)
        .ifPresent(
            at -> {
              try {
                thread.schedule(
                    () -> {
                      runIfTaken(scheduled.run(), at.toInstant());
                      scheduleNext(scheduled, at);
                    },
                    Math.max(0, Duration.between(now, at).toMillis()),
                    TimeUnit.MILLISECONDS);
              } catch (RejectedExecutionException e) {
                // closed meanwhile
              }
            });
  }

  private void runIfTaken(String name, Instant dueAt) {
    try {
      if (!claim.claim(insurerId, name, dueAt)) {
        log.debug("Run {} of {} due at {} was taken by another replica", name, insurerId, dueAt);
        return;
      }
      RunReport report = run.apply(new RunRequest(insurerId, name));
      log.info("Run {} of {}: {} ({} files)", name, insurerId, report.outcome(), report.files());
    } catch (RuntimeException e) {
      log.warn("Run {} of {} failed: {}", name, insurerId, e.getMessage());
    }
  }

  /** Runs {@code name} now, after any run in progress, and answers what it sent. */
  RunReport runNow(String name) {
    Future<RunReport> report = thread.submit(() -> run.apply(new RunRequest(insurerId, name)));
    try {
      return report.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + name, e);
    }
  }

  @Override
  public void wake() {
    // Changes wait for the next run.
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
