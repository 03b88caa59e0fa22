package org.docport.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Puts a CPU breakdown into a report, as a table and a JSON line. */
final class CpuTable {

  private CpuTable() {}

  static void add(Report report, CpuUsage.Breakdown cpu, String window) {
    Table processes =
        new Table(
            String.format(
                "CPU by process over %s (%.1f s wall; 2 cores = 200%%)", window, cpu.wallSeconds()),
            "process",
            "cpu s",
            "% of one core");
    ObjectNode record = report.record("cpu");
    record.put("window", window);
    record.put("wall_s", Latencies.round(cpu.wallSeconds()));
    ObjectNode byProcess = record.putObject("processes_cpu_s");
    for (CpuUsage.Share share : cpu.processes()) {
      processes.add(share.name(), share.cpuSeconds(), share.percentOfCore());
      byProcess.put(share.name(), Latencies.round(share.cpuSeconds()));
    }
    report.table(processes);
    Table threads =
        new Table(
            "Hub threads by CPU over " + window + " (pool numbers shown as #)",
            "thread (first 15 chars)",
            "cpu s",
            "% of one core");
    ObjectNode byThread = record.putObject("hub_threads_cpu_s");
    for (CpuUsage.Share share : cpu.hubThreads()) {
      threads.add(share.name(), share.cpuSeconds(), share.percentOfCore());
      byThread.put(share.name(), Latencies.round(share.cpuSeconds()));
    }
    report.table(threads);
  }
}
