package org.docport.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One day of leave on its way to the insurers: the day's slots each insurer has yet to hold as
 * {@code busy-unavailable}, and the moment (epoch micros) the last of them arrived there. Insurers
 * are numbered as the stack lists them; each one's simulator tells this from its own writing thread
 * ({@link SlotFeed}).
 */
final class LeaveWatch {

  final UUID doctorId;
  final LocalDate day;
  final int slots;
  private final List<Set<String>> waiting = new ArrayList<>();
  private final AtomicLongArray arrived;
  private volatile long answeredMicros;
  private volatile long putMicros;

  /**
   * @param slotKeys the day's slots as the simulators log them: {@code system|value} of the slot's
   *     business identifier
   */
  LeaveWatch(UUID doctorId, LocalDate day, Collection<String> slotKeys, int insurers) {
    this.doctorId = doctorId;
    this.day = day;
    this.slots = slotKeys.size();
    for (int i = 0; i < insurers; i++) {
      Set<String> keys = ConcurrentHashMap.newKeySet();
      keys.addAll(slotKeys);
      waiting.add(keys);
    }
    this.arrived = new AtomicLongArray(insurers);
  }

  /** The insurer committed the slot as busy-unavailable at {@code micros}. */
  void arrived(int insurer, String slotKey, long micros) {
    Set<String> keys = waiting.get(insurer);
    if (keys.remove(slotKey) && keys.isEmpty()) {
      arrived.set(insurer, micros);
    }
  }

  /** The hub answered the leave's PUT at {@code micros}, after {@code putMicros}. */
  void answered(long micros, long putMicros) {
    this.answeredMicros = micros;
    this.putMicros = putMicros;
  }

  long putMicros() {
    return putMicros;
  }

  boolean arrivedEverywhere() {
    for (int i = 0; i < arrived.length(); i++) {
      if (arrived.get(i) == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Micros from the PUT's answer until the insurer held the whole day busy (negative: before the
   * client had the answer), or null if it never did.
   */
  Long latency(int insurer) {
    long at = arrived.get(insurer);
    return at == 0 ? null : at - answeredMicros;
  }

  /** Until the last insurer held it, or null if one never did. */
  Long latencyEverywhere() {
    long last = 0;
    for (int i = 0; i < arrived.length(); i++) {
      if (arrived.get(i) == 0) {
        return null;
      }
      last = Math.max(last, arrived.get(i));
    }
    return last - answeredMicros;
  }
}
