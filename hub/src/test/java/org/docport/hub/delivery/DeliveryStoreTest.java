package org.docport.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.DeliveryResult;
import org.docport.connectors.Lease;
import org.docport.connectors.delivery.DeliveryStore;
import org.docport.hub.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DeliveryStoreTest extends HubTest {

  @Autowired DeliveryStore store;
  @Autowired JdbcTemplate jdbc;
  @Autowired InsurerConnections connections;

  @Test
  void aSkippedAttemptReleasesThePairAndKeepsANewerVersionPending() {
    String insurer = pausedInsurer();
    UUID skipped = UUID.randomUUID();
    UUID overtaken = UUID.randomUUID();
    DeliveryJob skippedJob = leased(insurer, skipped, 3, 3);
    DeliveryJob overtakenJob = leased(insurer, overtaken, 5, 4);

    store.skipped(skippedJob, "no consent");
    store.skipped(overtakenJob, "no consent");

    assertThat(row(insurer, skipped))
        .containsEntry("state", "SKIPPED")
        .containsEntry("last_error", "no consent");
    assertThat(row(insurer, overtaken))
        .containsEntry("state", "PENDING")
        .containsEntry("last_error", null);
    assertThat(row(insurer, skipped).get("lease_until")).isNull();
    assertThat(row(insurer, overtaken).get("lease_until")).isNull();
  }

  @Test
  void aWorkerThatLostItsClaimRecordsNothingOverTheWorkerThatTookThePair() {
    String insurer = pausedInsurer();
    UUID doctor = UUID.randomUUID();
    DeliveryJob first = leased(insurer, doctor, 1, 1);
    // The first claim ran out; another worker took the pair and delivered version 2.
    jdbc.update(
        "update delivery set lease_until = now() - interval '1 second', wanted_version = 2"
            + " where insurer_id = ? and doctor_id = ?",
        insurer,
        doctor);
    DeliveryJob second = store.claimPair(insurer, doctor, Duration.ofMinutes(1)).orElseThrow();
    store.delivered(second, new DeliveryResult.Delivered(2, Map.of("a|b", "Practitioner/2")));

    store.delivered(first, new DeliveryResult.Delivered(1, Map.of("a|b", "Practitioner/1")));
    store.retryLater(first, Duration.ofHours(1), "late failure");
    store.deadLetter(first, 400, "late refusal", null);

    assertThat(row(insurer, doctor))
        .containsEntry("state", "DELIVERED")
        .containsEntry("delivered_version", 2L)
        .containsEntry("attempts", 0)
        .containsEntry("last_error", null);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from dead_letter where insurer_id = ? and doctor_id = ?",
                Integer.class,
                insurer,
                doctor))
        .isZero();
  }

  @Test
  void receiptsOfSeveralInsurersRecordedInOneStatementEachKeepTheirOwnRules() {
    String first = pausedInsurer();
    String second = pausedInsurer();
    UUID plain = UUID.randomUUID();
    UUID withCalendar = UUID.randomUUID();
    UUID overtaken = UUID.randomUUID();
    UUID lost = UUID.randomUUID();
    DeliveryJob plainJob = leased(first, plain, 3, 3);
    DeliveryJob calendarJob = leased(second, withCalendar, 2, 2);
    jdbc.update(
        "update delivery set calendar_wanted = 7 where insurer_id = ? and doctor_id = ?",
        second,
        withCalendar);
    DeliveryJob overtakenJob = leased(second, overtaken, 5, 4);
    DeliveryJob lostJob = leased(first, lost, 1, 1);
    takeOver(first, lost);

    Set<DeliveryStore.Pair> recorded =
        store.delivered(
            List.of(
                receipted(plainJob, 3, null),
                receipted(calendarJob, 2, 7L),
                receipted(overtakenJob, 4, null),
                receipted(lostJob, 1, null)));

    assertThat(recorded)
        .containsExactlyInAnyOrder(
            new DeliveryStore.Pair(first, plain),
            new DeliveryStore.Pair(second, withCalendar),
            new DeliveryStore.Pair(second, overtaken));
    assertThat(row(first, plain))
        .containsEntry("state", "DELIVERED")
        .containsEntry("delivered_version", 3L);
    assertThat(row(second, withCalendar))
        .containsEntry("state", "DELIVERED")
        .containsEntry("delivered_version", 2L);
    assertThat(
            jdbc.queryForObject(
                "select calendar_delivered from delivery where insurer_id = ? and doctor_id = ?",
                Long.class,
                second,
                withCalendar))
        .isEqualTo(7L);
    assertThat(row(second, overtaken))
        .containsEntry("state", "PENDING")
        .containsEntry("delivered_version", 4L);
    assertThat(row(first, lost))
        .containsEntry("state", "PENDING")
        .containsEntry("delivered_version", null);
  }

  /** Another worker takes the pair over: the claim a job holds no longer holds it. */
  private void takeOver(String insurer, UUID doctor) {
    jdbc.update(
        "update delivery set lease_token = gen_random_uuid() where insurer_id = ? and doctor_id = ?",
        insurer,
        doctor);
  }

  private static DeliveryStore.Receipted receipted(DeliveryJob job, long version, Long calendar) {
    return new DeliveryStore.Receipted(
        job,
        new DeliveryResult.Delivered(
            version, Map.of("a|" + job.doctorId(), "Practitioner/" + version), calendar));
  }

  @Test
  void renewingKeepsARunningClaimAndTellsALostOneItIsLost() {
    String insurer = pausedInsurer();
    UUID kept = UUID.randomUUID();
    UUID takenOver = UUID.randomUUID();
    DeliveryJob keptJob = leased(insurer, kept, 1, 1);
    DeliveryJob lostJob = leased(insurer, takenOver, 1, 1);
    takeOver(insurer, takenOver);

    store.renew(insurer, List.of(keptJob, lostJob), Duration.ofMinutes(10));

    assertThat(
            jdbc.queryForObject(
                "select lease_until > now() + interval '9 minutes' from delivery"
                    + " where insurer_id = ? and doctor_id = ?",
                Boolean.class,
                insurer,
                kept))
        .isTrue();
    keptJob.lease().ensureLasts(Duration.ofMinutes(9));
    assertThat(catchThrowable(() -> lostJob.lease().ensureLasts(Duration.ZERO)))
        .hasMessageContaining("lease ends");
  }

  /**
   * A doctor's delivery writes the insurer's own resources as it read them; so the insurer's own
   * pair waits for the deliveries in flight, and no new one starts while it is due or in flight.
   */
  @Test
  void theInsurersOwnPairGoesAloneAfterTheDeliveriesInFlight() {
    String insurer = unconnectedInsurer();
    Duration lease = Duration.ofMinutes(1);
    UUID inFlight = UUID.randomUUID();
    UUID waiting = UUID.randomUUID();
    leased(insurer, inFlight, 1, 1);
    pending(insurer, waiting, 1);
    pending(insurer, DeliveryJob.INSURERS_OWN, 2);

    assertThat(store.claim(insurer, 10, lease)).isEmpty();

    jdbc.update(
        "update delivery set state = 'DELIVERED', lease_until = null, lease_token = null"
            + " where insurer_id = ? and doctor_id = ?",
        insurer,
        inFlight);
    List<DeliveryJob> own = store.claim(insurer, 10, lease);
    assertThat(own).extracting(DeliveryJob::doctorId).containsExactly(DeliveryJob.INSURERS_OWN);
    assertThat(own.get(0).insurersOwn()).isTrue();
    assertThat(store.claim(insurer, 10, lease)).isEmpty();

    store.delivered(own.get(0), new DeliveryResult.Delivered(2, Map.of()));
    assertThat(store.claim(insurer, 10, lease))
        .extracting(DeliveryJob::doctorId)
        .containsExactly(waiting);
    assertThat(row(insurer, DeliveryJob.INSURERS_OWN))
        .containsEntry("state", "DELIVERED")
        .containsEntry("delivered_version", 2L);
  }

  @Test
  void doctorsAreDeliveredWhileTheInsurersOwnPairWaitsForARetry() {
    String insurer = unconnectedInsurer();
    UUID doctor = UUID.randomUUID();
    pending(insurer, doctor, 1);
    pending(insurer, DeliveryJob.INSURERS_OWN, 2);
    jdbc.update(
        "update delivery set next_attempt_at = now() + interval '1 hour', attempts = 3"
            + " where insurer_id = ? and doctor_id = ?",
        insurer,
        DeliveryJob.INSURERS_OWN);

    assertThat(store.claim(insurer, 10, Duration.ofMinutes(1)))
        .extracting(DeliveryJob::doctorId)
        .containsExactly(doctor);
  }

  @Test
  void statementsWritingManyPairsWaitForEachOtherInsteadOfDeadlocking() throws Exception {
    String insurer = pausedInsurer();
    List<DeliveryJob> claims = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      claims.add(leased(insurer, UUID.randomUUID(), 1, 1));
    }
    List<DeliveryJob> reversed = new ArrayList<>(claims);
    Collections.reverse(reversed);
    int rounds = 300;

    // A lane renews its claims in one order while change capture plans new versions of the same
    // pairs in the other: each statement locks many rows, and PostgreSQL would break a cycle
    // between them only after deadlock_timeout, by failing one.
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      Future<?> renewing =
          two.submit(
              () -> {
                for (int round = 0; round < rounds; round++) {
                  store.renew(insurer, claims, Duration.ofMinutes(1));
                }
              });
      Future<?> planning =
          two.submit(
              () -> {
                for (int round = 0; round < rounds; round++) {
                  long version = round + 2;
                  store.enqueue(
                      reversed.stream()
                          .map(c -> new DeliveryStore.Wanted(insurer, c.doctorId(), version))
                          .toList());
                }
              });
      renewing.get(2, TimeUnit.MINUTES);
      planning.get(2, TimeUnit.MINUTES);
    } finally {
      two.shutdownNow();
    }

    assertThat(
            jdbc.queryForList(
                "select distinct wanted_version from delivery where insurer_id = ?",
                Long.class,
                insurer))
        .containsExactly((long) rounds + 1);
    assertThat(claims)
        .as("every claim renewed, none lost")
        .allSatisfy(c -> c.lease().ensureLasts(Duration.ofSeconds(30)));
  }

  /** An insurer whose lane is stopped, so only the test claims its rows. */
  private String unconnectedInsurer() {
    String id = insurer().id();
    connections.close(id);
    return id;
  }

  private void pending(String insurer, UUID doctor, long wanted) {
    store.enqueue(List.of(new DeliveryStore.Wanted(insurer, doctor, wanted)));
  }

  /** Paused, so the insurer's lane cannot claim the rows while the test works on them. */
  private String pausedInsurer() {
    String insurer = insurer().id();
    operator().post("/api/operator/insurers/" + insurer + "/pause", Map.of()).expect(200);
    return insurer;
  }

  /** A pending row claimed by a job of {@code jobVersion}, as a lane's claim leaves it. */
  private DeliveryJob leased(String insurer, UUID doctor, long wanted, long jobVersion) {
    UUID token = UUID.randomUUID();
    jdbc.update(
        "insert into delivery (insurer_id, doctor_id, wanted_version, state, lease_until,"
            + " lease_token) values (?, ?, ?, 'PENDING', now() + interval '1 minute', ?)",
        insurer,
        doctor,
        wanted,
        token);
    return new DeliveryJob(
        insurer,
        doctor,
        jobVersion,
        0,
        Map.of(),
        Lease.taken(token, System.nanoTime(), Duration.ofMinutes(1)));
  }

  private Map<String, Object> row(String insurer, UUID doctor) {
    return jdbc.queryForMap(
        "select state, last_error, lease_until, delivered_version, attempts from delivery"
            + " where insurer_id = ? and doctor_id = ?",
        insurer,
        doctor);
  }
}
