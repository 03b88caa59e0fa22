package org.docport.bench;

import static org.docport.bench.Benchmarks.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.bench.BenchStack.Insurer;
import org.docport.bench.SlotTable.Row;
import org.docport.insurersim.InsurerServer;

/**
 * Many doctors change their weekly hours at once (issue 8, item 10: "slot deliveries/s when 1,000
 * doctors change their weekly hours at once"): each moves 09:00-13:00 to 10:00-14:00, a PUT of its
 * availability from a few client threads as fast as the hub answers. The hub generates their slots
 * again and sends each insurer, per doctor, a transaction Bundle deleting the 09:00 hour's slots
 * and creating the 13:00 hour's. The window runs from the first PUT sent to each insurer's last
 * slot commit; it ends when the hub's receipts say every insurer holds every calendar as it is now,
 * and each simulator's slots are then compared with the hub's. The ceiling follows: {@link
 * BareSlotWrites}, the same kind of Bundles written straight to the simulators.
 */
final class HoursChange {

  static final LocalTime OPENS = LocalTime.of(10, 0);
  static final LocalTime CLOSES = LocalTime.of(14, 0);

  private final BenchStack stack;
  private final Availabilities availabilities;
  private final DeliveryTable deliveries;
  private final List<SlotFeed> feeds;
  private final CpuUsage cpu;

  HoursChange(
      BenchStack stack,
      Availabilities availabilities,
      DeliveryTable deliveries,
      List<SlotFeed> feeds,
      CpuUsage cpu) {
    this.stack = stack;
    this.availabilities = availabilities;
    this.deliveries = deliveries;
    this.feeds = feeds;
    this.cpu = cpu;
  }

  /**
   * @param doctors those whose hours change
   * @param everyone every doctor of the run, whose slots the simulators must hold exactly
   * @param bareThreads threads per simulator for the ceiling: the hub's delivery workers per
   *     insurer ({@code docport.delivery.workers-per-insurer}, 8)
   */
  void run(
      Report report,
      List<UUID> doctors,
      List<UUID> everyone,
      int threads,
      int bareThreads,
      Duration timeout)
      throws SQLException {
    List<SlotFeed.Counts> before = feeds.stream().map(SlotFeed::counts).toList();
    log("hours: %d doctors move to %s-%s from %d threads", doctors.size(), OPENS, CLOSES, threads);
    CpuUsage.Snapshot cpuBefore = cpu.snapshot();
    long startMicros = Clocks.epochMicros();
    long start = System.nanoTime();
    Latencies puts = new Latencies();
    Parallel.forEach(
        doctors,
        threads,
        d -> {
          long micros = availabilities.hours(d, OPENS, CLOSES).micros();
          synchronized (puts) {
            puts.record(micros);
          }
        });
    double putSeconds = (System.nanoTime() - start) / 1e9;
    log("hours: %d PUTs answered in %.1f s; waiting for the insurers", doctors.size(), putSeconds);
    CalendarScenario.awaitCalendars(
        deliveries, doctors, feeds.size(), timeout, "delivery of the new hours");
    CpuUsage.Snapshot cpuAfter = cpu.snapshot();
    List<SlotFeed.Counts> changed = new java.util.ArrayList<>();
    for (int i = 0; i < feeds.size(); i++) {
      changed.add(feeds.get(i).counts().since(before.get(i)));
    }
    Map<UUID, List<Row>> slots = SlotTable.byDoctor(stack.db(), everyone);
    Map<String, String> statuses = SlotTable.statuses(slots);
    List<String> holds =
        stack.insurers().stream()
            .map(i -> SlotTable.census(i.server(), statuses).describe())
            .toList();
    Totals hub = summarize(report, changed, holds, startMicros, doctors.size(), putSeconds, puts);
    CpuTable.add(report, cpu.between(cpuBefore, cpuAfter), "the hours change and its delivery");

    Map<UUID, List<Row>> added = new HashMap<>();
    doctors.forEach(
        d ->
            added.put(
                d,
                slots.getOrDefault(d, List.of()).stream()
                    .filter(r -> !r.localTime().isBefore(CalendarScenario.CLOSES))
                    .toList()));
    List<InsurerServer> sims = stack.insurers().stream().map(Insurer::server).toList();
    BareSlotWrites.Result bare =
        BareSlotWrites.run(
            sims,
            added,
            Duration.between(CalendarScenario.OPENS, CalendarScenario.CLOSES),
            bareThreads,
            cpu);
    ceiling(report, hub, bare, bareThreads * sims.size());
    CpuTable.add(report, bare.cpu(), "the bare slot writes (ceiling, timed part)");
  }

  /** The hub's whole window: every insurer's slot writes and Bundles, first PUT to last commit. */
  private record Totals(long bundles, long writes, double seconds) {}

  private Totals summarize(
      Report report,
      List<SlotFeed.Counts> changed,
      List<String> holds,
      long startMicros,
      int doctors,
      double putSeconds,
      Latencies puts) {
    Table table =
        new Table(
            "Weekly hours of "
                + doctors
                + " doctors changed at once: from the first PUT sent to the insurer's last slot"
                + " commit",
            "insurer",
            "slot creates",
            "updates",
            "deletes",
            "Bundles",
            "seconds",
            "slot writes/s",
            "Bundles/s",
            "then holds");
    long bundles = 0;
    long writes = 0;
    double seconds = 0;
    for (int i = 0; i < changed.size(); i++) {
      SlotFeed.Counts c = changed.get(i);
      double s = c.commits() == 0 ? Double.NaN : (c.lastMicros() - startMicros) / 1e6;
      String insurer = stack.insurers().get(i).id();
      table.add(
          insurer,
          c.created(),
          c.updated(),
          c.deleted(),
          c.bundles(),
          s,
          String.format("%.0f", c.writes() / s),
          String.format("%.1f", c.bundles() / s),
          holds.get(i));
      ObjectNode record = report.record("calendar.hours.insurer");
      record.put("insurer", insurer);
      record.put("slot_creates", c.created());
      record.put("slot_updates", c.updated());
      record.put("slot_deletes", c.deleted());
      record.put("bundles", c.bundles());
      record.put("seconds", Latencies.round(s));
      record.put("holds", holds.get(i));
      bundles += c.bundles();
      writes += c.writes();
      seconds = Math.max(seconds, s);
    }
    table.add(
        "all three",
        "",
        "",
        "",
        bundles,
        seconds,
        String.format("%.0f", writes / seconds),
        String.format("%.1f", bundles / seconds),
        "");
    report.table(table);
    report.table(
        new Table("Hours change", "what", "value")
            .add("doctors", doctors)
            .add("PUTs answered in", String.format("%.1f s", putSeconds))
            .add(
                "PUT availability at the client p50 / p99 / max",
                String.format(
                    "%.1f / %.1f / %.1f ms",
                    puts.millisAt(50), puts.millisAt(99), puts.maxMillis())));
    ObjectNode record = report.record("calendar.hours");
    record.put("doctors", doctors);
    record.put("put_s", Latencies.round(putSeconds));
    record.put("seconds", Latencies.round(seconds));
    record.put("slot_writes", writes);
    record.put("bundles", bundles);
    return new Totals(bundles, writes, seconds);
  }

  private static void ceiling(Report report, Totals hub, BareSlotWrites.Result bare, int threads) {
    Table table =
        new Table(
            "The hub against the bare simulators (the ceiling): the same kind of slot Bundles,"
                + " written straight to the 3 simulators from "
                + threads
                + " threads",
            "writer",
            "Bundles",
            "slot writes",
            "seconds",
            "Bundles/s",
            "slot writes/s",
            "Bundle p50 ms",
            "Bundle p99 ms");
    table.add(
        "hub (3 insurers)",
        hub.bundles(),
        hub.writes(),
        hub.seconds(),
        String.format("%.1f", hub.bundles() / hub.seconds()),
        String.format("%.0f", hub.writes() / hub.seconds()),
        "",
        "");
    table.add(
        "bare (3 simulators)",
        bare.bundles(),
        bare.slotWrites(),
        bare.seconds(),
        String.format("%.1f", bare.bundlesPerSecond()),
        String.format("%.0f", bare.writesPerSecond()),
        bare.latencies().millisAt(50),
        bare.latencies().millisAt(99));
    table.add(
        "hub / bare",
        "",
        "",
        "",
        String.format("%.1f %%", 100 * hub.bundles() / hub.seconds() / bare.bundlesPerSecond()),
        String.format("%.1f %%", 100 * hub.writes() / hub.seconds() / bare.writesPerSecond()),
        "",
        "");
    report.table(table);
    ObjectNode record = report.record("calendar.bare");
    record.put("bundles", bare.bundles());
    record.put("slot_writes", bare.slotWrites());
    record.put("seconds", Latencies.round(bare.seconds()));
    record.put("threads", threads);
    bare.latencies().into(record);
  }
}
