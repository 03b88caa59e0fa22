package org.docport.bench;

import static org.docport.bench.Benchmarks.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.docport.bench.BenchStack.Insurer;
import org.docport.bench.SlotTable.Row;

/**
 * Leave declared at a steady rate (issue 8, item 10: "leave declaration -> slots busy-unavailable
 * at 3 insurers, p99 <= 2 s"). Every 1/rate s a random doctor (one request per doctor at a time)
 * declares a whole day of leave: a PUT of the availability with one more leave day, a weekday from
 * tomorrow that has slots and on which the doctor is not yet on leave. The leave has arrived at an
 * insurer at the simulator's commit that makes the last of that day's slots {@code
 * busy-unavailable} there; it is timed from the moment the client had the PUT's answer.
 */
final class LeaveLoad {

  private final BenchStack stack;
  private final Availabilities availabilities;
  private final Map<String, LeaveWatch> awaited;
  private final CpuUsage cpu;
  private final AtomicLong noDayLeft = new AtomicLong();

  LeaveLoad(
      BenchStack stack,
      Availabilities availabilities,
      Map<String, LeaveWatch> awaited,
      CpuUsage cpu) {
    this.stack = stack;
    this.availabilities = availabilities;
    this.awaited = awaited;
    this.cpu = cpu;
  }

  void run(
      Report report,
      List<UUID> doctors,
      Map<UUID, List<Row>> slots,
      int weeks,
      int rate,
      Duration duration,
      Duration timeout) {
    // Not today (its first slots may be over) nor the horizon's last days (partly generated).
    List<LocalDate> days =
        AvailabilityRules.weekdaysFrom(
            LocalDate.now(AvailabilityRules.ZONE).plusDays(1), weeks * 7 - 2);
    Map<UUID, TreeMap<LocalDate, List<Row>>> byDay = new HashMap<>();
    for (UUID doctor : doctors) {
      TreeMap<LocalDate, List<Row>> offered =
          SlotTable.byDay(slots.getOrDefault(doctor, List.of()));
      offered.keySet().retainAll(days);
      byDay.put(doctor, offered);
    }
    log(
        "leave: %d declarations/s for %d s over %d doctors",
        rate, duration.toSeconds(), doctors.size());
    CpuUsage.Snapshot before = cpu.snapshot();
    OpenLoop.Outcome<LeaveWatch> load =
        OpenLoop.pace(doctors, rate, duration, d -> declare(d, byDay.get(d)));
    log("leave: %d declared; waiting for them at the insurers", load.results().size());
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline
        && !load.results().stream().allMatch(LeaveWatch::arrivedEverywhere)) {
      DeliveryTable.sleep(50);
    }
    CpuUsage.Snapshot after = cpu.snapshot();
    summarize(report, load, rate, duration, doctors.size(), timeout);
    CpuTable.add(report, cpu.between(before, after), "the leave load and its delivery");
  }

  /** One leave declared, watched for at every insurer from before its PUT is sent. */
  private LeaveWatch declare(UUID doctor, TreeMap<LocalDate, List<Row>> offered) {
    List<LocalDate> free =
        offered.keySet().stream().filter(d -> !availabilities.leaveOf(doctor).contains(d)).toList();
    if (free.isEmpty()) {
      noDayLeft.incrementAndGet();
      return null;
    }
    LocalDate day = free.get(ThreadLocalRandom.current().nextInt(free.size()));
    List<String> keys = offered.get(day).stream().map(r -> SlotFeed.key(r.id())).toList();
    LeaveWatch watch = new LeaveWatch(doctor, day, keys, stack.insurers().size());
    keys.forEach(k -> awaited.put(k, watch));
    Availabilities.Put put = availabilities.leave(doctor, day);
    watch.answered(put.answeredMicros(), put.micros());
    return watch;
  }

  private void summarize(
      Report report,
      OpenLoop.Outcome<LeaveWatch> load,
      int rate,
      Duration duration,
      int doctors,
      Duration timeout) {
    List<LeaveWatch> leaves = load.results();
    Table table =
        new Table(
            "Leave declared -> all the day's slots busy-unavailable at the insurer (from the"
                + " client having the PUT's answer to the simulator's commit)",
            "insurer",
            "n",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "never arrived");
    long early = 0;
    Latencies everywhere = null;
    long neverEverywhere = 0;
    List<Insurer> insurers = stack.insurers();
    for (int i = 0; i <= insurers.size(); i++) {
      boolean all = i == insurers.size();
      String label = all ? "all three (the last of them)" : insurers.get(i).id();
      Latencies latencies = new Latencies();
      long missing = 0;
      for (LeaveWatch leave : leaves) {
        Long micros = all ? leave.latencyEverywhere() : leave.latency(i);
        if (micros == null) {
          missing++;
        } else {
          latencies.record(micros);
          early += !all && micros < 0 ? 1 : 0;
        }
      }
      table.add(
          label,
          latencies.count(),
          latencies.millisAt(50),
          latencies.millisAt(95),
          latencies.millisAt(99),
          latencies.maxMillis(),
          missing);
      ObjectNode record = report.record("calendar.leave");
      record.put("insurer", label);
      latencies.into(record);
      record.put("p95_ms", Latencies.round(latencies.millisAt(95)));
      record.put("never_arrived", missing);
      if (all) {
        everywhere = latencies;
        neverEverywhere = missing;
      }
    }
    report.table(table);
    targets(report, everywhere, neverEverywhere);
    double slotsPerDay = leaves.stream().mapToInt(l -> l.slots).average().orElse(0);
    Latencies puts = new Latencies();
    leaves.forEach(l -> puts.record(l.putMicros()));
    report.table(
        new Table("Leave load", "what", "value")
            .add("target rate", rate + " leave declarations/s")
            .add("achieved rate", String.format("%.1f /s", leaves.size() / load.seconds()))
            .add("duration", duration.toSeconds() + " s")
            .add("doctors", doctors)
            .add("leave days declared", leaves.size())
            .add("slots per leave day (mean)", String.format("%.1f", slotsPerDay))
            .add(
                "PUT availability at the client p50 / p99 / max",
                String.format(
                    "%.1f / %.1f / %.1f ms",
                    puts.millisAt(50), puts.millisAt(99), puts.maxMillis()))
            .add("not started (no idle doctor within 1 s)", load.late())
            .add("failed PUTs", load.failed())
            .add("not declared (the doctor had no day left)", noDayLeft.get())
            .add(
                "(insurer, leave) pairs committed before the client had the answer (< 0 ms)", early)
            .add(
                "never arrived = not at that insurer within",
                timeout.toSeconds() + " s after the load"));
  }

  private static void targets(Report report, Latencies all, long missing) {
    double p99 = all.millisAt(99);
    report.table(
        new Table("Against the target (issue 8, item 10)", "target", "measured", "met")
            .add(
                "leave declaration -> slots busy-unavailable at 3 insurers, p99 <= 2 s",
                String.format("p99 %.1f ms; %d never arrived", p99, missing),
                p99 <= 2000 && missing == 0 ? "yes" : "no"));
  }
}
