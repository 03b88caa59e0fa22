package org.docport.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.docport.testkit.HubProcess;

/** Samples the hub's VmRSS every 250 ms on a daemon thread, keeping the peak. */
final class RssSampler implements Runnable {

  private final HubProcess hub;
  private final AtomicLong peak = new AtomicLong();
  private final AtomicLong last = new AtomicLong();
  private final AtomicLong samples = new AtomicLong();
  private volatile boolean running = true;

  private RssSampler(HubProcess hub) {
    this.hub = hub;
  }

  /** A sampler already sampling, until {@link #stop()}. */
  static RssSampler start(HubProcess hub) {
    RssSampler sampler = new RssSampler(hub);
    Thread sampling = new Thread(sampler, "rss-sampler");
    sampling.setDaemon(true);
    sampling.start();
    return sampler;
  }

  @Override
  public void run() {
    while (running) {
      long rss = hub.residentBytes();
      last.set(rss);
      peak.accumulateAndGet(rss, Math::max);
      samples.incrementAndGet();
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  void stop() {
    running = false;
  }

  long peak() {
    return peak.get();
  }

  long last() {
    return last.get();
  }

  long samples() {
    return samples.get();
  }
}
