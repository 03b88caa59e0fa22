package org.docport.bench;

import static org.docport.bench.Benchmarks.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A paced (open-loop) load over a set of subjects, e.g. doctors: one call starts every 1/rate
 * seconds whatever the previous ones take, so a slow hub does not slow the schedule. A subject is
 * in one call at a time, and subjects come round in turn (in a random order), so calls on one
 * subject may carry state from one to the next (a version for If-Match).
 */
final class OpenLoop {

  /**
   * What the load did.
   *
   * @param results what each call returned (a null return is left out)
   * @param late calls not started: no idle subject within 1 s
   * @param failed calls that threw
   */
  record Outcome<R>(List<R> results, long late, long failed, double seconds) {}

  private OpenLoop() {}

  static <S, R> Outcome<R> pace(
      List<S> subjects, int rate, Duration duration, Function<S, R> call) {
    List<S> order = new ArrayList<>(subjects);
    Collections.shuffle(order);
    BlockingQueue<S> idle = new LinkedBlockingQueue<>(order);
    List<R> results = Collections.synchronizedList(new ArrayList<>());
    AtomicLong late = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ExecutorService workers = Executors.newFixedThreadPool(16, named("bench-load"));
    long total = rate * duration.toSeconds();
    long period = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long due = start + i * period;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      workers.execute(
          () -> {
            S subject = take(idle);
            if (subject == null) {
              late.incrementAndGet();
              return;
            }
            try {
              R result = call.apply(subject);
              if (result != null) {
                results.add(result);
              }
            } catch (RuntimeException e) {
              failed.incrementAndGet();
              log("paced call failed: %s", e.getMessage());
            } finally {
              idle.add(subject);
            }
          });
    }
    workers.shutdown();
    try {
      workers.awaitTermination(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Outcome<>(List.copyOf(results), late.get(), failed.get(), seconds);
  }

  private static <S> S take(BlockingQueue<S> idle) {
    try {
      return idle.poll(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Daemon threads named {@code prefix-1}, {@code prefix-2}, ... */
  static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicLong count = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
