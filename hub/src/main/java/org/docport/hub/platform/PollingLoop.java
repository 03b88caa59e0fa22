package org.docport.hub.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that drain a queue in the database: each runs {@code step} (which does a batch and says
 * how many it did) until it finds nothing, then waits for {@link #wake()} or the poll interval,
 * whichever comes first. A failed step is logged and tried again after the interval; what it had
 * claimed stays queued, since a step claims and works in one transaction.
 */
public final class PollingLoop {

  private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

  private final String name;
  private final int threads;
  private final Duration poll;
  private final IntSupplier step;
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile List<Thread> loops = List.of();

  /**
   * @param name the threads' name, numbered ({@code name-0}), and what the log calls the work
   */
  public PollingLoop(String name, int threads, Duration poll, IntSupplier step) {
    this.name = name;
    this.threads = Math.max(1, threads);
    this.poll = poll;
    this.step = step;
  }

  /** There is work: every waiting thread takes it up now rather than at its next poll. */
  public void wake() {
    if (wakeUp.availablePermits() < threads) {
      wakeUp.release(threads);
    }
  }

  public void start() {
    List<Thread> started = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread thread = new Thread(this::run, name + "-" + i);
      thread.setDaemon(true);
      started.add(thread);
    }
    loops = List.copyOf(started);
    started.forEach(Thread::start);
  }

  private void run() {
    while (loops.contains(Thread.currentThread())) {
      try {
        if (step.getAsInt() == 0) {
          wakeUp.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("{} failed; what was queued stays queued", name, e);
        try {
          Thread.sleep(poll.toMillis());
        } catch (InterruptedException stopped) {
          return;
        }
      }
    }
  }

  /** Stops the threads, waiting up to 5 s for each to finish its step. */
  public void stop() {
    List<Thread> running = loops;
    loops = List.of();
    running.forEach(Thread::interrupt);
    for (Thread thread : running) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  public boolean isRunning() {
    return !loops.isEmpty();
  }
}
