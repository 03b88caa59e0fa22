package org.docport.bench;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs DocPort's benchmarks against the packaged hub: {@code Benchmarks
 * latency|throughput|memory|consent|fhir|slots|calendar|kinds|all [--flag=value ...]}. Each
 * scenario starts a fresh PostgreSQL, three insurer simulators and the hub as a child process,
 * prints its figures as tables and appends them as JSON lines to {@code bench/results/}. Nothing
 * here asserts a timing.
 *
 * <p>Flags: {@code --hub-jar} (default {@code hub/target/hub-0.1.0-SNAPSHOT-exec.jar}), {@code
 * --hub-xmx} (768m), {@code --hub-jvm-args} (extra JVM arguments, space-separated, e.g. a flight
 * recording); latency: {@code --duration} (60s), {@code --warmup} (10s), {@code --rate} (50),
 * {@code --doctors} (200); throughput: {@code --updates} (10000), {@code --doctors} (1000), {@code
 * --threads} (8), {@code --timeout} (240s); memory: {@code --doctors} (100000), {@code --batch}
 * (2000), {@code --profile} (minimal|full), {@code --timeout} (600s); consent: {@code --rate} (20),
 * {@code --paced} (400), {@code --burst} (500), {@code --warmup} (50), {@code --threads} (8),
 * {@code --timeout} (5m); fhir: {@code --doctors} (100000), {@code --clients} (16), {@code
 * --duration} (60s), {@code --warmup} (10s), {@code --batch} (2000), {@code --timeout} (30m, for
 * the projection); calendar: {@code --doctors} (200, declaring leave), {@code --hours-doctors}
 * (1000, changing hours), {@code --weeks} (2), {@code --rate} (5 leave declarations/s), {@code
 * --duration} (60s), {@code --threads} (4), {@code --bare-threads} (8 per simulator), {@code
 * --timeout} (5m); kinds: {@code --doctors} (1000), {@code --rate} (50), {@code --duration} (60s),
 * {@code --warmup} (10s), {@code --threads} (8), {@code --warmup-rounds} (6), {@code --rounds} (5),
 * {@code --bare-threads} (8), {@code --timeout} (4m). docs/benchmarks.md lists them all.
 */
public final class Benchmarks {

  private static final Map<String, Scenario> SCENARIOS =
      Map.of(
          "latency", new LatencyScenario(),
          "throughput", new ThroughputScenario(),
          "memory", new MemoryScenario(),
          "consent", new ConsentScenario(),
          "fhir", new FhirScenario(),
          "slots", new SlotsScenario(),
          "calendar", new CalendarScenario(),
          "kinds", new KindsScenario());

  private static final long STARTED = System.nanoTime();

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    Options options =
        Options.parse(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
    List<String> names =
        which.equals("all") ? List.of("latency", "throughput", "memory") : List.of(which);
    for (String name : names) {
      Scenario scenario = SCENARIOS.get(name);
      if (scenario == null) {
        System.err.println(
            "usage: Benchmarks latency|throughput|memory|consent|fhir|slots|calendar|kinds|all"
                + " [--flag=value ...]");
        System.exit(2);
      }
      run(scenario, options);
    }
    // Tomcat, HAPI and JDBC leave non-daemon threads behind; the figures are out.
    System.exit(0);
  }

  private static void run(Scenario scenario, Options options) throws Exception {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Report report = new Report(scenario.name(), stamp);
    log("%s: starting PostgreSQL, 3 insurer simulators and the hub", scenario.name());
    try (BenchStack stack = BenchStack.start(options, scenario, stamp)) {
      // Interrupted runs (Ctrl-C, SIGTERM) must not leave the hub child process behind.
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-cleanup"));
      log("hub pid %d at %s, log %s", stack.hub().pid(), stack.hub().baseUrl(), stack.hubLog());
      Environment.describe(report, stack.hubJvmArgs(), stack.synchronousCommit(), stack.memory());
      scenario.run(stack, options, report);
    }
    report.finish();
  }

  static void log(String format, Object... args) {
    System.out.printf(
        "[%7.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, String.format(format, args));
  }
}
