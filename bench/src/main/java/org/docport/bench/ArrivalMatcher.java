package org.docport.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.bench.Arrivals.Arrival;
import org.docport.bench.Registry.Update;

/**
 * Matches the updates a client committed to the Practitioner writes that brought them to one
 * insurer.
 *
 * <p>With registry versions on the Practitioner, an update of version v arrived with the first
 * write for that doctor carrying version v or newer (newer: the update was coalesced into a later
 * one). Without them, the best available guess is the first write for that doctor after the PUT
 * answered.
 */
final class ArrivalMatcher {

  /**
   * @param exact updates whose own version was written
   * @param coalesced updates that arrived only as part of a newer version
   * @param missing updates with no write at or after them
   * @param beforeResponse updates whose write committed before the client had the PUT response
   *     (counted as 0 ms)
   * @param staleWrites writes that carried an older version than an earlier write for the doctor
   * @param byWindow latencies by window of commit time (window index from the first update)
   */
  record Outcome(
      Latencies latencies,
      java.util.SortedMap<Long, Latencies> byWindow,
      long exact,
      long coalesced,
      long missing,
      long beforeResponse,
      long staleWrites) {}

  private ArrivalMatcher() {}

  static Outcome match(
      List<Update> updates, List<Arrival> arrivals, boolean byVersion, long windowMicros) {
    long firstCommit = updates.stream().mapToLong(Update::committedMicros).min().orElse(0);
    java.util.SortedMap<Long, Latencies> byWindow = new java.util.TreeMap<>();
    Map<UUID, List<Arrival>> byDoctor = new HashMap<>();
    for (Arrival arrival : arrivals) {
      byDoctor.computeIfAbsent(arrival.doctorId(), d -> new ArrayList<>()).add(arrival);
    }
    Latencies latencies = new Latencies();
    long exact = 0;
    long coalesced = 0;
    long missing = 0;
    long early = 0;
    for (Update update : updates) {
      Arrival arrival =
          firstArrival(byDoctor.getOrDefault(update.doctorId(), List.of()), update, byVersion);
      if (arrival == null) {
        missing++;
        continue;
      }
      long micros = arrival.atMicros() - update.committedMicros();
      if (micros < 0) {
        early++;
      }
      latencies.record(micros);
      byWindow
          .computeIfAbsent(
              (update.committedMicros() - firstCommit) / windowMicros, w -> new Latencies())
          .record(micros);
      if (!byVersion || arrival.registryVersion() == update.version()) {
        exact++;
      } else {
        coalesced++;
      }
    }
    long stale = byVersion ? staleWrites(byDoctor) : 0;
    return new Outcome(latencies, byWindow, exact, coalesced, missing, early, stale);
  }

  private static Arrival firstArrival(List<Arrival> writes, Update update, boolean byVersion) {
    for (Arrival write : writes) {
      boolean brings =
          byVersion
              ? write.registryVersion() >= update.version()
              : write.atMicros() >= update.committedMicros();
      if (brings) {
        return write;
      }
    }
    return null;
  }

  private static long staleWrites(Map<UUID, List<Arrival>> byDoctor) {
    long stale = 0;
    for (List<Arrival> writes : byDoctor.values()) {
      long newest = Long.MIN_VALUE;
      for (Arrival write : writes) {
        if (write.registryVersion() < newest) {
          stale++;
        }
        newest = Math.max(newest, write.registryVersion());
      }
    }
    return stale;
  }
}
