package org.docport.bench;

/** One benchmark: runs against a fresh stack and puts its figures into the report. */
interface Scenario {

  String name();

  void run(BenchStack stack, Options options, Report report) throws Exception;
}
