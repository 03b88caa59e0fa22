package org.docport.connectors.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.docport.connectors.RunReport;
import org.docport.connectors.RunRequest;
import org.docport.connectors.ScheduledRun;
import org.docport.connectors.delivery.RunLedger.HeldRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of one insurer whose kind sends changes in batches, each when its schedule says, and on
 * demand. One thread per insurer, so its runs never overlap (a full roster and a delta would
 * otherwise race for the same pairs), and each run's next time is worked out when it ends, so a run
 * that outlasts its interval skips the times it missed instead of piling up.
 *
 * <p>Every replica of the hub keeps every insurer's schedule; a scheduled run goes only where it is
 * {@link Runs#take taken} first, so each comes due once, whichever replica sends it. The replica
 * holds the run while it lasts and records how it ended. Every {@code hold}, each replica looks for
 * the insurer's runs that are not over and no longer held, and takes them over: one whose replica
 * died, or one that failed and whose backoff is over (the replica it failed on retries it then
 * itself, unless another is quicker). A run on demand ({@link #runNow}) is nobody else's and is not
 * taken.
 */
final class ScheduledInsurer implements InsurerDriver {

  private static final Logger log = LoggerFactory.getLogger(ScheduledInsurer.class);

  /** The ledger of scheduled runs that every replica shares ({@link RunLedger}). */
  interface Runs {
    /** Takes the run due at {@code dueAt}; empty when another replica took it first. */
    Optional<HeldRun> take(String insurerId, String run, Instant dueAt, Duration hold);

    /** Takes one of the named runs that is neither over nor held any more, if there is one. */
    Optional<HeldRun> takeOver(String insurerId, Collection<String> runs, Duration hold);

    /** Holds the run a while longer; false when it is no longer this holder's. */
    boolean renew(HeldRun run, Duration hold);

    void completed(HeldRun run);

    /** Holds the failed run until {@code retryIn} from now, when any replica may retry it. */
    void failed(HeldRun run, Duration retryIn, String error);
  }

  private final String insurerId;
  private final List<ScheduledRun> runs;
  private final Function<RunRequest, RunReport> run;
  private final Runs ledger;
  private final Backoff backoff;
  private final Duration hold;
  private final ScheduledExecutorService renewals;
  private final Clock clock;
  private final ScheduledExecutorService thread;

  /**
   * @param hold how long a replica holds a run it took without renewing it, and how often each
   *     replica looks for runs to take over
   * @param renewals where the holds of runs in progress are renewed
   */
  ScheduledInsurer(
      String insurerId,
      List<ScheduledRun> runs,
      Function<RunRequest, RunReport> run,
      Runs ledger,
      Backoff backoff,
      Duration hold,
      ScheduledExecutorService renewals,
      Clock clock) {
    this.insurerId = insurerId;
    this.runs = List.copyOf(runs);
    this.run = run;
    this.ledger = ledger;
    this.backoff = backoff;
    this.hold = hold;
    this.renewals = renewals;
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
    thread.scheduleWithFixedDelay(this::takeOver, 0, hold.toMillis(), TimeUnit.MILLISECONDS);
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
            at ->
                schedule(
                    () -> {
                      try {
                        runWhenDue(scheduled, at);
                      } finally {
                        scheduleNext(scheduled, at);
                      }
                    },
                    Duration.between(now, at)));
  }

  /**
   * Takes the run due at {@code dueAt} and runs it, unless another replica took it. When the ledger
   * cannot be reached, asks again after a hold, until the run's next time comes.
   */
  private void runWhenDue(ScheduledRun scheduled, ZonedDateTime dueAt) {
    Optional<HeldRun> held;
    try {
      held = ledger.take(insurerId, scheduled.run(), dueAt.toInstant(), hold);
    } catch (RuntimeException e) {
      ZonedDateTime retryAt = ZonedDateTime.now(clock).plus(hold);
      if (scheduled.next(dueAt).map(next -> next.isAfter(retryAt)).orElse(true)) {
        log.warn(
            "Could not take run {} of {} due at {}; asking again in {}: {}",
            scheduled.run(),
            insurerId,
            dueAt,
            hold,
            e.getMessage());
        schedule(() -> runWhenDue(scheduled, dueAt), hold);
      }
      return;
    }
    held.ifPresentOrElse(
        this::runHeld,
        () ->
            log.debug(
                "Run {} of {} due at {} was taken by another replica",
                scheduled.run(),
                insurerId,
                dueAt));
  }

  /**
   * Runs every run of this insurer that another replica left unfinished, or that is due a retry.
   */
  private void takeOver() {
    try {
      List<String> names = runs.stream().map(ScheduledRun::run).toList();
      for (Optional<HeldRun> held = ledger.takeOver(insurerId, names, hold);
          held.isPresent();
          held = ledger.takeOver(insurerId, names, hold)) {
        log.info(
            "Taking up run {} of {} due at {} (attempt {})",
            held.get().run(),
            insurerId,
            held.get().dueAt(),
            held.get().attempts());
        runHeld(held.get());
      }
    } catch (RuntimeException e) {
      log.warn("Could not look for runs of {} to take up: {}", insurerId, e.getMessage());
    }
  }

  /**
   * Runs a run this replica holds, renewing the hold meanwhile, and records how it ended: a failed
   * run is retried after a backoff, here or on whichever replica looks first.
   */
  private void runHeld(HeldRun held) {
    long every = Math.max(1, hold.toMillis() / 3);
    ScheduledFuture<?> renewal =
        renewals.scheduleWithFixedDelay(() -> renew(held), every, every, TimeUnit.MILLISECONDS);
    try {
      RunReport report = run.apply(new RunRequest(insurerId, held.run()));
      renewal.cancel(false);
      ledger.completed(held);
      log.info(
          "Run {} of {} due at {}: {} ({} files)",
          held.run(),
          insurerId,
          held.dueAt(),
          report.outcome(),
          report.files());
    } catch (RuntimeException e) {
      renewal.cancel(false);
      Duration retryIn = backoff.next(held.attempts(), Optional.empty());
      String error = e.getMessage() != null ? e.getMessage() : e.toString();
      log.warn(
          "Run {} of {} due at {} failed (attempt {}), retried in {}: {}",
          held.run(),
          insurerId,
          held.dueAt(),
          held.attempts(),
          retryIn,
          error);
      try {
        ledger.failed(held, retryIn, error);
        schedule(this::takeOver, retryIn);
      } catch (RuntimeException f) {
        // Its hold runs out instead, and the run is taken up then.
        log.warn(
            "Could not record that run {} of {} failed: {}", held.run(), insurerId, f.getMessage());
      }
    }
  }

  private void renew(HeldRun held) {
    try {
      if (!ledger.renew(held, hold)) {
        log.warn(
            "Run {} of {} due at {} is no longer this replica's: its hold ran out",
            held.run(),
            insurerId,
            held.dueAt());
      }
    } catch (RuntimeException e) {
      log.warn("Could not renew run {} of {}: {}", held.run(), insurerId, e.getMessage());
    }
  }

  private void schedule(Runnable task, Duration in) {
    try {
      thread.schedule(task, Math.max(0, in.toMillis()), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed meanwhile
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
