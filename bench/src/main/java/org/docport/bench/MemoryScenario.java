package org.docport.bench;

import static org.docport.bench.Benchmarks.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.docport.bench.DoctorProfiles.Shape;
import org.docport.testkit.HubProcess;

/**
 * (c) The hub's resident memory with a large registry: {@code --doctors} doctors bulk-inserted
 * straight into PostgreSQL (doctor, doctor_identifier, an ACTIVE consent for one insurer and a
 * registry_event each, in the hub's schema, {@code --batch} doctors per transaction) while the hub
 * runs, so change capture picks them up; then VmRSS while it delivers them all, and at idle.
 */
final class MemoryScenario implements Scenario {

  private static final long MIB = 1024 * 1024;

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public void run(BenchStack stack, Options options, Report report) throws Exception {
    int doctorCount = options.integer("doctors", 100_000);
    int batch = options.integer("batch", 2_000);
    Shape shape = Shape.valueOf(options.string("profile", "minimal").toUpperCase());
    Duration timeout = options.duration("timeout", Duration.ofMinutes(10));
    String target = options.string("insurer", "sim");
    try (StubInsurer stub = target.equals("stub") ? StubInsurer.start() : null) {
      String insurerId;
      if (stub != null) {
        insurerId = "ins-stub";
        stack.registerInsurer(insurerId, stub.baseUrl());
      } else if (target.equals("sim")) {
        insurerId = stack.insurers().get(0).id();
      } else {
        throw new IllegalArgumentException("--insurer must be stub or sim");
      }
      measure(stack, report, doctorCount, batch, shape, timeout, insurerId, stub);
    }
  }

  private void measure(
      BenchStack stack,
      Report report,
      int doctorCount,
      int batch,
      Shape shape,
      Duration timeout,
      String insurerId,
      StubInsurer stub)
      throws SQLException {
    HubProcess hub = stack.hub();

    DeliveryTable.sleep(5_000);
    long startupIdle = medianRss(hub, 8);
    log("hub idle after start-up: %d MiB RSS", startupIdle / MIB);

    RssSampler sampler = RssSampler.start(hub);
    CpuUsage cpu = new CpuUsage(hub.pid(), stack.postmasterPid());
    CpuUsage.Snapshot before = cpu.snapshot();
    long start = System.nanoTime();
    log(
        "bulk-inserting %d doctors (%s profile) with consent for %s",
        doctorCount, shape, insurerId);
    BulkInsert.doctors(
        stack.db(),
        0,
        doctorCount,
        batch,
        insurerId,
        (id, i) -> DoctorProfiles.stored(id, i, shape));
    double insertSeconds = (System.nanoTime() - start) / 1e9;
    log("inserted in %.1f s; waiting for delivery", insertSeconds);
    try (DeliveryTable deliveries = new DeliveryTable(stack.db())) {
      awaitDelivered(deliveries, insurerId, doctorCount, timeout, sampler, start);
    }
    double deliverSeconds = (System.nanoTime() - start) / 1e9;
    CpuUsage.Snapshot after = cpu.snapshot();
    sampler.stop();
    long peak = sampler.peak();
    log(
        "all %d delivered after %.1f s; peak RSS %d MiB; letting the hub idle",
        doctorCount, deliverSeconds, peak / MIB);

    DeliveryTable.sleep(15_000);
    long idle = medianRss(hub, 20);
    String heap = heapInfo(hub.pid());
    long held =
        stub != null
            ? stub.held("Practitioner")
            : stack.insurers().get(0).server().all(org.hl7.fhir.r4.model.Practitioner.class).size();
    String insurerKind =
        stub != null
            ? "bench stub (hash map, O(1) conditional update)"
            : "insurer-sim (HAPI plain server, identifier-indexed conditional update)";

    report.table(
        new Table("Hub resident memory (VmRSS from /proc, sampled every 250 ms)", "when", "RSS MiB")
            .add("idle after start-up (3 insurers registered, empty registry)", startupIdle / MIB)
            .add("peak while delivering " + doctorCount + " doctors", peak / MIB)
            .add("idle after delivering (15 s later)", idle / MIB));
    report.table(
        new Table("Run", "what", "value")
            .add("doctors in the registry", doctorCount)
            .add(
                "profile",
                shape.name().toLowerCase()
                    + " ("
                    + (shape == Shape.FULL ? "5" : "2")
                    + " FHIR writes per delivery)")
            .add("consented insurer", insurerId + ": " + insurerKind)
            .add(
                "bulk insert (JDBC, " + batch + " doctors per transaction)",
                String.format("%.1f s", insertSeconds))
            .add("first insert -> all delivered", String.format("%.1f s", deliverSeconds))
            .add("delivery rate", String.format("%.0f doctors/s", doctorCount / deliverSeconds))
            .add("Practitioners held by " + insurerId, held)
            .add("RSS samples", sampler.samples())
            .add("hub heap at idle (jcmd GC.heap_info)", heap));
    ObjectNode record = report.record("memory");
    record.put("doctors", doctorCount);
    record.put("profile", shape.name().toLowerCase());
    record.put("insurer", insurerKind);
    record.put("rss_startup_idle_mib", startupIdle / MIB);
    record.put("rss_peak_mib", peak / MIB);
    record.put("rss_idle_after_mib", idle / MIB);
    record.put("insert_s", Latencies.round(insertSeconds));
    record.put("deliver_s", Latencies.round(deliverSeconds));
    record.put("practitioners_held", held);
    record.put("rss_samples", sampler.samples());
    record.put("heap_info", heap);
    CpuTable.add(report, cpu.between(before, after), "bulk insert + delivery");
  }

  private static void awaitDelivered(
      DeliveryTable deliveries,
      String insurerId,
      int count,
      Duration timeout,
      RssSampler sampler,
      long start) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastLog = System.nanoTime();
    long delivered = 0;
    while (System.nanoTime() < deadline) {
      delivered = deliveries.countDelivered(insurerId);
      if (delivered >= count) {
        return;
      }
      if (System.nanoTime() - lastLog > 10_000_000_000L) {
        lastLog = System.nanoTime();
        log(
            "delivered %d of %d (%.0f/s so far), RSS now %d MiB, peak %d MiB",
            delivered,
            count,
            delivered / ((System.nanoTime() - start) / 1e9),
            sampler.last() / MIB,
            sampler.peak() / MIB);
      }
      DeliveryTable.sleep(250);
    }
    throw new IllegalStateException(
        delivered + " of " + count + " delivered within " + timeout + ": " + deliveries.summary());
  }

  private static long medianRss(HubProcess hub, int samples) {
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      values.add(hub.residentBytes());
      DeliveryTable.sleep(250);
    }
    Collections.sort(values);
    return values.get(values.size() / 2);
  }

  /** The heap summary line(s) from {@code jcmd <pid> GC.heap_info}, if jcmd is there. */
  private static String heapInfo(long pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process =
          new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info")
              .redirectErrorStream(true)
              .start();
      String out = new String(process.getInputStream().readAllBytes());
      process.waitFor();
      return out.lines()
          .filter(l -> l.contains("garbage-first heap") || l.contains("Metaspace"))
          .map(String::strip)
          .reduce((a, b) -> a + "; " + b)
          .orElse("n/a");
    } catch (IOException e) {
      return "n/a";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "n/a";
    }
  }
}
