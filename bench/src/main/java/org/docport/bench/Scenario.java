package org.docport.bench;

import java.util.Map;

/** One benchmark: runs against a fresh stack and puts its figures into the report. */
interface Scenario {

  String name();

  /** PostgreSQL settings this benchmark needs beyond the stack's own (none by default). */
  default Map<String, String> databaseSettings() {
    return Map.of();
  }

  void run(BenchStack stack, Options options, Report report) throws Exception;
}
