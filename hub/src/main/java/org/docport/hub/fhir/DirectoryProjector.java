package org.docport.hub.fhir;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drains the directory queue on every replica: woken when change capture queues doctors, and every
 * second regardless (another replica's changes, a retry after an error). Runs apart from delivery,
 * so a slow projection never holds up the connectors, and vice versa.
 */
@Component
public class DirectoryProjector implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DirectoryProjector.class);
  private static final int BATCH = 50;
  private static final Duration POLL = Duration.ofSeconds(1);

  private final DirectoryProjection projection;
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile Thread loop;

  DirectoryProjector(DirectoryProjection projection) {
    this.projection = projection;
  }

  /** Doctors were queued: project them now rather than at the next poll. */
  public void wake() {
    if (wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void begin() {
    Thread thread = new Thread(this::run, "directory-projector");
    thread.setDaemon(true);
    loop = thread;
    thread.start();
  }

  private void run() {
    while (loop == Thread.currentThread()) {
      try {
        if (projection.projectNext(BATCH) == 0) {
          wakeUp.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
          wakeUp.drainPermits();
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
    Thread thread = loop;
    loop = null;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }
}
