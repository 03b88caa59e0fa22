package org.docport.insurersim;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.docport.insurersim.WriteLogEntry.Operation;

/**
 * The ordered record of committed writes. The store appends under its write lock, so the order here
 * is the commit order; readers need no lock. The count is kept apart from the queue because
 * benchmarks poll it and a concurrent queue counts by walking itself.
 */
final class WriteLog {

  private final Queue<WriteLogEntry> entries = new ConcurrentLinkedQueue<>();
  private final AtomicInteger count = new AtomicInteger();

  WriteLogEntry record(StoredResource stored, Operation operation) {
    WriteLogEntry entry =
        new WriteLogEntry(
            stored.type(),
            stored.id(),
            stored.version(),
            stored.firstIdentifier(),
            operation,
            stored.lastUpdated());
    entries.add(entry);
    count.incrementAndGet();
    return entry;
  }

  List<WriteLogEntry> entries() {
    return List.copyOf(entries);
  }

  int count() {
    return count.get();
  }

  void clear() {
    entries.clear();
    count.set(0);
  }
}
