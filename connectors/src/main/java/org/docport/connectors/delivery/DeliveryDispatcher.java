package org.docport.connectors.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.DeliveryResult;
import org.docport.connectors.InsurerConnectors;
import org.docport.connectors.RejectedDeliveryException;
import org.docport.connectors.RetryableDeliveryException;
import org.docport.connectors.RunReport;
import org.docport.connectors.ScheduledRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs deliveries: one lane per insurer, each with its own worker threads, so a slow or failing
 * insurer never delays another. Within a lane, different doctors go in parallel while each
 * (insurer, doctor) pair has at most one attempt in flight. An insurer whose kind sends its pairs
 * in batches gets a schedule of runs instead of a lane ({@link #startScheduled}).
 */
public class DeliveryDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

  /**
   * Tuning of the lanes.
   *
   * @param workersPerInsurer parallel deliveries per insurer
   * @param pollInterval how often an idle lane looks for due retries without being woken
   * @param lease how long a claim holds before another worker may take the pair over; renewed while
   *     the attempt runs, so it must comfortably exceed one request to the insurer. A scheduled run
   *     is held as long, and each replica looks this often for runs to take up ({@link
   *     ScheduledInsurer})
   * @param probeInterval how often an insurer that stopped answering is asked whether it is back
   *     ({@link InsurerCircuit})
   */
  public record Settings(
      int workersPerInsurer, Duration pollInterval, Duration lease, Duration probeInterval) {}

  /** Where an insurer's circuit stands, as operators see it. */
  public enum Circuit {
    /** Deliveries run. */
    CLOSED,
    /** The insurer stopped answering: deliveries wait, and the insurer is probed. */
    OPEN,
    /** A probe is asking the insurer whether it is back. */
    HALF_OPEN
  }

  private final DeliveryStore store;
  private final InsurerConnectors connectors;
  private final Backoff backoff;
  private final Settings settings;
  private final GroupedReceipts receipts;
  private final Map<String, InsurerDriver> lanes = new ConcurrentHashMap<>();
  private final ScheduledExecutorService renewals =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "delivery-lease-renewal");
            t.setDaemon(true);
            return t;
          });

  public DeliveryDispatcher(
      DeliveryStore store, InsurerConnectors connectors, Backoff backoff, Settings settings) {
    this.store = store;
    this.connectors = connectors;
    this.backoff = backoff;
    this.settings = settings;
    this.receipts = new GroupedReceipts(store);
  }

  /**
   * Starts delivering to an insurer through a lane; a lane already running is left as it is, a
   * schedule of runs is replaced.
   */
  public synchronized void start(String insurerId) {
    if (!(lanes.get(insurerId) instanceof InsurerLane)) {
      stop(insurerId);
      InsurerCircuit circuit =
          new InsurerCircuit(insurerId, settings.probeInterval(), () -> releaseBacklog(insurerId));
      lanes.put(
          insurerId,
          new InsurerLane(
                  insurerId,
                  store,
                  settings,
                  circuit,
                  job -> attempt(job, circuit),
                  jobs -> connectors.readAhead(insurerId, jobs),
                  () -> connectors.connectionProblem(insurerId),
                  renewals)
              .start());
    }
  }

  /**
   * Starts sending to an insurer in the runs of a kind that sends in batches, each when its
   * schedule says; the same schedule already running is left as it is, anything else replaced.
   */
  public synchronized void startScheduled(String insurerId, List<ScheduledRun> runs) {
    if (lanes.get(insurerId) instanceof ScheduledInsurer s && s.runs().equals(runs)) {
      return;
    }
    stop(insurerId);
    lanes.put(
        insurerId,
        new ScheduledInsurer(
                insurerId,
                runs,
                connectors::run,
                store.runs(),
                backoff,
                settings.lease(),
                renewals,
                Clock.systemUTC())
            .start());
  }

  /**
   * Runs one of the insurer's batches now (after any run in progress) and answers what it sent.
   *
   * @throws IllegalStateException when the insurer has no schedule of runs here (its kind delivers
   *     per pair, or it is not connected)
   * @throws RetryableDeliveryException when the batch could not be sent; its pairs are due again
   */
  public RunReport runNow(String insurerId, String run) {
    if (lanes.get(insurerId) instanceof ScheduledInsurer s) {
      return s.runNow(run);
    }
    throw new IllegalStateException(
        "insurer " + insurerId + " has no runs here: its kind delivers each change on its own");
  }

  /** Stops delivering to an insurer; attempts in flight finish first. */
  public synchronized void stop(String insurerId) {
    InsurerDriver lane = lanes.remove(insurerId);
    if (lane != null) {
      lane.close();
    }
  }

  /** Tells the insurer's lane that deliveries may be due now. */
  public void wake(String insurerId) {
    InsurerDriver lane = lanes.get(insurerId);
    if (lane != null) {
      lane.wake();
    }
  }

  public void wakeAll() {
    lanes.values().forEach(InsurerDriver::wake);
  }

  /** Where the insurer's circuit stands; empty when no lane delivers to it. */
  public Optional<Circuit> circuit(String insurerId) {
    return lanes.get(insurerId) instanceof InsurerLane lane
        ? Optional.of(Circuit.valueOf(lane.circuit().state().name()))
        : Optional.empty();
  }

  /** The insurer answers again: every waiting change is due now, whatever its backoff said. */
  private void releaseBacklog(String insurerId) {
    int released = store.releaseRetries(insurerId);
    log.info("Released {} waiting deliveries to {}", released, insurerId);
    wake(insurerId);
  }

  /** One attempt at a claimed pair: deliver, then record the outcome durably. */
  public void attempt(DeliveryJob job) {
    attempt(job, null);
  }

  private void attempt(DeliveryJob job, InsurerCircuit circuit) {
    long start = System.nanoTime();
    try {
      DeliveryResult result = connectors.deliver(job);
      if (circuit != null) {
        circuit.succeeded(System.nanoTime() - start);
      }
      if (result instanceof DeliveryResult.Delivered delivered) {
        receipts.delivered(job, delivered);
      } else if (result instanceof DeliveryResult.Skipped skipped) {
        store.skipped(job, skipped.reason());
      } else if (result instanceof DeliveryResult.Held) {
        store.release(job);
      }
    } catch (RetryableDeliveryException | RejectedDeliveryException e) {
      if (circuit != null) {
        circuit.failed(System.nanoTime() - start, e);
      }
      record(job, e);
    } catch (RuntimeException e) {
      if (circuit != null) {
        // DocPort's own failure says nothing of the insurer: the breaker ignores it, and gives
        // back the trial's permission if this was one.
        circuit.failed(System.nanoTime() - start, e);
      }
      Duration wait = backoff.next(job.attempts(), Optional.empty());
      log.error(
          "Delivery of doctor {} to {} failed unexpectedly", job.doctorId(), job.insurerId(), e);
      store.retryLater(job, wait, e.toString());
    }
  }

  private void record(DeliveryJob job, RuntimeException failure) {
    if (failure instanceof RetryableDeliveryException e) {
      Duration wait = backoff.next(job.attempts(), e.retryAfter());
      log.info(
          "Delivery of doctor {} to {} will be retried in {}: {}",
          job.doctorId(),
          job.insurerId(),
          wait,
          e.getMessage());
      store.retryLater(job, wait, e.getMessage());
    } else if (failure instanceof RejectedDeliveryException e) {
      log.warn(
          "Insurer {} rejected doctor {} (HTTP {}): dead-lettered",
          job.insurerId(),
          job.doctorId(),
          e.status());
      store.deadLetter(
          job,
          e.status() == RejectedDeliveryException.NOT_HTTP ? null : e.status(),
          e.getMessage(),
          e.operationOutcome());
    }
  }

  @Override
  public void close() {
    List.copyOf(lanes.keySet()).forEach(this::stop);
    renewals.shutdownNow();
  }
}
