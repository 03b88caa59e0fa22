package org.docport.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Backoff is random, so these assert bounds over many draws, not values. */
class BackoffTest {

  private static final int DRAWS = 2_000;
  private static final Duration INITIAL = Duration.ofSeconds(1);
  private static final Duration MAX = Duration.ofMinutes(5);

  private final Backoff backoff = new Backoff(INITIAL, MAX);

  @Test
  void eachRetryWaitsBetweenHalfAndAllOfADoublingCeiling() {
    for (int attempts = 0; attempts <= 8; attempts++) {
      long ceiling = INITIAL.toMillis() << attempts;

      assertThat(draws(attempts))
          .allSatisfy(wait -> assertThat(wait.toMillis()).isBetween(ceiling / 2, ceiling));
    }
  }

  @Test
  void waitsAreSpreadSoRetriesDoNotArriveTogether() {
    Set<Duration> distinct = new HashSet<>(draws(6));

    assertThat(distinct).hasSizeGreaterThan(DRAWS / 4);
  }

  @Test
  void theWaitNeverExceedsTheMaximum() {
    for (int attempts : List.of(9, 10, 20, 21, 62, 63, 64, 1_000, Integer.MAX_VALUE)) {
      assertThat(draws(attempts))
          .allSatisfy(
              wait -> assertThat(wait.toMillis()).isBetween(MAX.toMillis() / 2, MAX.toMillis()));
    }
  }

  @Test
  void negativeAttemptsCountAsNone() {
    assertThat(draws(-3))
        .allSatisfy(wait -> assertThat(wait.toMillis()).isBetween(INITIAL.toMillis() / 2, 1_000L));
  }

  @Test
  void theInsurersRetryAfterWins() {
    assertThat(backoff.next(0, Optional.of(Duration.ofSeconds(42))))
        .isEqualTo(Duration.ofSeconds(42));
    assertThat(backoff.next(12, Optional.of(Duration.ofSeconds(2))))
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aRetryAfterBeyondTheMaximumIsCapped() {
    assertThat(backoff.next(0, Optional.of(Duration.ofHours(6)))).isEqualTo(MAX);
  }

  private List<Duration> draws(int attempts) {
    return IntStream.range(0, DRAWS)
        .mapToObj(i -> backoff.next(attempts, Optional.empty()))
        .toList();
  }
}
