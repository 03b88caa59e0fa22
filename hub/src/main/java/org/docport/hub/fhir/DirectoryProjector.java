package org.docport.hub.fhir;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drains the directory queue on every replica: woken when change capture queues doctors, and every
 * second regardless (another replica's changes, a retry after an error). Runs apart from delivery,
 * so a slow projection never holds up the connectors, and vice versa.
 *
 * <p>Several workers (property {@code docport.directory.projection-workers}, 2 by default) drain
 * the queue side by side: each claims its own doctors ({@code for update skip locked}), and the
 * mapping of one batch overlaps the writes of another. {@link DirectoryProjection} keeps the shared
 * resources they both write correct.
 */
@Component
public class DirectoryProjector implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DirectoryProjector.class);
  private static final int BATCH = 50;
  private static final Duration POLL = Duration.ofSeconds(1);

  private final DirectoryProjection projection;
  private final int workers;
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile List<Thread> loops = List.of();

  DirectoryProjector(
      DirectoryProjection projection,
      @Value("${docport.directory.projection-workers:2}") int workers) {
    this.projection = projection;
    this.workers = Math.max(1, workers);
  }

  /** Doctors were queued: project them now rather than at the next poll. */
  public void wake() {
    if (wakeUp.availablePermits() < workers) {
      wakeUp.release(workers);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void begin() {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      Thread thread = new Thread(this::run, "directory-projector-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
    loops = List.copyOf(threads);
    threads.forEach(Thread::start);
  }

  private void run() {
    while (loops.contains(Thread.currentThread())) {
      try {
        if (projection.projectNext(BATCH) == 0) {
          wakeUp.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("Directory projection failed; the queued doctors stay queued", e);
        try {
          Thread.sleep(POLL.toMillis());
        } catch (InterruptedException stopped) {
          return;
        }
      }
    }
  }

  @Override
  public void start() {}

  @Override
  public void stop() {
    List<Thread> threads = loops;
    loops = List.of();
    threads.forEach(Thread::interrupt);
    for (Thread thread : threads) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public boolean isRunning() {
    return !loops.isEmpty();
  }
}
