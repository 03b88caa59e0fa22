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
    int count = options.integer("doctors", 500);
    int warmup = options.integer("warmup", 50);
    int threads = options.integer("threads", 8);
    Duration timeout = options.duration("timeout", Duration.ofMinutes(5));
    InsurerServer server = stack.insurers().get(0).server();
    stack.registerInsurer(INSURER_ID, server.baseUrl(), true);
    Registry registry = new Registry(stack.api(), Shape.FULL);
    log("creating %d doctors (%d of them for the warm-up)", count + warmup, warmup);
    List<Doctor> all = registry.create(count + warmup, 4);
    try (DeliveryTable db = new DeliveryTable(stack.db())) {
      log("warm-up: %d opt-ins (not measured)", warmup);
      optIn(stack, all.subList(0, warmup), threads, new ConcurrentHashMap<>());
      db.await(() -> db.countConsents(INSURER_ID, "ACTIVE"), warmup, timeout, "warm-up");

      List<Doctor> doctors = all.subList(warmup, all.size());
      Map<UUID, Long> requested = new ConcurrentHashMap<>();
      CpuUsage cpu = new CpuUsage(stack.hub().pid(), stack.postmasterPid());
      CpuUsage.Snapshot before = cpu.snapshot();
      log("measuring: %d opt-ins from %d threads", count, threads);
      long start = System.nanoTime();
      optIn(stack, doctors, threads, requested);
      double apiSeconds = (System.nanoTime() - start) / 1e9;
      db.await(() -> db.countConsents(INSURER_ID, "ACTIVE"), warmup + count, timeout, "sagas");
      double allActiveSeconds = (System.nanoTime() - start) / 1e9;
      CpuUsage.Snapshot after = cpu.snapshot();

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
      double ceiling = trivialWorkflowsPerSecond(count, threads);

      report.table(
          new Table("Consent sagas (auto-accepting insurer)", "what", "value")
              .add("opt-ins", count)
              .add(
                  "opt-in requests/s (sagas started)", String.format("%.1f /s", count / apiSeconds))
              .add("first opt-in -> all ACTIVE", String.format("%.1f s", allActiveSeconds))
              .add("sagas completed/s", String.format("%.1f /s", count / allActiveSeconds))
              .add(
                  "trivial one-activity workflows/s (ceiling, in-process test server)",
                  String.format("%.1f /s", ceiling)));
      report.table(
          new Table("Time from the opt-in request", Latencies.headers("until"))
              .add(toDelivery.cells("first write at the insurer"))
              .add(toActive.cells("consent ACTIVE")));
      ObjectNode record = report.record("consent");
      record.put("opt_ins", count);
      record.put("started_per_s", Latencies.round(count / apiSeconds));
      record.put("completed_per_s", Latencies.round(count / allActiveSeconds));
      record.put("trivial_workflows_per_s", Latencies.round(ceiling));
      toDelivery.into(record.putObject("to_first_delivery"));
      toActive.into(record.putObject("to_active"));
      CpuTable.add(report, cpu.between(before, after), "the measured opt-ins until all ACTIVE");
    }
  }

  private static void optIn(
      BenchStack stack, List<Doctor> doctors, int threads, Map<UUID, Long> requested) {
    Parallel.forEach(
        doctors,
        threads,
        d -> {
          long at = Clocks.epochMicros();
          stack
              .api()
              .post("/api/doctors/" + d.id + "/consents/" + INSURER_ID, Map.of())
              .expect(202);
          requested.put(d.id, at);
        });
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
