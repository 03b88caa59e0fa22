package org.docport.hub.fhir;

import java.time.Duration;
import org.docport.hub.platform.PollingLoop;
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

  private static final int BATCH = 50;
  private static final Duration POLL = Duration.ofSeconds(1);

  private final PollingLoop loop;

  DirectoryProjector(
      DirectoryProjection projection,
      @Value("${docport.directory.projection-workers:2}") int workers) {
    this.loop =
        new PollingLoop("directory-projector", workers, POLL, () -> projection.projectNext(BATCH));
  }

  /** Doctors were queued: project them now rather than at the next poll. */
  public void wake() {
    loop.wake();
  }

  @EventListener(ApplicationReadyEvent.class)
  void begin() {
    loop.start();
  }

  @Override
  public void start() {}

  @Override
  public void stop() {
    loop.stop();
  }

  @Override
  public boolean isRunning() {
    return loop.isRunning();
  }
}
