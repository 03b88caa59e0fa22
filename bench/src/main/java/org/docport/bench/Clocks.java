package org.docport.bench;

import java.time.Instant;

/** Wall-clock time in microseconds: the resolution the insurer simulator stamps writes with. */
final class Clocks {

  private Clocks() {}

  static long epochMicros() {
    return micros(Instant.now());
  }

  static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }
}
