package org.docport.hub.insurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.docport.hub.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A directory projection holds the profiles of the insurers it writes for until it commits ({@link
 * InsurerContexts#holding}): an edit of such a profile waits for it, and nothing else done to the
 * insurer does. Before, the hold was a share lock on the insurer's row, so a pause or a resume
 * waited for every projection in flight, and under a steady stream of projections did not get
 * through at all.
 */
class InsurerProfileLockTest extends HubTest {

  private static final Duration BOUND = Duration.ofSeconds(20);

  @Autowired InsurerContexts contexts;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aHeldProfileLetsPauseAndResumeThroughAndHoldsAnEditBackUntilTheHolderCommits()
      throws Exception {
    Insurer insurer = insurer();
    String path = "/api/operator/insurers/" + insurer.id();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> projection =
        CompletableFuture.runAsync(
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        status -> {
                          assertThat(contexts.holding(List.of(insurer.id())))
                              .containsKey(insurer.id());
                          held.countDown();
                          awaitQuietly(release);
                        }));
    assertThat(held.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Integer> edit;
    try {
      assertThat(answerWithin(() -> operator().post(path + "/pause", Map.of()).status()))
          .isEqualTo(200);
      assertThat(answerWithin(() -> operator().post(path + "/resume", Map.of()).status()))
          .isEqualTo(200);

      edit =
          CompletableFuture.supplyAsync(
              () ->
                  operator()
                      .patch(path, Map.of("address", Map.of("city", "Pune", "country", "IN")), null)
                      .status());
      await().atMost(BOUND).until(() -> editsWaiting() == 1);
      assertThat(edit).isNotDone();
    } finally {
      release.countDown();
    }
    assertThat(edit.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(200);
    projection.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    assertThat(operator().get(path).expect(200).body().at("/address/city").asText())
        .isEqualTo("Pune");
  }

  /** Sessions of this database waiting for an advisory lock: an edit held back by a projection. */
  private int editsWaiting() {
    return jdbc.queryForObject(
        "select count(*) from pg_stat_activity where datname = current_database()"
            + " and wait_event_type = 'Lock' and wait_event = 'advisory'",
        Integer.class);
  }

  /** The answer, which must come while the profile is held (a blocked request fails the test). */
  private static int answerWithin(Supplier<Integer> request) throws Exception {
    return CompletableFuture.supplyAsync(request).get(BOUND.toSeconds(), TimeUnit.SECONDS);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(BOUND.toSeconds() * 3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
