package org.docport.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

/** A latency distribution in microseconds, reported in milliseconds. */
final class Latencies {

  // Up to 10 minutes at three significant digits.
  private final Histogram histogram = new Histogram(600_000_000L, 3);

  void record(long micros) {
    histogram.recordValue(Math.max(0, Math.min(micros, histogram.getHighestTrackableValue())));
  }

  void add(Latencies other) {
    histogram.add(other.histogram);
  }

  long count() {
    return histogram.getTotalCount();
  }

  double millisAt(double percentile) {
    return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  double maxMillis() {
    return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
  }

  double meanMillis() {
    return count() == 0 ? Double.NaN : histogram.getMean() / 1000.0;
  }

  /** Cells: count, p50, p90, p99, max, mean (ms). */
  Object[] cells(String label) {
    return new Object[] {
      label, count(), millisAt(50), millisAt(90), millisAt(99), maxMillis(), meanMillis()
    };
  }

  static String[] headers(String first) {
    return new String[] {first, "n", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean ms"};
  }

  void into(ObjectNode record) {
    record.put("count", count());
    record.put("p50_ms", round(millisAt(50)));
    record.put("p90_ms", round(millisAt(90)));
    record.put("p99_ms", round(millisAt(99)));
    record.put("max_ms", round(maxMillis()));
    record.put("mean_ms", round(meanMillis()));
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
