package org.docport.connectors.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.DeliveryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records receipts the way a database commits a group: a receipt that arrives while another
 * worker's statement runs waits, and the next statement records every receipt that waited, in one
 * statement and one transaction ({@link DeliveryStore#delivered(List)}). Alone, a receipt is
 * written at once; under load, one statement and one commit serve many deliveries. A worker returns
 * only once its own receipt is recorded (or failed), so nothing is taken as delivered before it is
 * durable, and its claim holds the pair until then.
 */
final class GroupedReceipts {

  private static final Logger log = LoggerFactory.getLogger(GroupedReceipts.class);

  /** A worker's receipt, and how recording it ended. */
  private static final class Waiting {
    final DeliveryStore.Receipted receipt;
    boolean done;
    boolean held;
    RuntimeException failure;

    Waiting(DeliveryStore.Receipted receipt) {
      this.receipt = receipt;
    }
  }

  private final DeliveryStore store;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition written = lock.newCondition();
  private List<Waiting> queue = new ArrayList<>();
  private boolean writing;

  GroupedReceipts(DeliveryStore store) {
    this.store = store;
  }

  /**
   * Records that the insurer holds what the job delivered, with whichever receipts arrive
   * meanwhile.
   *
   * @return false when the job's claim no longer held the pair (nothing was recorded)
   * @throws RuntimeException what the store threw; the pair's claim then runs out and it is retried
   */
  boolean delivered(DeliveryJob job, DeliveryResult.Delivered result) {
    Waiting mine = new Waiting(new DeliveryStore.Receipted(job, result));
    lock.lock();
    try {
      queue.add(mine);
      while (!mine.done) {
        if (writing) {
          written.awaitUninterruptibly();
          continue;
        }
        writing = true;
        List<Waiting> group = queue;
        queue = new ArrayList<>();
        lock.unlock();
        try {
          write(group);
        } finally {
          lock.lock();
          writing = false;
          written.signalAll();
        }
      }
    } finally {
      lock.unlock();
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.held;
  }

  /** How many receipts wait for the next statement. */
  int waiting() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** One statement for the group; should it fail, each receipt alone, so one cannot sink all. */
  private void write(List<Waiting> group) {
    try {
      Set<DeliveryStore.Pair> held = store.delivered(group.stream().map(w -> w.receipt).toList());
      group.forEach(w -> w.held = held.contains(DeliveryStore.Pair.of(w.receipt.job())));
    } catch (RuntimeException e) {
      if (group.size() == 1) {
        group.get(0).failure = e;
      } else {
        log.warn("Recording {} receipts together failed; recording each alone", group.size(), e);
        for (Waiting w : group) {
          try {
            w.held = !store.delivered(List.of(w.receipt)).isEmpty();
          } catch (RuntimeException alone) {
            w.failure = alone;
          }
        }
      }
    } finally {
      group.forEach(w -> w.done = true);
    }
  }
}
