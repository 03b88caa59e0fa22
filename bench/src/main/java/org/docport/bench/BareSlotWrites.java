package org.docport.bench;

import static org.docport.bench.Benchmarks.log;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.bench.SlotTable.Row;
import org.docport.insurersim.InsurerServer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Slot;

/**
 * The ceiling of a change of weekly hours: the same kind of transaction Bundles the hub sends, one
 * per doctor and simulator, written straight to the simulators without DocPort, as many threads per
 * simulator as the hub delivers with. Each Bundle undoes the hub's change of one doctor: a
 * conditional DELETE of each slot the new hours added, and a conditional PUT, under a new
 * identifier (so a create, as the hub's were), of the slot as long before as the hours were moved,
 * copied from the simulator's own copy of the slot it replaces, so Schedule reference and content
 * are what the hub wrote. The first tenth of the Bundles warm the client up and are not timed.
 */
final class BareSlotWrites {

  /** What the timed writes measured; {@code latencies} per Bundle. */
  record Result(
      long bundles, long slotWrites, double seconds, Latencies latencies, CpuUsage.Breakdown cpu) {

    double bundlesPerSecond() {
      return bundles / seconds;
    }

    double writesPerSecond() {
      return slotWrites / seconds;
    }
  }

  private record Task(IGenericClient client, Bundle bundle) {}

  private BareSlotWrites() {}

  /**
   * Undoes, at every simulator, the change that added {@code added} (by doctor) to each doctor's
   * slots: each added slot deleted, and one {@code back} earlier written in its place.
   */
  static Result run(
      List<InsurerServer> sims,
      Map<UUID, List<Row>> added,
      Duration back,
      int threadsPerSim,
      CpuUsage cpu) {
    List<Task> tasks = new ArrayList<>();
    // Round robin over the simulators, so each has about threadsPerSim of the threads at a time.
    List<UUID> doctors = added.keySet().stream().filter(d -> !added.get(d).isEmpty()).toList();
    for (UUID doctor : doctors) {
      for (InsurerServer sim : sims) {
        tasks.add(new Task(SimClients.of(sim), undo(sim, added.get(doctor), back)));
      }
    }
    // The hub's connectors were warmed up by the seed; this client is warmed up by a tenth.
    int warm = tasks.size() < 2 * sims.size() ? 0 : tasks.size() / 10 / sims.size() * sims.size();
    Latencies ignored = new Latencies();
    Parallel.forEach(tasks.subList(0, warm), threadsPerSim * sims.size(), t -> post(t, ignored));
    List<Task> measured = tasks.subList(warm, tasks.size());
    long writes = measured.stream().mapToLong(t -> t.bundle().getEntry().size()).sum();
    log(
        "bare: %d Bundles of %d slot writes to %d simulators (after %d to warm up)",
        measured.size(), writes, sims.size(), warm);
    Latencies latencies = new Latencies();
    CpuUsage.Snapshot before = cpu.snapshot();
    long start = System.nanoTime();
    Parallel.forEach(measured, threadsPerSim * sims.size(), t -> post(t, latencies));
    double seconds = (System.nanoTime() - start) / 1e9;
    CpuUsage.Breakdown used = cpu.between(before, cpu.snapshot());
    return new Result(measured.size(), writes, seconds, latencies, used);
  }

  private static void post(Task task, Latencies latencies) {
    long sent = System.nanoTime();
    task.client().transaction().withBundle(task.bundle()).execute();
    long micros = (System.nanoTime() - sent) / 1_000;
    synchronized (latencies) {
      latencies.record(micros);
    }
  }

  private static Bundle undo(InsurerServer sim, List<Row> added, Duration back) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (Row row : added) {
      Slot held =
          sim.findByIdentifier(Slot.class, SlotFeed.SLOT_SYSTEM, row.id())
              .orElseThrow(() -> new IllegalStateException("no slot " + row.id() + " at " + sim));
      bundle
          .addEntry()
          .getRequest()
          .setMethod(Bundle.HTTPVerb.DELETE)
          .setUrl(conditional(row.id()));
      String earlier = UUID.nameUUIDFromBytes(("bare/" + row.id()).getBytes()).toString();
      Slot slot = held.copy();
      slot.setId((String) null);
      slot.setMeta(null);
      slot.getIdentifierFirstRep().setValue(earlier);
      slot.setStatus(Slot.SlotStatus.FREE);
      slot.setComment(null);
      slot.setStart(Date.from(row.start().minus(back)));
      slot.setEnd(Date.from(row.end().minus(back)));
      bundle
          .addEntry()
          .setResource(slot)
          .getRequest()
          .setMethod(Bundle.HTTPVerb.PUT)
          .setUrl(conditional(earlier));
    }
    return bundle;
  }

  /** {@code Slot?identifier=system|value}, as the hub's connector writes it. */
  private static String conditional(String slotId) {
    return "Slot?identifier=" + URLEncoder.encode(SlotFeed.key(slotId), StandardCharsets.UTF_8);
  }
}
