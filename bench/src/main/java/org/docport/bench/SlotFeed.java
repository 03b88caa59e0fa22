package org.docport.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.docport.insurersim.InsurerServer;
import org.docport.insurersim.WriteLogEntry;
import org.hl7.fhir.r4.model.Slot;

/**
 * What one insurer simulator commits of slots, seen at the commit itself ({@link
 * InsurerServer#onCommit}, on the simulator's writing thread): slot writes counted by kind, commits
 * that carried slots, the moment of the latest; and the leave days awaited ({@link LeaveWatch}),
 * told each of their slots the simulator commits as {@code busy-unavailable}. Nothing polls the
 * store, and the moment of arrival is the commit's, to the microsecond.
 */
final class SlotFeed implements Consumer<List<WriteLogEntry>> {

  /** The system of a DocPort slot's business identifier. */
  static final String SLOT_SYSTEM = "https://docport.org/fhir/sid/slot";

  /** Slot writes and slot-carrying commits so far, and the last of them (epoch micros). */
  record Counts(
      long created, long updated, long deleted, long commits, long bundles, long lastMicros) {

    long writes() {
      return created + updated + deleted;
    }

    /** What happened since {@code before}; the last commit stays as it is. */
    Counts since(Counts before) {
      return new Counts(
          created - before.created,
          updated - before.updated,
          deleted - before.deleted,
          commits - before.commits,
          bundles - before.bundles,
          lastMicros);
    }
  }

  private final InsurerServer sim;
  private final int insurer;
  private final Map<String, LeaveWatch> awaited;
  private final AtomicLong created = new AtomicLong();
  private final AtomicLong updated = new AtomicLong();
  private final AtomicLong deleted = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private volatile long lastMicros;

  /**
   * Listens to {@code sim}, insurer number {@code insurer} of the leave watches in {@code awaited}
   * (by slot key, {@code system|value}).
   */
  SlotFeed(InsurerServer sim, int insurer, Map<String, LeaveWatch> awaited) {
    this.sim = sim;
    this.insurer = insurer;
    this.awaited = awaited;
    sim.onCommit(this);
  }

  /** A feed per simulator, all sharing one map of awaited leave days. */
  static List<SlotFeed> listen(List<InsurerServer> sims, Map<String, LeaveWatch> awaited) {
    return java.util.stream.IntStream.range(0, sims.size())
        .mapToObj(i -> new SlotFeed(sims.get(i), i, awaited))
        .toList();
  }

  static String key(String slotId) {
    return SLOT_SYSTEM + "|" + slotId;
  }

  @Override
  public void accept(List<WriteLogEntry> entries) {
    long now = Clocks.epochMicros();
    boolean slots = false;
    for (WriteLogEntry entry : entries) {
      if (!entry.resourceType().equals("Slot")) {
        continue;
      }
      slots = true;
      switch (entry.operation()) {
        case CREATE -> created.incrementAndGet();
        case UPDATE -> updated.incrementAndGet();
        case DELETE -> deleted.incrementAndGet();
      }
      LeaveWatch leave = entry.identifier() == null ? null : awaited.get(entry.identifier());
      if (leave != null && entry.operation() != WriteLogEntry.Operation.DELETE && busy(entry)) {
        leave.arrived(insurer, entry.identifier(), now);
      }
    }
    if (slots) {
      commits.incrementAndGet();
      lastMicros = now;
    }
  }

  private boolean busy(WriteLogEntry entry) {
    return sim.written(entry, Slot.class)
        .map(slot -> slot.getStatus() == Slot.SlotStatus.BUSYUNAVAILABLE)
        .orElse(false);
  }

  Counts counts() {
    return new Counts(
        created.get(),
        updated.get(),
        deleted.get(),
        commits.get(),
        sim.transactionCount(),
        lastMicros);
  }
}
