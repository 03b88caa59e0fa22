package org.docport.bench;

import static org.docport.bench.Benchmarks.log;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.docport.bench.BenchStack.Insurer;
import org.docport.bench.DoctorProfiles.Shape;
import org.docport.bench.Registry.Doctor;
import org.docport.bench.SlotTable.Row;
import org.docport.insurersim.InsurerServer;

/**
 * Doctors' calendars reaching insurers (issue 8, item 10). Doctors with weekday hours (15-minute
 * consultations, 09:00-13:00 in Asia/Kolkata, {@code --weeks} ahead), consented to all three
 * insurers, whose slots every simulator holds. Then (1) {@link LeaveLoad}: at {@code --rate} per
 * second a random one of {@code --doctors} doctors declares a day of leave, timed until each
 * insurer holds all that day's slots as {@code busy-unavailable}; (2) {@link HoursChange}: {@code
 * --hours-doctors} doctors move their hours at once, timed until each insurer holds exactly the new
 * slots, and the same kind of Bundles written straight to the simulators (the ceiling, in the same
 * run). Arrival is seen at the simulators' commits ({@link SlotFeed}), not by polling them.
 */
final class CalendarScenario implements Scenario {

  static final LocalTime OPENS = LocalTime.of(9, 0);
  static final LocalTime CLOSES = LocalTime.of(13, 0);

  @Override
  public String name() {
    return "calendar";
  }

  @Override
  public void run(BenchStack stack, Options options, Report report) throws Exception {
    int leaveDoctors = options.integer("doctors", 200);
    int hoursDoctors = options.integer("hours-doctors", 1000);
    int weeks = options.integer("weeks", 2);
    int threads = options.integer("threads", 4);
    Duration timeout = options.duration("timeout", Duration.ofMinutes(5));
    List<InsurerServer> sims = stack.insurers().stream().map(Insurer::server).toList();
    List<String> insurerIds = stack.insurers().stream().map(Insurer::id).toList();

    int count = Math.max(leaveDoctors, hoursDoctors);
    log("creating %d doctors and %d consents", count, count * sims.size());
    Registry registry = new Registry(stack.api(), Shape.FULL);
    List<Doctor> created = registry.create(count, threads);
    registry.consent(created, insurerIds, threads);
    List<UUID> doctors = created.stream().map(d -> d.id).toList();
    Map<String, LeaveWatch> awaited = new ConcurrentHashMap<>();
    List<SlotFeed> feeds = SlotFeed.listen(sims, awaited);
    Availabilities availabilities = new Availabilities(stack.api(), weeks);
    try (DeliveryTable deliveries = new DeliveryTable(stack.db())) {
      log("setting %d availabilities, waiting until every insurer holds every slot", count);
      long start = System.nanoTime();
      Parallel.forEach(doctors, threads, d -> availabilities.hours(d, OPENS, CLOSES));
      awaitCalendars(deliveries, doctors, sims.size(), timeout, "first delivery of the slots");
      Map<UUID, List<Row>> slots = SlotTable.byDoctor(stack.db(), doctors);
      seedTable(report, stack, slots, count, weeks, (System.nanoTime() - start) / 1e9);

      CpuUsage cpu = new CpuUsage(stack.hub().pid(), stack.postmasterPid());
      new LeaveLoad(stack, availabilities, awaited, cpu)
          .run(
              report,
              doctors.subList(0, leaveDoctors),
              slots,
              weeks,
              options.integer("rate", 5),
              options.duration("duration", Duration.ofSeconds(60)),
              timeout);
      new HoursChange(stack, availabilities, deliveries, feeds, cpu)
          .run(
              report,
              doctors.subList(0, hoursDoctors),
              doctors,
              threads,
              options.integer("bare-threads", 8),
              timeout);
    }
  }

  /**
   * Waits until every insurer holds the calendar of every one of {@code doctors} as it is now, by
   * the hub's receipts ({@link DeliveryTable#countCalendarsDelivered}).
   */
  static void awaitCalendars(
      DeliveryTable deliveries, List<UUID> doctors, int insurers, Duration timeout, String what) {
    UUID[] ids = doctors.toArray(UUID[]::new);
    deliveries.await(
        () -> deliveries.countCalendarsDelivered(ids), (long) ids.length * insurers, timeout, what);
  }

  /** The seed, and each simulator's slots compared with the hub's. */
  private static void seedTable(
      Report report,
      BenchStack stack,
      Map<UUID, List<Row>> slots,
      int doctors,
      int weeks,
      double seconds)
      throws SQLException {
    Map<String, String> statuses = SlotTable.statuses(slots);
    Table seed =
        new Table(
            String.format(
                "Seed: %d doctors, weekdays %s-%s for %d weeks, %,d slots; availabilities set ->"
                    + " every slot at every insurer in %.1f s",
                doctors, OPENS, CLOSES, weeks, statuses.size(), seconds),
            "insurer",
            "holds");
    for (Insurer insurer : stack.insurers()) {
      seed.add(insurer.id(), SlotTable.census(insurer.server(), statuses).describe());
    }
    report.table(seed);
  }
}
