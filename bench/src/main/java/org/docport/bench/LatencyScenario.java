package org.docport.bench;

import static org.docport.bench.Benchmarks.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.docport.bench.Arrivals.Arrival;
import org.docport.bench.BenchStack.Insurer;
import org.docport.bench.DoctorProfiles.Shape;
import org.docport.bench.Registry.Doctor;
import org.docport.bench.Registry.Update;

/**
 * (a) Commit-to-insurer latency at a steady update rate: doctors are updated at {@code --rate} per
 * second for {@code --duration}, each update a full PUT of a new revision, spread over {@code
 * --doctors} doctors consented to all three insurers.
 */
final class LatencyScenario implements Scenario {

  private static final long WINDOW_MICROS = 10_000_000;

  @Override
  public String name() {
    return "latency";
  }

  @Override
  public void run(BenchStack stack, Options options, Report report) {
    int doctorCount = options.integer("doctors", 200);
    int rate = options.integer("rate", 50);
    Duration duration = options.duration("duration", Duration.ofSeconds(60));
    Duration warmup = options.duration("warmup", Duration.ofSeconds(10));
    Registry registry = new Registry(stack.api(), Shape.FULL);
    List<String> insurerIds = stack.insurers().stream().map(Insurer::id).toList();

    log("creating %d doctors and %d consents", doctorCount, doctorCount * insurerIds.size());
    List<Doctor> doctors = registry.create(doctorCount, 4);
    registry.consent(doctors, insurerIds, 4);
    try (DeliveryTable deliveries = new DeliveryTable(stack.db())) {
      deliveries.awaitDelivered(
          Registry.versions(doctors), insurerIds.size(), Duration.ofMinutes(2), "initial delivery");
      boolean byVersion = carriesRegistryVersion(stack, doctors);
      if (!warmup.isZero() && !warmup.isNegative()) {
        log("warm-up: %d updates/s for %d s (not measured)", rate, warmup.toSeconds());
        pace(registry, doctors, rate, warmup);
        deliveries.awaitDelivered(
            Registry.versions(doctors), insurerIds.size(), Duration.ofMinutes(1), "warm-up");
      }
      CpuUsage cpu = new CpuUsage(stack.hub().pid(), stack.postmasterPid());
      long startMicros = Clocks.epochMicros();
      CpuUsage.Snapshot before = cpu.snapshot();
      log(
          "measuring: %d updates/s for %d s over %d doctors",
          rate, duration.toSeconds(), doctorCount);
      OpenLoop.Outcome<Update> paced = pace(registry, doctors, rate, duration);
      log("load done: %d updates committed; waiting for delivery", paced.results().size());
      deliveries.awaitDelivered(
          Registry.versions(doctors), insurerIds.size(), Duration.ofMinutes(2), "delivery");
      CpuUsage.Snapshot after = cpu.snapshot();
      log("reading back what the insurers received");
      summarize(stack, report, paced, startMicros, byVersion, rate, duration, doctorCount);
      CpuTable.add(report, cpu.between(before, after), "the measured load and its delivery");
      captureStage(stack, report);
    }
  }

  private static boolean carriesRegistryVersion(BenchStack stack, List<Doctor> doctors) {
    Insurer first = stack.insurers().get(0);
    boolean present = Arrivals.heldVersion(first.server(), doctors.get(0).id).isPresent();
    log(
        present
            ? "Practitioners carry the registry-version extension: matching exact versions"
            : "Practitioners carry NO registry-version extension: falling back to 'first write"
                + " after the PUT answered'");
    return present;
  }

  /**
   * Starts one update every 1/rate seconds (open loop: a slow hub does not slow the schedule). A
   * doctor is updated by one request at a time; doctors come round in turn.
   */
  static OpenLoop.Outcome<Update> pace(
      Registry registry, List<Doctor> doctors, int rate, Duration duration) {
    return OpenLoop.pace(doctors, rate, duration, registry::update);
  }

  private static void summarize(
      BenchStack stack,
      Report report,
      OpenLoop.Outcome<Update> paced,
      long startMicros,
      boolean byVersion,
      int rate,
      Duration duration,
      int doctorCount) {
    Table table =
        new Table(
            "Commit-to-insurer latency. Commit = the hub's PUT response received by the client;"
                + " arrival = the insurer-sim's commit of the Practitioner write carrying "
                + (byVersion
                    ? "that registry version (or a newer one, if coalesced)"
                    : "(no version: first write after the PUT answered)"),
            Latencies.headers("insurer"));
    Latencies overall = new Latencies();
    java.util.SortedMap<Long, Latencies> overTime = new java.util.TreeMap<>();
    long coalesced = 0;
    long missing = 0;
    long early = 0;
    long stale = 0;
    for (Insurer insurer : stack.insurers()) {
      List<Arrival> arrivals = Arrivals.read(insurer.server(), startMicros, 4);
      ArrivalMatcher.Outcome outcome =
          ArrivalMatcher.match(paced.results(), arrivals, byVersion, WINDOW_MICROS);
      outcome
          .byWindow()
          .forEach((w, l) -> overTime.computeIfAbsent(w, x -> new Latencies()).add(l));
      table.add(outcome.latencies().cells(insurer.id()));
      overall.add(outcome.latencies());
      coalesced += outcome.coalesced();
      missing += outcome.missing();
      early += outcome.beforeResponse();
      stale += outcome.staleWrites();
      ObjectNode record = report.record("latency.insurer");
      record.put("insurer", insurer.id());
      outcome.latencies().into(record);
      record.put("coalesced", outcome.coalesced());
      record.put("missing", outcome.missing());
      record.put("stale_writes", outcome.staleWrites());
    }
    table.add(overall.cells("all"));
    report.table(table);
    Table windows =
        new Table(
            "Latency over time, all insurers (by "
                + WINDOW_MICROS / 1_000_000
                + " s window of commit time)",
            Latencies.headers("window"));
    overTime.forEach(
        (w, l) -> {
          String label =
              (w * WINDOW_MICROS / 1_000_000) + "-" + ((w + 1) * WINDOW_MICROS / 1_000_000) + " s";
          windows.add(l.cells(label));
          ObjectNode record = report.record("latency.window");
          record.put("window", label);
          l.into(record);
        });
    report.table(windows);

    Latencies api = new Latencies();
    paced.results().forEach(u -> api.record(u.apiMicros()));
    report.table(
        new Table("Hub PUT /api/doctors/{id} as the client saw it", Latencies.headers("request"))
            .add(api.cells("PUT")));

    double achieved = paced.results().size() / paced.seconds();
    report.table(
        new Table("Load", "what", "value")
            .add("target rate", rate + " updates/s")
            .add("achieved rate", String.format("%.1f updates/s", achieved))
            .add("duration", duration.toSeconds() + " s")
            .add("doctors", doctorCount)
            .add("updates committed", paced.results().size())
            .add("updates not started (no idle doctor within 1 s)", paced.late())
            .add("updates failed", paced.failed())
            .add("matching", byVersion ? "exact registry version" : "first write after commit")
            .add("(insurer, update) pairs coalesced into a newer version", coalesced)
            .add("(insurer, update) pairs never delivered", missing)
            .add("writes committed before the client had the PUT response (counted 0 ms)", early)
            .add("stale writes (older version after a newer one)", stale));

    ObjectNode all = report.record("latency.all");
    overall.into(all);
    all.put("rate_target", rate);
    all.put("rate_achieved", Latencies.round(achieved));
    all.put("duration_s", duration.toSeconds());
    all.put("doctors", doctorCount);
    all.put("updates", paced.results().size());
    all.put("matching", byVersion ? "registry-version" : "first-write-after-commit");
    all.put("coalesced", coalesced);
    all.put("missing", missing);
    all.put("before_response", early);
    all.put("stale_writes", stale);
    ObjectNode put = report.record("latency.api");
    api.into(put);
  }

  /**
   * The hub's own timer of the first stage, registry commit (database clock) to deliveries
   * persisted by sync, so the end-to-end figure can be split into capture and delivery.
   */
  static void captureStage(BenchStack stack, Report report) {
    var metrics = HubMetrics.scrape(stack.api(), "docport_cdc_capture_latency");
    Table table =
        new Table(
            "Hub metric docport.cdc.capture.latency (commit -> deliveries planned; decaying window of"
                + " the last ~2 min)",
            "sample",
            "value");
    ObjectNode record = report.record("latency.capture_stage");
    metrics.forEach(
        (name, value) -> {
          boolean seconds =
              name.contains("quantile") || name.contains("_max") || name.contains("_sum");
          table.add(
              name,
              seconds ? String.format("%.1f ms", value * 1000) : String.format("%.0f", value));
          record.put(name, value);
        });
    report.table(table);
  }
}
