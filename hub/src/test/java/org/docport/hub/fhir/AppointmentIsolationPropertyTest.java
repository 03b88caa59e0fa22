package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Insurer isolation on appointments, over a generated run: three insurers book, hold, move, cancel
 * and read in random order into the slots of two doctors, each consented to two of them, and try
 * each other's appointments. After every step each insurer sees exactly the appointments it made
 * (search and read), another insurer's appointment answers 404 like one that never existed and is
 * not changed by anything it tries, a doctor it may not see has no slot it can take, and no slot is
 * ever held or booked twice. One seeded {@link Random} draws every step: a failure names its seed
 * and step, and replays with {@code -Ddocport.booking.seed=...}.
 */
class AppointmentIsolationPropertyTest extends BookingTest {

  private static final Logger log = LoggerFactory.getLogger(AppointmentIsolationPropertyTest.class);

  private static final int STEPS = 80;

  /** What the model expects of one appointment. */
  private static final class Expected {
    final int owner;
    String slot;
    AppointmentStatus status;

    Expected(int owner, String slot, AppointmentStatus status) {
      this.owner = owner;
      this.slot = slot;
      this.status = status;
    }

    boolean takesItsSlot() {
      return status == AppointmentStatus.BOOKED || status == AppointmentStatus.PENDING;
    }
  }

  @Test
  void everyInsurerSeesAndChangesOnlyItsOwnAppointments() {
    long seed = Long.getLong("docport.booking.seed", System.nanoTime());
    log.info("appointment isolation: seed {}", seed);
    Random random = new Random(seed);
    String run = Long.toString(Math.abs(seed) % 100_000, 36);
    List<Insurer> insurers = List.of(insurer(), insurer(), insurer());
    List<IGenericClient> clients = insurers.stream().map(this::booking).toList();
    // Doctor A sees insurers 0 and 1, doctor B insurers 1 and 2.
    bookableDoctor("IsoA" + run, insurers.get(0), insurers.get(1));
    bookableDoctor("IsoB" + run, insurers.get(1), insurers.get(2));
    Map<String, Set<Integer>> seenBy = new HashMap<>();
    List<String> slots = new ArrayList<>();
    for (String[] doctor : new String[][] {{"IsoA", "0", "1"}, {"IsoB", "1", "2"}}) {
      IGenericClient viewer = clients.get(Integer.parseInt(doctor[1]));
      for (String slot : freeSlots(viewer, doctor[0] + run)) {
        slots.add(slot);
        seenBy.put(slot, Set.of(Integer.parseInt(doctor[1]), Integer.parseInt(doctor[2])));
      }
    }
    assertThat(slots).hasSize(4);
    Map<String, Expected> model = new HashMap<>();
    List<String> ids = new ArrayList<>(List.of(UUID.randomUUID().toString()));

    for (int step = 0; step < STEPS; step++) {
      int who = random.nextInt(3);
      IGenericClient fhir = clients.get(who);
      String slot = slots.get(random.nextInt(slots.size()));
      String id = ids.get(random.nextInt(ids.size()));
      Expected target = model.get(id);
      String what;
      switch (random.nextInt(5)) {
        case 0, 1 -> {
          boolean hold = random.nextBoolean();
          what = (hold ? "hold " : "book ") + slot;
          int expected = !seenBy.get(slot).contains(who) ? 404 : taken(model, slot) ? 409 : 200;
          int got =
              status(
                  () -> {
                    Appointment made = hold ? hold(fhir, slot, 30) : create(fhir, slot);
                    String madeId = made.getIdElement().getIdPart();
                    ids.add(madeId);
                    model.put(
                        madeId,
                        new Expected(
                            who,
                            slot,
                            hold ? AppointmentStatus.PENDING : AppointmentStatus.BOOKED));
                  });
          assertStep(seed, step, who, what, got, expected);
        }
        case 2 -> {
          what = "cancel " + id;
          int expected = target == null || target.owner != who ? 404 : 200;
          int got =
              status(
                  () -> {
                    Appointment cancel = new Appointment().setStatus(AppointmentStatus.CANCELLED);
                    cancel.setId("Appointment/" + id);
                    fhir.update().resource(cancel).execute();
                  });
          assertStep(seed, step, who, what, got, expected);
          if (got == 200) {
            target.status = AppointmentStatus.CANCELLED;
          }
        }
        case 3 -> {
          what = "move " + id + " to " + slot;
          int expected;
          if (target == null || target.owner != who) {
            expected = 404;
          } else if (target.status == AppointmentStatus.PENDING && target.slot.equals(slot)) {
            expected = 200; // booked, at the time it holds: the hold is confirmed
          } else if (target.status != AppointmentStatus.BOOKED) {
            expected = 409;
          } else if (target.slot.equals(slot)) {
            expected = 200;
          } else if (!seenBy.get(slot).contains(who)) {
            expected = 404;
          } else {
            expected = taken(model, slot) ? 409 : 200;
          }
          int got =
              status(
                  () -> {
                    Appointment move = request(slot);
                    move.setId("Appointment/" + id);
                    fhir.update().resource(move).execute();
                  });
          assertStep(seed, step, who, what, got, expected);
          if (got == 200) {
            target.slot = slot;
            target.status = AppointmentStatus.BOOKED;
          }
        }
        default -> {
          what = "read " + id;
          int expected = target == null || target.owner != who ? 404 : 200;
          int got = status(() -> fhir.read().resource(Appointment.class).withId(id).execute());
          assertStep(seed, step, who, what, got, expected);
        }
      }
      for (int insurer = 0; insurer < 3; insurer++) {
        assertSees(seed, step, what, insurer, clients.get(insurer), model);
      }
    }
  }

  /** The insurer's search and reads show exactly its appointments, as the model has them. */
  private static void assertSees(
      long seed,
      int step,
      String what,
      int insurer,
      IGenericClient fhir,
      Map<String, Expected> model) {
    Map<String, Appointment> found =
        resources(search(fhir, "Appointment?_count=500"), Appointment.class).stream()
            .collect(Collectors.toMap(a -> a.getIdElement().getIdPart(), a -> a));
    Set<String> mine =
        model.entrySet().stream()
            .filter(e -> e.getValue().owner == insurer)
            .map(Map.Entry::getKey)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(new TreeSet<>(found.keySet()))
        .as("seed %d, step %d (%s): insurer %d's appointments", seed, step, what, insurer)
        .isEqualTo(mine);
    for (String id : mine) {
      Appointment seen = found.get(id);
      Expected expected = model.get(id);
      assertThat(seen.getStatus())
          .as("seed %d, step %d (%s): status of %s", seed, step, what, id)
          .isEqualTo(expected.status);
      assertThat(seen.getSlot())
          .extracting(Reference::getReference)
          .containsExactly("Slot/" + expected.slot);
    }
  }

  private static boolean taken(Map<String, Expected> model, String slot) {
    return model.values().stream().anyMatch(e -> e.slot.equals(slot) && e.takesItsSlot());
  }

  private static void assertStep(long seed, int step, int who, String what, int got, int expected) {
    assertThat(got)
        .as("seed %d, step %d: insurer %d tries to %s", seed, step, who, what)
        .isEqualTo(expected);
  }

  /** 200 when the call succeeds, else the HTTP status it was refused with. */
  private static int status(Runnable call) {
    try {
      call.run();
      return 200;
    } catch (BaseServerResponseException e) {
      return e.getStatusCode();
    }
  }
}
