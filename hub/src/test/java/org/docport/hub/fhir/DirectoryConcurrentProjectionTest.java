package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.docport.hub.HubTest;
import org.docport.hub.SampleDoctors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two projections write one practice at once: doctors who share an affiliated organisation are
 * projected by two workers side by side (and by the hub's own projector, but for the withdrawal),
 * and the practice keeps one version per content, versions without gaps, the right owners, and a
 * tombstone once its last doctor is gone.
 */
class DirectoryConcurrentProjectionTest extends HubTest {

  private static final int DOCTORS = 16;

  @Autowired DirectoryProjection projection;
  @Autowired DirectoryProjector projector;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void doctorsOfOnePracticeProjectedSideBySideKeepItsVersionsAndOwners() throws Exception {
    Insurer insurer = insurer();
    String practice = "Shared Practice " + UUID.randomUUID().toString().substring(0, 8);
    List<String> doctors = new ArrayList<>();
    for (int i = 0; i < DOCTORS; i++) {
      Map<String, Object> profile = new HashMap<>(SampleDoctors.profile("Share" + i));
      profile.put("affiliations", List.of(Map.of("name", practice)));
      doctors.add(operator().post("/api/doctors", profile).expect(201).body().get("id").asText());
    }
    doctors.forEach(doctor -> consent(doctor, insurer, "ACTIVE"));
    projectSideBySide(
        () -> owners(insurer, practice) == DOCTORS && practitioners(insurer) == DOCTORS);
    Map<String, Long> published = sharedVersions(insurer);
    assertThat(published).as("the practice and its affiliations").isNotEmpty();
    assertVersionsWithoutGaps(insurer);

    tx.executeWithoutResult(
        s -> projection.enqueue(doctors.stream().map(UUID::fromString).toList()));
    projectSideBySide(() -> pending() == 0);
    assertThat(sharedVersions(insurer)).as("projected again, unchanged").isEqualTo(published);
    assertThat(owners(insurer, practice)).isEqualTo(DOCTORS);

    // The hub's projector stands aside, so all the revocations are queued and the two workers
    // disown the practice side by side.
    projector.stop();
    try {
      doctors.forEach(doctor -> consent(doctor, insurer, "REVOKED"));
      await().atMost(Duration.ofSeconds(30)).until(() -> pending() == DOCTORS);
      projectSideBySide(() -> practitioners(insurer) == 0);
    } finally {
      projector.begin();
    }
    assertThat(live(insurer, practice)).as("the practice once its last doctor is gone").isZero();
    Map<String, Long> withdrawn = sharedVersions(insurer);
    published.forEach(
        (resource, version) ->
            assertThat(withdrawn.get(resource)).as(resource).isEqualTo(version + 1));
    assertVersionsWithoutGaps(insurer);

    doctors.forEach(doctor -> consent(doctor, insurer, "ACTIVE"));
    projectSideBySide(
        () -> owners(insurer, practice) == DOCTORS && practitioners(insurer) == DOCTORS);
    assertThat(live(insurer, practice)).as("the practice published again").isEqualTo(1);
    Map<String, Long> again = sharedVersions(insurer);
    published.forEach(
        (resource, version) -> assertThat(again.get(resource)).as(resource).isEqualTo(version + 2));
    assertVersionsWithoutGaps(insurer);
  }

  /** Two workers project in small batches until the view is as expected and the queue empty. */
  private void projectSideBySide(BooleanSupplier done) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> running = new ArrayList<>();
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      for (int i = 0; i < 2; i++) {
        running.add(
            workers.submit(
                () -> {
                  while (System.nanoTime() < until && !(done.getAsBoolean() && pending() == 0)) {
                    projection.projectNext(2);
                  }
                }));
      }
      for (Future<?> worker : running) {
        worker.get();
      }
    } finally {
      workers.shutdownNow();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> done.getAsBoolean() && pending() == 0);
  }

  private int pending() {
    return jdbc.queryForObject("select count(*) from directory_pending", Integer.class);
  }

  private int practitioners(Insurer insurer) {
    return jdbc.queryForObject(
        "select count(*) from directory_resource where insurer_id = ? and type = 'Practitioner'"
            + " and not deleted",
        Integer.class,
        insurer.id());
  }

  /** The doctors on record for the practice's Organization. */
  private int owners(Insurer insurer, String practice) {
    return jdbc.queryForObject(
        """
        select count(*) from directory_owner o join directory_history h
          on h.insurer_id = o.insurer_id and h.type = o.type and h.id = o.id
        where o.insurer_id = ? and o.type = 'Organization' and h.version = 1
          and h.content like ?
        """,
        Integer.class,
        insurer.id(),
        "%" + practice + "%");
  }

  /** The practice's Organization, if live: its content names the practice. */
  private int live(Insurer insurer, String practice) {
    return jdbc.queryForObject(
        "select count(*) from directory_resource where insurer_id = ? and type = 'Organization'"
            + " and not deleted and content like ?",
        Integer.class,
        insurer.id(),
        "%" + practice + "%");
  }

  /** The current version of each shared resource (one with owners) of the insurer's view. */
  private Map<String, Long> sharedVersions(Insurer insurer) {
    Map<String, Long> versions = new HashMap<>();
    jdbc.query(
        """
        select r.type || '/' || r.id, r.version from directory_resource r
        where r.insurer_id = ? and exists (select 1 from directory_owner o
          where o.insurer_id = r.insurer_id and o.type = r.type and o.id = r.id)
        """,
        rs -> {
          versions.put(rs.getString(1), rs.getLong(2));
        },
        insurer.id());
    return versions;
  }

  /** Every resource's history is versions 1..n, and its current version is n. */
  private void assertVersionsWithoutGaps(Insurer insurer) {
    List<String> broken =
        jdbc.queryForList(
            """
            select r.type || '/' || r.id from directory_resource r
            join directory_history h
              on h.insurer_id = r.insurer_id and h.type = r.type and h.id = r.id
            where r.insurer_id = ?
            group by r.type, r.id, r.version
            having count(*) <> r.version or max(h.version) <> r.version
            """,
            String.class,
            insurer.id());
    assertThat(broken).as("resources whose versions have gaps").isEmpty();
  }
}
