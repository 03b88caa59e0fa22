package org.docport.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.docport.testkit.HubClient;

/** Reads the hub's own Prometheus metrics, to split end-to-end figures into stages. */
final class HubMetrics {

  private HubMetrics() {}

  /**
   * Sample lines whose metric name starts with {@code prefix}, as name{labels} -> value; empty if
   * the endpoint cannot be read.
   */
  static Map<String, Double> scrape(HubClient operator, String prefix) {
    Map<String, Double> values = new LinkedHashMap<>();
    try {
      operator
          .text("/actuator/prometheus")
          .lines()
          .filter(l -> l.startsWith(prefix))
          .forEach(
              l -> {
                int space = l.lastIndexOf(' ');
                values.put(l.substring(0, space), Double.parseDouble(l.substring(space + 1)));
              });
    } catch (RuntimeException e) {
      return values;
    }
    return values;
  }
}
