package org.docport.hub.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.docport.hub.platform.PollingLoop;
import org.docport.hub.registry.DoctorChanged;
import org.docport.hub.registry.RegistryEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every doctor's slots current on every replica: drains the calendar queue (woken by a change
 * committed here, and every second regardless), each batch in one transaction with the claim, so a
 * crash leaves the doctors queued. Once a day, and at start-up, every doctor with an availability
 * is queued: generating again rolls the planning horizon forward and drops past slots, without
 * anyone acting.
 */
@Component
class CalendarWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CalendarWorker.class);
  private static final int BATCH = 20;
  private static final Duration POLL = Duration.ofSeconds(1);

  private final CalendarQueue queue;
  private final DoctorCalendars calendars;
  private final Slots slots;
  private final TransactionTemplate tx;
  private final Clock clock = Clock.systemUTC();
  private final PollingLoop loop = new PollingLoop("calendar-worker", 1, POLL, this::generateNext);

  CalendarWorker(
      CalendarQueue queue, DoctorCalendars calendars, Slots slots, TransactionTemplate tx) {
    this.queue = queue;
    this.calendars = calendars;
    this.slots = slots;
    this.tx = tx;
  }

  /** A profile change can move slots (a location removed, its country changed). */
  @EventListener
  void on(DoctorChanged change) {
    queue.enqueue(change.doctorId());
  }

  /**
   * A consent changed: the insurers that may see the doctor changed, and with them whose allotments
   * are honoured.
   */
  @EventListener
  void on(RegistryEvents.Recorded recorded) {
    if (recorded.kind() == RegistryEvents.Kind.CONSENT_CHANGED) {
      queue.enqueue(recorded.doctorId());
    }
  }

  /** Something was queued here: generate now rather than at the next poll. */
  @TransactionalEventListener(fallbackExecution = true)
  void on(CalendarsQueued queued) {
    loop.wake();
  }

  @EventListener(ApplicationReadyEvent.class)
  void begin() {
    roll();
    loop.start();
  }

  /** The day rolled over (UTC): every calendar moves one day ahead. */
  @Scheduled(cron = "${docport.calendar.roll-cron:0 5 0 * * *}", zone = "UTC")
  void roll() {
    try {
      log.info(
          "Calendars rolled: {} doctors queued, {} removed slots every insurer was told of"
              + " forgotten",
          queue.enqueueAll(),
          slots.forgetDeliveredRemovals());
    } catch (RuntimeException e) {
      log.warn("Rolling the calendars failed; the next roll tries again", e);
    }
  }

  /** Generates the next batch of queued doctors' slots; how many there were. */
  int generateNext() {
    Integer done =
        tx.execute(
            status -> {
              List<UUID> claimed = queue.claim(BATCH);
              claimed.forEach(doctorId -> calendars.regenerate(doctorId, clock.instant()));
              return claimed.size();
            });
    return done == null ? 0 : done;
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
