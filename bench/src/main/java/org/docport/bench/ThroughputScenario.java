package org.docport.bench;

import static org.docport.bench.Benchmarks.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.docport.bench.Arrivals.Arrival;
import org.docport.bench.BenchStack.Insurer;
import org.docport.bench.DoctorProfiles.Shape;
import org.docport.bench.Registry.Doctor;
import org.docport.bench.Registry.Update;
import org.docport.insurersim.WriteLogEntry;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * (b) Delivery throughput: {@code --updates} doctor updates loaded as fast as the API takes them
 * from {@code --threads} client threads (each owning a share of the doctors, so no two requests
 * race on one doctor), then timed until all three insurers hold every doctor's latest version.
 */
final class ThroughputScenario implements Scenario {

  /** What one insurer received during the run. */
  record InsurerFigures(
      String insurer,
      int writes,
      int distinctVersions,
      long coalesced,
      long duplicates,
      long stale,
      long lastFinalMicros,
      int finalsMissing,
      int heldWrong) {}

  @Override
  public String name() {
    return "throughput";
  }

  @Override
  public void run(BenchStack stack, Options options, Report report) throws Exception {
    int doctorCount = options.integer("doctors", 1000);
    int updateCount = options.integer("updates", 10_000);
    int threads = options.integer("threads", 8);
    Duration timeout = options.duration("timeout", Duration.ofMinutes(4));
    Registry registry = new Registry(stack.api(), Shape.FULL);
    List<String> insurerIds = stack.insurers().stream().map(Insurer::id).toList();

    log("creating %d doctors and %d consents", doctorCount, doctorCount * insurerIds.size());
    List<Doctor> doctors = registry.create(doctorCount, 8);
    registry.consent(doctors, insurerIds, 8);
    try (DeliveryTable deliveries = new DeliveryTable(stack.db())) {
      deliveries.awaitDelivered(
          Registry.versions(doctors), insurerIds.size(), Duration.ofMinutes(3), "initial delivery");
      CpuUsage cpu = new CpuUsage(stack.hub().pid(), stack.postmasterPid());
      CpuUsage.Snapshot before = cpu.snapshot();
      long startMicros = Clocks.epochMicros();
      long startNanos = System.nanoTime();
      log("loading %d updates from %d threads", updateCount, threads);
      List<Update> updates = load(registry, doctors, updateCount, threads, false);
      long lastResponse =
          updates.stream().mapToLong(Update::responseNanos).max().orElse(startNanos);
      double apiSeconds = (lastResponse - startNanos) / 1e9;
      Latencies api = new Latencies();
      updates.forEach(u -> api.record(u.apiMicros()));
      report.table(
          new Table(
                  "Phase 1 hub PUT /api/doctors/{id} as the clients saw it",
                  Latencies.headers("request"))
              .add(api.cells("PUT")));
      api.into(report.record("throughput.api"));
      log(
          "load done in %.1f s (%.0f updates/s); waiting for delivery",
          apiSeconds, updates.size() / apiSeconds);
      deliveries.awaitDelivered(Registry.versions(doctors), insurerIds.size(), timeout, "delivery");
      CpuUsage.Snapshot after = cpu.snapshot();
      log(
          "all receipts in after %.1f s; reading back what the insurers received",
          (System.nanoTime() - startNanos) / 1e9);

      Map<UUID, Long> finals = Registry.versions(doctors);
      Set<String> updateKeys = updateKeys(updates);
      List<InsurerFigures> figures = new ArrayList<>();
      for (Insurer insurer : stack.insurers()) {
        figures.add(figures(insurer, startMicros, updateKeys, finals));
      }
      long endMicros =
          figures.stream().mapToLong(InsurerFigures::lastFinalMicros).max().orElseThrow();
      double seconds = (endMicros - startMicros) / 1e6;
      long fhirWrites = fhirWrites(stack, startMicros, endMicros);
      summarize(
          report,
          figures,
          startMicros,
          updates.size(),
          doctorCount,
          threads,
          apiSeconds,
          seconds,
          fhirWrites);
      CpuTable.add(
          report, cpu.between(before, after), "load + delivery until all receipts were in");
      if (!options.string("drain", "on").equals("off")) {
        drain(stack, report, registry, doctors, threads, timeout, deliveries, cpu);
      }
    }
  }

  /**
   * Phase 2, the delivery capacity on its own: delivery to all insurers is paused while every
   * doctor gets one update (so nothing can coalesce), then resumed; timed until the backlog is
   * gone.
   */
  private static void drain(
      BenchStack stack,
      Report report,
      Registry registry,
      List<Doctor> doctors,
      int threads,
      Duration timeout,
      DeliveryTable deliveries,
      CpuUsage cpu)
      throws Exception {
    List<String> insurerIds = stack.insurers().stream().map(Insurer::id).toList();
    insurerIds.forEach(stack::pause);
    log("phase 2: delivery paused; one update for each of %d doctors", doctors.size());
    long loadStart = System.nanoTime();
    List<Update> updates = load(registry, doctors, doctors.size(), threads, true);
    long lastResponse = updates.stream().mapToLong(Update::responseNanos).max().orElse(loadStart);
    double apiSeconds = (lastResponse - loadStart) / 1e9;
    long backlog = (long) doctors.size() * insurerIds.size();
    deliveries.await(deliveries::countPending, backlog, Duration.ofMinutes(1), "planning");
    CpuUsage.Snapshot before = cpu.snapshot();
    long startMicros = Clocks.epochMicros();
    insurerIds.forEach(stack::resume);
    log("backlog of %d deliveries planned; delivery resumed", backlog);
    deliveries.awaitDelivered(Registry.versions(doctors), insurerIds.size(), timeout, "drain");
    CpuUsage.Snapshot after = cpu.snapshot();
    Map<UUID, Long> finals = Registry.versions(doctors);
    Set<String> updateKeys = updateKeys(updates);
    long delivered = 0;
    long endMicros = startMicros;
    for (Insurer insurer : stack.insurers()) {
      InsurerFigures f = figures(insurer, startMicros, updateKeys, finals);
      delivered += f.distinctVersions();
      endMicros = Math.max(endMicros, f.lastFinalMicros());
    }
    double seconds = (endMicros - startMicros) / 1e6;
    long fhirWrites = fhirWrites(stack, startMicros, endMicros);
    report.table(
        new Table(
                "Backlog drain (phase 2: delivery paused while each doctor got one update, then"
                    + " resumed; window: resume -> last insurer current)",
                "what",
                "value")
            .add(
                "API update rate with delivery paused",
                String.format("%.0f updates/s", updates.size() / apiSeconds))
            .add("backlog (insurer, doctor) deliveries", backlog)
            .add("deliveries completed", delivered)
            .add("drain time", String.format("%.1f s", seconds))
            .add("deliveries/s", String.format("%.0f /s", delivered / seconds))
            .add("FHIR writes/s at the insurers", String.format("%.0f /s", fhirWrites / seconds)));
    ObjectNode record = report.record("throughput.drain");
    record.put("updates", updates.size());
    record.put("api_updates_per_s_paused", Latencies.round(updates.size() / apiSeconds));
    record.put("backlog", backlog);
    record.put("deliveries", delivered);
    record.put("drain_s", Latencies.round(seconds));
    record.put("deliveries_per_s", Latencies.round(delivered / seconds));
    record.put("fhir_writes", fhirWrites);
    CpuTable.add(report, cpu.between(before, after), "the backlog drain");
  }

  /**
   * Updates from {@code threads} threads, each owning every n-th doctor: {@code updateCount}
   * updates in all (threads cycle through their doctors and share the count), or with {@code
   * oncePerDoctor} exactly one update for each doctor.
   */
  static List<Update> load(
      Registry registry, List<Doctor> doctors, int updateCount, int threads, boolean oncePerDoctor)
      throws Exception {
    AtomicInteger remaining = new AtomicInteger(updateCount);
    List<Update> updates = Collections.synchronizedList(new ArrayList<>(updateCount));
    ExecutorService pool = Executors.newFixedThreadPool(threads, OpenLoop.named("bench-load"));
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<Doctor> own = new ArrayList<>();
        for (int i = t; i < doctors.size(); i += threads) {
          own.add(doctors.get(i));
        }
        workers.add(
            pool.submit(
                () -> {
                  if (oncePerDoctor) {
                    own.forEach(doctor -> updates.add(registry.update(doctor)));
                    return;
                  }
                  for (int k = 0; remaining.getAndDecrement() > 0; k++) {
                    updates.add(registry.update(own.get(k % own.size())));
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return List.copyOf(updates);
  }

  private static InsurerFigures figures(
      Insurer insurer, long startMicros, Set<String> updateKeys, Map<UUID, Long> finals) {
    List<Arrival> arrivals = Arrivals.read(insurer.server(), startMicros, 6);
    int heldWrong = 0;
    for (Practitioner held : insurer.server().all(Practitioner.class)) {
      Long expected =
          held.getIdentifier().stream()
              .filter(i -> Arrivals.PRACTITIONER_SYSTEM.equals(i.getSystem()))
              .map(i -> finals.get(UUID.fromString(i.getValue())))
              .findFirst()
              .orElse(null);
      if (expected != null && Arrivals.registryVersion(held) != expected) {
        heldWrong++;
      }
    }
    return tally(insurer.id(), arrivals, startMicros, updateKeys, finals, heldWrong);
  }

  /** {@code doctorId/version} of each update, as {@link #tally} takes them. */
  static Set<String> updateKeys(List<Update> updates) {
    Set<String> keys = new HashSet<>();
    updates.forEach(u -> keys.add(u.doctorId() + "/" + u.version()));
    return keys;
  }

  /**
   * What one insurer's arrivals (in the order they arrived) say: the updates delivered in their own
   * version, repeats and stale versions, and when the last doctor's final version arrived.
   *
   * @param updateKeys {@code doctorId/version} of each update of the load
   * @param finals each doctor's latest version
   * @param heldWrong doctors whose copy at the insurer is not their latest version
   */
  static InsurerFigures tally(
      String insurerId,
      List<Arrival> arrivals,
      long startMicros,
      Set<String> updateKeys,
      Map<UUID, Long> finals,
      int heldWrong) {
    Set<String> delivered = new HashSet<>();
    Map<UUID, Long> finalAt = new HashMap<>();
    Map<UUID, Long> newest = new HashMap<>();
    long duplicates = 0;
    long stale = 0;
    for (Arrival arrival : arrivals) {
      String key = arrival.doctorId() + "/" + arrival.registryVersion();
      if (updateKeys.contains(key) && !delivered.add(key)) {
        duplicates++;
      }
      Long seen = newest.merge(arrival.doctorId(), arrival.registryVersion(), Math::max);
      if (arrival.registryVersion() < seen) {
        stale++;
      }
      if (arrival.registryVersion() == finals.get(arrival.doctorId())) {
        finalAt.putIfAbsent(arrival.doctorId(), arrival.atMicros());
      }
    }
    int distinct = (int) delivered.stream().filter(updateKeys::contains).count();
    return new InsurerFigures(
        insurerId,
        arrivals.size(),
        distinct,
        updateKeys.size() - distinct,
        duplicates,
        stale,
        finalAt.values().stream().mapToLong(Long::longValue).max().orElse(startMicros),
        finals.size() - finalAt.size(),
        heldWrong);
  }

  /** Every FHIR write (all resource types) the simulators committed in the window. */
  private static long fhirWrites(BenchStack stack, long fromMicros, long toMicros) {
    long writes = 0;
    for (Insurer insurer : stack.insurers()) {
      for (WriteLogEntry entry : insurer.server().writeLog()) {
        long at = Clocks.micros(entry.at());
        if (at >= fromMicros && at <= toMicros) {
          writes++;
        }
      }
    }
    return writes;
  }

  private static void summarize(
      Report report,
      List<InsurerFigures> figures,
      long startMicros,
      int updates,
      int doctors,
      int threads,
      double apiSeconds,
      double seconds,
      long fhirWrites) {
    Table perInsurer =
        new Table(
            "Deliveries per insurer (a delivery = one (insurer, doctor, registry version) written)",
            "insurer",
            "Practitioner writes",
            "versions delivered",
            "coalesced",
            "duplicate writes",
            "stale writes",
            "done after s",
            "finals missing",
            "held != latest");
    long delivered = 0;
    for (InsurerFigures f : figures) {
      delivered += f.distinctVersions();
      perInsurer.add(
          f.insurer(),
          f.writes(),
          f.distinctVersions(),
          f.coalesced(),
          f.duplicates(),
          f.stale(),
          String.format("%.1f", (f.lastFinalMicros() - startMicros) / 1e6),
          f.finalsMissing(),
          f.heldWrong());
      ObjectNode record = report.record("throughput.insurer");
      record.put("insurer", f.insurer());
      record.put("practitioner_writes", f.writes());
      record.put("versions_delivered", f.distinctVersions());
      record.put("coalesced", f.coalesced());
      record.put("duplicate_writes", f.duplicates());
      record.put("stale_writes", f.stale());
      record.put("finals_missing", f.finalsMissing());
      record.put("held_not_latest", f.heldWrong());
      record.put("done_after_s", Latencies.round((f.lastFinalMicros() - startMicros) / 1e6));
    }
    report.table(perInsurer);
    int pairs = updates * figures.size();
    double deliveriesPerSecond = delivered / seconds;
    report.table(
        new Table(
                "Throughput (window: first update sent -> last insurer holds every latest version)",
                "what",
                "value")
            .add("updates committed", updates)
            .add("doctors / client threads", doctors + " / " + threads)
            .add("API: time to commit all updates", String.format("%.1f s", apiSeconds))
            .add("API update rate", String.format("%.0f updates/s", updates / apiSeconds))
            .add("window until all insurers current", String.format("%.1f s", seconds))
            .add("deliveries (insurer, doctor-version) completed", delivered)
            .add("deliveries/s", String.format("%.0f /s", deliveriesPerSecond))
            .add("(insurer, update) pairs", pairs)
            .add("pairs coalesced into a newer version", pairs - delivered)
            .add(
                "pairs settled/s (delivered or superseded)",
                String.format("%.0f /s", pairs / seconds))
            .add("FHIR writes at the insurers (all resource types)", fhirWrites)
            .add("FHIR writes/s", String.format("%.0f /s", fhirWrites / seconds)));
    ObjectNode all = report.record("throughput.all");
    all.put("updates", updates);
    all.put("doctors", doctors);
    all.put("client_threads", threads);
    all.put("api_seconds", Latencies.round(apiSeconds));
    all.put("api_updates_per_s", Latencies.round(updates / apiSeconds));
    all.put("window_s", Latencies.round(seconds));
    all.put("deliveries", delivered);
    all.put("deliveries_per_s", Latencies.round(deliveriesPerSecond));
    all.put("pairs", pairs);
    all.put("coalesced", pairs - delivered);
    all.put("pairs_settled_per_s", Latencies.round(pairs / seconds));
    all.put("fhir_writes", fhirWrites);
    all.put("fhir_writes_per_s", Latencies.round(fhirWrites / seconds));
  }
}
