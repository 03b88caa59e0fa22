package org.docport.connectors.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.docport.connectors.DeliveryJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One insurer's delivery loop: claims due pairs a worker pool's worth at a time, reads the registry
 * for them in one go, hands them to the workers, and sleeps until woken (new changes, a finished
 * attempt) or until the poll interval passes (retries coming due). While attempts run, their leases
 * are renewed every third of a lease, so a slow insurer never lets another worker claim a pair
 * whose write is still in flight. While the insurer's circuit is open, the lane claims nothing and
 * probes the insurer instead.
 */
final class InsurerLane implements InsurerDriver {

  private static final Logger log = LoggerFactory.getLogger(InsurerLane.class);

  /** How long the registry read ahead for a claim serves its jobs: about one delivery's time. */
  static final Duration READ_AHEAD_KEPT = Duration.ofMillis(50);

  private final String insurerId;
  private final DeliveryStore store;
  private final DeliveryDispatcher.Settings settings;
  private final InsurerCircuit circuit;
  private final Consumer<DeliveryJob> attempt;
  private final Supplier<Optional<String>> probe;
  private final Semaphore freeWorkers;
  private final Semaphore wakeUp = new Semaphore(0);
  private final ExecutorService workers;
  private final UnaryOperator<List<DeliveryJob>> readAhead;

  /** Claimed jobs, waiting for a worker or running, by doctor: one claim per pair at a time. */
  private final Map<UUID, DeliveryJob> inFlight = new ConcurrentHashMap<>();

  private final Thread loop;
  private final ScheduledFuture<?> renewal;
  private volatile boolean running = true;

  InsurerLane(
      String insurerId,
      DeliveryStore store,
      DeliveryDispatcher.Settings settings,
      InsurerCircuit circuit,
      Consumer<DeliveryJob> attempt,
      UnaryOperator<List<DeliveryJob>> readAhead,
      Supplier<Optional<String>> probe,
      ScheduledExecutorService renewals) {
    this.insurerId = insurerId;
    this.store = store;
    this.settings = settings;
    this.circuit = circuit;
    this.attempt = attempt;
    this.readAhead = readAhead;
    this.probe = probe;
    this.freeWorkers = new Semaphore(settings.workersPerInsurer());
    this.workers =
        Executors.newFixedThreadPool(
            settings.workersPerInsurer(),
            r -> {
              Thread t = new Thread(r, "deliver-" + insurerId);
              t.setDaemon(true);
              return t;
            });
    this.loop = new Thread(this::run, "lane-" + insurerId);
    this.loop.setDaemon(true);
    long every = Math.max(settings.lease().toMillis() / 3, 1);
    this.renewal =
        renewals.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
  }

  InsurerLane start() {
    loop.start();
    return this;
  }

  InsurerCircuit circuit() {
    return circuit;
  }

  @Override
  public void wake() {
    if (wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  private void run() {
    while (running) {
      try {
        if (!circuit.allowsDeliveries()) {
          // The insurer is down: nothing is claimed (the backlog spends no attempts) until a
          // trial finds it answering, which releases the whole backlog.
          if (circuit.trialPermitted()) {
            tryInsurer();
          }
          sleepUntilWoken(settings.probeInterval());
          continue;
        }
        // A worker pool's worth per claim, claimed as soon as the previous claim's jobs are all
        // handed out: while the workers run those, this claim and its read of the registry are
        // made, and its jobs wait for workers to free up. So one claim query and one read serve
        // many deliveries, and no worker waits for either. A job that waited longer than
        // READ_AHEAD_KEPT for its worker reads the registry again, so a pause or a withdrawn
        // consent during a long wait is seen (a paused insurer's job is given back untouched,
        // DeliveryResult.Held). Waiting jobs' leases are renewed like running ones.
        List<DeliveryJob> jobs =
            store.claim(insurerId, settings.workersPerInsurer(), settings.lease());
        handOut(jobs);
        if (jobs.isEmpty()) {
          sleepUntilWoken(settings.pollInterval());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Delivery lane of {} could not claim work; trying again", insurerId, e);
        sleepQuietly();
      }
    }
  }

  /**
   * Reads the registry for the claimed jobs and gives each to the next free worker. A job that
   * could not be handed out stops being renewed, so its lease runs out and the pair is claimed
   * again.
   */
  private void handOut(List<DeliveryJob> claimed) throws InterruptedException {
    claimed.forEach(job -> inFlight.put(job.doctorId(), job));
    int handedOut = 0;
    try {
      long readAt = System.nanoTime();
      List<DeliveryJob> jobs = claimed.isEmpty() ? claimed : readAhead.apply(claimed);
      for (DeliveryJob job : jobs) {
        freeWorkers.acquire();
        DeliveryJob handed =
            System.nanoTime() - readAt <= READ_AHEAD_KEPT.toNanos() ? job : job.withoutReadAhead();
        workers.execute(() -> runJob(handed, true));
        handedOut++;
      }
    } catch (RuntimeException e) {
      claimed.stream().skip(handedOut).forEach(job -> inFlight.remove(job.doctorId()));
      throw e;
    }
  }

  /** One trial of an insurer whose circuit is open: a waiting delivery, else a probe. */
  private void tryInsurer() {
    Optional<DeliveryJob> trial;
    try {
      trial = store.claimTrial(insurerId, settings.lease());
    } catch (RuntimeException e) {
      circuit.failed(0, e); // ignored by the breaker: gives the trial's permission back
      throw e;
    }
    if (trial.isPresent()) {
      runJob(trial.get(), false);
    } else {
      circuit.probe(probe);
    }
  }

  private void sleepUntilWoken(Duration atMost) throws InterruptedException {
    wakeUp.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
    wakeUp.drainPermits();
  }

  private void renewLeases() {
    try {
      store.renew(insurerId, List.copyOf(inFlight.values()), settings.lease());
    } catch (RuntimeException e) {
      // The local view of each lease keeps running out; writes stop before the database's would.
      log.warn("Could not renew the delivery leases of {}", insurerId, e);
    }
  }

  private void runJob(DeliveryJob job, boolean onWorker) {
    inFlight.put(job.doctorId(), job);
    try {
      attempt.accept(job);
    } catch (RuntimeException e) {
      // The store could not record the outcome; the lease runs out and the pair is retried.
      log.error("Could not record delivery of {} to {}", job.doctorId(), insurerId, e);
    } finally {
      inFlight.remove(job.doctorId());
      if (onWorker) {
        freeWorkers.release();
        wake();
      }
    }
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(settings.pollInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    renewal.cancel(false);
    loop.interrupt();
    workers.shutdown();
    try {
      workers.awaitTermination(30, TimeUnit.SECONDS);
      loop.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
