package org.docport.hub.scheduling;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases holds that ran out, on every replica, every few seconds: the hold's end is in the
 * database, so a hold outlives a restart and is released after it. Booking does not wait for this
 * sweep: it releases a run-out hold on the time it books itself ({@link Appointments}).
 */
@Component
class HoldExpiry {

  private final Appointments appointments;
  private final Clock clock = Clock.systemUTC();

  HoldExpiry(Appointments appointments) {
    this.appointments = appointments;
  }

  @Scheduled(fixedDelayString = "${docport.calendar.hold-sweep:PT5S}")
  void sweep() {
    appointments.expireHolds(clock.instant());
  }
}
