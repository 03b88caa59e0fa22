package org.docport.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.DeliveryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupedReceiptsTest {

  private final ExecutorService workers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    workers.shutdownNow();
  }

  /** A store whose statements are recorded, the first held until released. */
  private static class RecordingStore extends DeliveryStore {
    final List<List<Receipted>> statements = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstStarted = new CountDownLatch(1);
    final CountDownLatch releaseFirst = new CountDownLatch(1);

    RecordingStore() {
      super(null, null, null);
    }

    @Override
    public Set<Pair> delivered(List<Receipted> receipts) {
      statements.add(List.copyOf(receipts));
      if (statements.size() == 1) {
        firstStarted.countDown();
        awaitQuietly(releaseFirst);
      }
      return receipts.stream().map(r -> Pair.of(r.job())).collect(Collectors.toSet());
    }
  }

  @Test
  void receiptsArrivingWhileAStatementRunsAreRecordedTogetherInTheNext() throws Exception {
    RecordingStore store = new RecordingStore();
    GroupedReceipts receipts = new GroupedReceipts(store);

    CompletableFuture<Boolean> first = record(receipts, job());
    store.firstStarted.await(10, TimeUnit.SECONDS);
    List<CompletableFuture<Boolean>> waiting =
        IntStream.range(0, 5).mapToObj(i -> record(receipts, job())).toList();
    await().until(() -> receipts.waiting() == 5);
    assertThat(waiting).noneMatch(CompletableFuture::isDone);
    store.releaseFirst.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
    for (CompletableFuture<Boolean> w : waiting) {
      assertThat(w.get(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(store.statements).extracting(List::size).containsExactly(1, 5);
  }

  @Test
  void whenTheGroupFailsEachReceiptIsRecordedAloneAndOnlyItsOwnFailureReachesItsWorker()
      throws Exception {
    DeliveryJob refused = job();
    RecordingStore store =
        new RecordingStore() {
          @Override
          public Set<Pair> delivered(List<Receipted> receipts) {
            if (receipts.stream().anyMatch(r -> r.job() == refused)) {
              super.delivered(receipts);
              throw new IllegalStateException("deadlock detected");
            }
            return super.delivered(receipts);
          }
        };
    GroupedReceipts receipts = new GroupedReceipts(store);
    CompletableFuture<Boolean> first = record(receipts, job());
    store.firstStarted.await(10, TimeUnit.SECONDS);
    CompletableFuture<Boolean> fine = record(receipts, job());
    CompletableFuture<Boolean> failing = record(receipts, refused);
    await().until(() -> receipts.waiting() == 2);
    store.releaseFirst.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(fine.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(failing)
        .failsWithin(10, TimeUnit.SECONDS)
        .withThrowableOfType(Exception.class)
        .withMessageContaining("deadlock detected");
    // the group of two, then each alone
    assertThat(store.statements).extracting(List::size).containsExactly(1, 2, 1, 1);
  }

  @Test
  void aReceiptWhoseClaimWasLostIsReportedAsNotRecorded() {
    UUID lost = UUID.randomUUID();
    RecordingStore store =
        new RecordingStore() {
          @Override
          public Set<Pair> delivered(List<Receipted> receipts) {
            releaseFirst.countDown();
            return super.delivered(receipts).stream()
                .filter(p -> !p.doctorId().equals(lost))
                .collect(Collectors.toSet());
          }
        };
    GroupedReceipts receipts = new GroupedReceipts(store);

    assertThat(receipts.delivered(job(lost), delivered())).isFalse();
    assertThat(receipts.delivered(job(), delivered())).isTrue();
  }

  private CompletableFuture<Boolean> record(GroupedReceipts receipts, DeliveryJob job) {
    return CompletableFuture.supplyAsync(() -> receipts.delivered(job, delivered()), workers);
  }

  private static DeliveryJob job() {
    return job(UUID.randomUUID());
  }

  private static DeliveryJob job(UUID doctorId) {
    return new DeliveryJob("ins-a", doctorId, 1, 0, Map.of(), null);
  }

  private static DeliveryResult.Delivered delivered() {
    return new DeliveryResult.Delivered(1, Map.of("a|b", "Practitioner/1"), null);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
