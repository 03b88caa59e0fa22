package org.docport.bench;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.docport.testkit.HubClient;

/**
 * The benchmark doctors' availabilities, changed through the hub's API ({@code PUT
 * /api/doctors/{id}/availability}, If-Match on the availability's version): each doctor's weekday
 * hours ({@link AvailabilityRules}) and days of leave. A doctor is changed by one caller at a time.
 */
final class Availabilities {

  /** A PUT the hub answered: when the answer arrived (epoch micros) and how long it took. */
  record Put(long answeredMicros, long micros) {}

  private static final class Held {
    long version;
    LocalTime start;
    LocalTime end;
    final SortedSet<LocalDate> leave = new TreeSet<>();
  }

  private final HubClient api;
  private final int weeks;
  private final Map<UUID, Held> held = new ConcurrentHashMap<>();

  Availabilities(HubClient api, int weeks) {
    this.api = api;
    this.weeks = weeks;
  }

  /** Sets the doctor's weekday hours, keeping any leave. */
  Put hours(UUID doctorId, LocalTime start, LocalTime end) {
    Held availability = held.computeIfAbsent(doctorId, id -> new Held());
    availability.start = start;
    availability.end = end;
    return put(doctorId, availability);
  }

  /** Adds a whole day of leave to the doctor's availability (its hours set before). */
  Put leave(UUID doctorId, LocalDate day) {
    Held availability = held.get(doctorId);
    availability.leave.add(day);
    return put(doctorId, availability);
  }

  /** The days the doctor is on leave. */
  Set<LocalDate> leaveOf(UUID doctorId) {
    Held availability = held.get(doctorId);
    return availability == null ? Set.of() : Set.copyOf(availability.leave);
  }

  private Put put(UUID doctorId, Held availability) {
    long sent = System.nanoTime();
    HubClient.Response response =
        api.put(
            "/api/doctors/" + doctorId + "/availability",
            AvailabilityRules.weekdays(
                weeks, availability.start, availability.end, availability.leave),
            "\"" + availability.version + "\"");
    long took = (System.nanoTime() - sent) / 1_000;
    long answered = Clocks.epochMicros();
    response.expect(200);
    availability.version = Registry.version(response.etag());
    return new Put(answered, took);
  }
}
