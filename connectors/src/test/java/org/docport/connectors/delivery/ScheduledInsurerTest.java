package org.docport.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.docport.connectors.RunReport;
import org.docport.connectors.RunRequest;
import org.docport.connectors.ScheduledRun;
import org.junit.jupiter.api.Test;

class ScheduledInsurerTest {

  @Test
  void aScheduleThatTwoReplicasKeepRunsOnceEachTimeItComesDue() {
    Map<Instant, Integer> asked = new ConcurrentHashMap<>();
    Set<Instant> taken = ConcurrentHashMap.newKeySet();
    ScheduledInsurer.RunClaim claim =
        (insurer, run, dueAt) -> {
          asked.merge(dueAt, 1, Integer::sum);
          return taken.add(dueAt);
        };
    AtomicInteger ran = new AtomicInteger();
    Function<RunRequest, RunReport> run =
        request -> {
          ran.incrementAndGet();
          return RunReport.nothing(request, "nothing due");
        };
    List<ScheduledRun> everySecond =
        List.of(new ScheduledRun("delta", "* * * * * *", ZoneOffset.UTC));

    try (ScheduledInsurer first = replica(everySecond, run, claim);
        ScheduledInsurer second = replica(everySecond, run, claim)) {
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
      List<ScheduledRun> runs,
      Function<RunRequest, RunReport> run,
      ScheduledInsurer.RunClaim claim) {
    return new ScheduledInsurer("acme", runs, run, claim, Clock.systemUTC()).start();
  }
}
