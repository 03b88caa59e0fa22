package org.docport.insurersim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The current fault plan: which status the next write requests answer instead of reaching the
 * store. Thread-safe without locks: the plan is an immutable value swapped by compare-and-set, so
 * "fail the next 3" fails exactly 3 requests however many arrive at once.
 */
final class Faults {

  private static final int UNLIMITED = -1;

  /**
   * @param remaining requests still to fail, or {@link #UNLIMITED}
   * @param until when the plan lapses, or {@code null} for never
   */
  private record Plan(int status, int remaining, Instant until) {}

  private final Clock clock;
  private final AtomicReference<Plan> plan = new AtomicReference<>();

  Faults(Clock clock) {
    this.clock = clock;
  }

  void failTimes(int status, int times) {
    plan.set(times > 0 ? new Plan(checked(status), times, null) : null);
  }

  void failFor(int status, Duration duration) {
    plan.set(new Plan(checked(status), UNLIMITED, clock.instant().plus(duration)));
  }

  void failAlways(int status) {
    plan.set(new Plan(checked(status), UNLIMITED, null));
  }

  void clear() {
    plan.set(null);
  }

  /** Claims the fault for one request: the status to answer with, or empty to let it through. */
  OptionalInt claim() {
    while (true) {
      Plan current = plan.get();
      if (current == null) {
        return OptionalInt.empty();
      }
      if (current.until() != null && !clock.instant().isBefore(current.until())) {
        plan.compareAndSet(current, null);
        continue;
      }
      if (current.remaining() == UNLIMITED) {
        return OptionalInt.of(current.status());
      }
      Plan next =
          current.remaining() == 1
              ? null
              : new Plan(current.status(), current.remaining() - 1, current.until());
      if (plan.compareAndSet(current, next)) {
        return OptionalInt.of(current.status());
      }
    }
  }

  private static int checked(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("A fault needs an error status (4xx/5xx), got " + status);
    }
    return status;
  }
}
