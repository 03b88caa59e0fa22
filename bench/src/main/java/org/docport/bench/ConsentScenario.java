package org.docport.bench;

import static org.docport.bench.Benchmarks.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.docport.bench.DoctorProfiles.Shape;
import org.docport.bench.Registry.Doctor;
import org.docport.insurersim.InsurerServer;
import org.docport.insurersim.WriteLogEntry;

/**
 * Consent sagas (issue 3): {@code --doctors} doctors opt in, from {@code --threads} clients, to an
 * insurer that accepts every doctor at once. Measures the rate at which sagas are started and
 * completed (consent ACTIVE) on the hub's in-process Temporal server, and the time from each opt-in
 * request to the doctor's first write at the insurer and to ACTIVE. Beside it, as the ceiling, the
 * rate of trivial one-activity workflows on an in-process Temporal test server in this JVM.
 */
final class ConsentScenario implements Scenario {

  static final String INSURER_ID = "ins-auto";

  @Override
  public String name() {
    return "consent";
  }

  @Override
  public void run(BenchStack stack, Options options, Report report) throws Exception {
    int rate = options.integer("rate", 20);
    int paced = options.integer("paced", 400);
    int burst = options.integer("burst", 500);
    int warmup = options.integer("warmup", 50);
    int threads = options.integer("threads", 8);
    Duration timeout = options.duration("timeout", Duration.ofMinutes(5));
    InsurerServer server = stack.insurers().get(0).server();
    stack.registerInsurer(INSURER_ID, server.baseUrl(), true);
    Registry registry = new Registry(stack.api(), Shape.FULL);
    log("creating %d doctors", warmup + paced + burst);
    List<Doctor> all = registry.create(warmup + paced + burst, 4);
    try (DeliveryTable db = new DeliveryTable(stack.db())) {
      log("warm-up: %d opt-ins (not measured)", warmup);
      optIn(stack, all.subList(0, warmup), threads, new ConcurrentHashMap<>());
      db.await(() -> db.countConsents(INSURER_ID, "ACTIVE"), warmup, timeout, "warm-up");

      log("paced: %d opt-ins at %d/s", paced, rate);
      Phase steady =
          measure(
              stack,
              db,
              server,
              all.subList(warmup, warmup + paced),
              warmup,
              timeout,
              doctors -> pace(stack, doctors, rate));
      log("burst: %d opt-ins from %d threads, as fast as they are answered", burst, threads);
      Phase flood =
          measure(
              stack,
              db,
              server,
              all.subList(warmup + paced, all.size()),
              warmup + paced,
              timeout,
              doctors -> optIn(stack, doctors, threads, new ConcurrentHashMap<>()));
      double ceiling = trivialWorkflowsPerSecond(burst, threads);

      report.table(
          new Table("Consent sagas (auto-accepting insurer)", "what", "paced", "burst")
              .add("opt-ins", paced, burst)
              .add("offered rate", rate + " /s", "as fast as answered")
              .add(
                  "opt-in requests/s (sagas started)",
                  perSecond(paced, steady.apiSeconds()),
                  perSecond(burst, flood.apiSeconds()))
              .add(
                  "first opt-in -> all ACTIVE",
                  seconds(steady.allActiveSeconds()),
                  seconds(flood.allActiveSeconds()))
              .add(
                  "sagas completed/s",
                  perSecond(paced, steady.allActiveSeconds()),
                  perSecond(burst, flood.allActiveSeconds()))
              .add(
                  "trivial one-activity workflows/s (ceiling)",
                  "",
                  String.format("%.1f /s", ceiling)));
      report.table(
          new Table("Time from the opt-in request", Latencies.headers("until"))
              .add(steady.toDelivery().cells("paced: first write at the insurer"))
              .add(steady.toActive().cells("paced: consent ACTIVE"))
              .add(flood.toDelivery().cells("burst: first write at the insurer"))
              .add(flood.toActive().cells("burst: consent ACTIVE")));
      ObjectNode record = report.record("consent");
      record.put("rate", rate);
      record.put("trivial_workflows_per_s", Latencies.round(ceiling));
      steady.into(record.putObject("paced"), paced);
      flood.into(record.putObject("burst"), burst);
      CpuTable.add(report, flood.cpu(), "the burst until all ACTIVE");
    }
  }

  /** One measured batch of opt-ins. */
  private record Phase(
      double apiSeconds,
      double allActiveSeconds,
      Latencies toDelivery,
      Latencies toActive,
      CpuUsage.Breakdown cpu) {

    void into(ObjectNode record, int count) {
      record.put("opt_ins", count);
      record.put("started_per_s", Latencies.round(count / apiSeconds));
      record.put("completed_per_s", Latencies.round(count / allActiveSeconds));
      toDelivery.into(record.putObject("to_first_delivery"));
      toActive.into(record.putObject("to_active"));
    }
  }

  private static Phase measure(
      BenchStack stack,
      DeliveryTable db,
      InsurerServer server,
      List<Doctor> doctors,
      int activeBefore,
      Duration timeout,
      java.util.function.Function<List<Doctor>, Map<UUID, Long>> load) {
    CpuUsage cpu = new CpuUsage(stack.hub().pid(), stack.postmasterPid());
    CpuUsage.Snapshot before = cpu.snapshot();
    long start = System.nanoTime();
    Map<UUID, Long> requested = load.apply(doctors);
    double apiSeconds = (System.nanoTime() - start) / 1e9;
    db.await(
        () -> db.countConsents(INSURER_ID, "ACTIVE"),
        activeBefore + doctors.size(),
        timeout,
        "sagas");
    double allActiveSeconds = (System.nanoTime() - start) / 1e9;
    CpuUsage.Breakdown usage = cpu.between(before, cpu.snapshot());
    Latencies toDelivery = new Latencies();
    Map<String, Long> firstWrite = firstPractitionerWrites(server);
    requested.forEach(
        (doctor, at) -> {
          Long written = firstWrite.get(doctor.toString());
          if (written != null) {
            toDelivery.record(Math.max(0, written - at));
          }
        });
    Latencies toActive = new Latencies();
    db.activations(INSURER_ID)
        .forEach(
            (doctor, at) -> {
              Long asked = requested.get(doctor);
              if (asked != null) {
                toActive.record(Math.max(0, at - asked));
              }
            });
    return new Phase(apiSeconds, allActiveSeconds, toDelivery, toActive, usage);
  }

  /** Opt-ins started every 1/rate s (open loop), each from a pool thread. */
  private static Map<UUID, Long> pace(BenchStack stack, List<Doctor> doctors, int rate) {
    Map<UUID, Long> requested = new ConcurrentHashMap<>();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      long period = 1_000_000_000L / rate;
      long start = System.nanoTime();
      List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
      for (int i = 0; i < doctors.size(); i++) {
        long due = start + i * period;
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        Doctor d = doctors.get(i);
        sent.add(pool.submit(() -> optIn(stack, d, requested)));
      }
      for (java.util.concurrent.Future<?> f : sent) {
        f.get();
      }
      return requested;
    } catch (Exception e) {
      throw new IllegalStateException("paced opt-ins failed: " + e, e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String perSecond(int count, double seconds) {
    return String.format("%.1f /s", count / seconds);
  }

  private static String seconds(double seconds) {
    return String.format("%.1f s", seconds);
  }

  private static Map<UUID, Long> optIn(
      BenchStack stack, List<Doctor> doctors, int threads, Map<UUID, Long> requested) {
    Parallel.forEach(doctors, threads, d -> optIn(stack, d, requested));
    return requested;
  }

  private static void optIn(BenchStack stack, Doctor doctor, Map<UUID, Long> requested) {
    long at = Clocks.epochMicros();
    stack.api().post("/api/doctors/" + doctor.id + "/consents/" + INSURER_ID, Map.of()).expect(202);
    requested.put(doctor.id, at);
  }

  /** Doctor id to when (epoch micros) the insurer first stored the doctor's Practitioner. */
  private static Map<String, Long> firstPractitionerWrites(InsurerServer server) {
    Map<String, Long> first = new ConcurrentHashMap<>();
    String prefix = Arrivals.PRACTITIONER_SYSTEM + "|";
    for (WriteLogEntry write : server.writeLog()) {
      if (write.resourceType().equals("Practitioner")
          && write.identifier() != null
          && write.identifier().startsWith(prefix)) {
        long at = write.at().getEpochSecond() * 1_000_000 + write.at().getNano() / 1_000;
        first.merge(write.identifier().substring(prefix.length()), at, Math::min);
      }
    }
    return first;
  }

  /** Starts {@code count} trivial workflows from {@code threads} clients, waits for them all. */
  private static double trivialWorkflowsPerSecond(int count, int threads) {
    log("ceiling: %d trivial one-activity workflows on an in-process test server", count);
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    try {
      Worker worker = env.newWorker("trivial");
      worker.registerWorkflowImplementationTypes(TrivialWorkflow.Impl.class);
      worker.registerActivitiesImplementations((TrivialWorkflow.Echo) input -> input);
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      long start = System.nanoTime();
      List<CompletableFuture<String>> results =
          IntStream.range(0, count)
              .mapToObj(
                  i ->
                      client.newWorkflowStub(
                          TrivialWorkflow.class,
                          WorkflowOptions.newBuilder()
                              .setTaskQueue("trivial")
                              .setWorkflowId("trivial-" + i)
                              .build()))
              .map(stub -> WorkflowClient.execute(stub::run, "x"))
              .toList();
      results.forEach(CompletableFuture::join);
      return count / ((System.nanoTime() - start) / 1e9);
    } finally {
      env.close();
    }
  }
}
