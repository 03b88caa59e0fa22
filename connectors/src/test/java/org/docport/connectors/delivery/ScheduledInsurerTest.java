package org.docport.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.docport.connectors.RunReport;
import org.docport.connectors.RunRequest;
import org.docport.connectors.ScheduledRun;
import org.junit.jupiter.api.Test;

class ScheduledInsurerTest {

  private static final ScheduledExecutorService RENEWALS =
      Executors.newSingleThreadScheduledExecutor();

  @Test
  void aScheduleThatTwoReplicasKeepRunsOnceEachTimeItComesDue() {
    Map<Instant, Integer> asked = new ConcurrentHashMap<>();
    Set<Instant> taken = ConcurrentHashMap.newKeySet();
    ScheduledInsurer.Runs firstComes =
        new ScheduledInsurer.Runs() {
          @Override
          public Optional<RunLedger.HeldRun> take(
              String insurerId, String run, Instant dueAt, Duration hold) {
            asked.merge(dueAt, 1, Integer::sum);
            return taken.add(dueAt)
                ? Optional.of(new RunLedger.HeldRun(insurerId, run, dueAt, UUID.randomUUID(), 1))
                : Optional.empty();
          }

          @Override
          public Optional<RunLedger.HeldRun> takeOver(
              String insurerId, Collection<String> runs, Duration hold) {
            return Optional.empty();
          }

          @Override
          public boolean renew(RunLedger.HeldRun run, Duration hold) {
            return true;
          }

          @Override
          public void completed(RunLedger.HeldRun run) {}

          @Override
          public void failed(RunLedger.HeldRun run, Duration retryIn, String error) {}
        };
    AtomicInteger ran = new AtomicInteger();
    Function<RunRequest, RunReport> run =
        request -> {
          ran.incrementAndGet();
          return RunReport.nothing(request, "nothing due");
        };
    List<ScheduledRun> everySecond =
        List.of(new ScheduledRun("delta", "* * * * * *", ZoneOffset.UTC));

    try (ScheduledInsurer first = replica(everySecond, run, firstComes);
        ScheduledInsurer second = replica(everySecond, run, firstComes)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> asked.values().stream().filter(asks -> asks >= 2).count() >= 3);
    }

    assertThat(ran.get()).as("runs, one per time a run came due").isEqualTo(taken.size());
    assertThat(asked.values().stream().mapToInt(Integer::intValue).sum())
        .as("times a replica asked")
        .isGreaterThan(taken.size());
  }

  private static ScheduledInsurer replica(
      List<ScheduledRun> runs, Function<RunRequest, RunReport> run, ScheduledInsurer.Runs ledger) {
    return new ScheduledInsurer(
            "acme",
            runs,
            run,
            ledger,
            Backoff.standard(),
            Duration.ofSeconds(30),
            RENEWALS,
            Clock.systemUTC())
        .start();
  }
}
