package org.docport.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.docport.bench.DoctorProfiles.Shape;
import org.docport.testkit.HubClient;

/** The benchmark's doctors and what it does to them through the hub's API. */
final class Registry {

  /** A doctor the benchmark created, with the version it last committed. */
  static final class Doctor {
    final UUID id;
    final int index;
    volatile long version;

    Doctor(UUID id, int index, long version) {
      this.id = id;
      this.index = index;
      this.version = version;
    }
  }

  /**
   * One committed update, as the client saw it.
   *
   * @param committedMicros wall-clock time the PUT response arrived: the commit time, for a client
   * @param responseNanos monotonic time the PUT response arrived
   * @param apiMicros how long the PUT took, request sent to response received
   */
  record Update(
      UUID doctorId, long version, long committedMicros, long responseNanos, long apiMicros) {}

  private final HubClient api;
  private final Shape shape;

  Registry(HubClient api, Shape shape) {
    this.api = api;
    this.shape = shape;
  }

  List<Doctor> create(int count, int threads) {
    List<Doctor> created = Collections.synchronizedList(new ArrayList<>());
    List<Integer> indexes = java.util.stream.IntStream.range(0, count).boxed().toList();
    Parallel.forEach(
        indexes,
        threads,
        i -> {
          HubClient.Response response =
              api.post("/api/doctors", DoctorProfiles.profile(i, 1, shape)).expect(201);
          created.add(
              new Doctor(
                  UUID.fromString(response.body().get("id").asText()),
                  i,
                  version(response.etag())));
        });
    List<Doctor> sorted = new ArrayList<>(created);
    sorted.sort((a, b) -> Integer.compare(a.index, b.index));
    return sorted;
  }

  void consent(List<Doctor> doctors, List<String> insurerIds, int threads) {
    List<String[]> pairs = new ArrayList<>();
    for (Doctor doctor : doctors) {
      for (String insurer : insurerIds) {
        pairs.add(new String[] {doctor.id.toString(), insurer});
      }
    }
    Parallel.forEach(
        pairs,
        threads,
        pair ->
            api.put(
                    "/api/operator/consents/" + pair[0] + "/" + pair[1],
                    Map.of("status", "ACTIVE"),
                    null)
                .expect(200));
  }

  /**
   * Replaces the doctor's profile with a new revision (If-Match on the version last seen) and
   * returns the update with the moment its response arrived: the commit time, as a client sees it.
   */
  Update update(Doctor doctor) {
    long expected = doctor.version;
    long sent = System.nanoTime();
    HubClient.Response response =
        api.put(
            "/api/doctors/" + doctor.id,
            DoctorProfiles.profile(doctor.index, expected + 1, shape),
            "\"" + expected + "\"");
    long received = System.nanoTime();
    long committed = Clocks.epochMicros();
    response.expect(200);
    long version = version(response.etag());
    doctor.version = version;
    return new Update(doctor.id, version, committed, received, (received - sent) / 1_000);
  }

  static Map<UUID, Long> versions(List<Doctor> doctors) {
    return doctors.stream().collect(Collectors.toMap(d -> d.id, d -> d.version));
  }

  static Map<UUID, Doctor> byId(List<Doctor> doctors) {
    return doctors.stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
  }

  /** The version an ETag names ({@code "3"} or {@code W/"3"}). */
  static long version(String etag) {
    if (etag == null) {
      throw new IllegalStateException("response without ETag");
    }
    return Long.parseLong(etag.replace("W/", "").replace("\"", ""));
  }
}
