package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.docport.hub.fhir.Subscriptions.create;
import static org.docport.hub.fhir.Subscriptions.eventsSinceStart;
import static org.docport.hub.fhir.Subscriptions.numbers;
import static org.docport.hub.fhir.Subscriptions.status;
import static org.docport.hub.fhir.Subscriptions.subscriber;
import static org.docport.hub.fhir.Subscriptions.subscription;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.LongStream;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replicas share a subscription's delivery through a lease in its row. A replica that claimed it
 * and died (lease written, never released) holds up nobody for longer than the lease: another
 * replica takes over when it ends, sends every event once, in order, and whatever the dead replica
 * reports late, its lease gone, changes nothing.
 */
class SubscriptionLeaseTest extends FhirTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int DEAD_LEASE_SECONDS = 20;

  @Autowired SubscriptionStore store;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aClaimLeftByADeadReplicaIsTakenOverWhenItEndsAndNothingIsLostOrSentTwice() {
    Insurer insurer = insurer();
    IGenericClient fhir = subscriber(operator(), port, insurer.id());
    try (NotificationReceiver receiver = new NotificationReceiver()) {
      String id = create(fhir, subscription(receiver.url("/leased"), "id-only"));
      await().atMost(WAIT).until(() -> status(fhir, id) == SubscriptionStatus.ACTIVE);
      SubscriptionStore.Row claimed = deadReplicaClaims(insurer, id);

      consentedDoctor("Leased", insurer);
      consentedDoctor("Unreleased", insurer);
      await().atMost(WAIT).until(() -> eventsSinceStart(fhir, id) >= 2);
      assertThat(receiver.events("/leased")).isEmpty();
      assertThat(leaseHeldBy(id))
          .as("nothing was sent while the dead replica's lease held")
          .isEqualTo(claimed.leaseToken());

      long recorded = eventsSinceStart(fhir, id);
      await().atMost(WAIT).until(() -> numbers(receiver.events("/leased")).size() >= recorded);
      assertThat(numbers(receiver.events("/leased")))
          .as("taken over: every event once, in order")
          .containsExactlyElementsOf(LongStream.rangeClosed(1, recorded).boxed().toList());

      // One more event, which the endpoint refuses; then the dead replica wakes and reports.
      receiver.failing(true);
      consentedDoctor("Late", insurer);
      await().atMost(WAIT).until(() -> eventsSinceStart(fhir, id) > recorded);
      await().atMost(WAIT).until(() -> receiver.refused() > 0);
      long pending = eventsSinceStart(fhir, id);
      store.sent(claimed, pending);
      store.failed(claimed, "The dead replica's attempt", Instant.now().plusSeconds(3600), true);
      assertThat(status(fhir, id))
          .as("a late failure of the dead replica does not end the subscription")
          .isEqualTo(SubscriptionStatus.ACTIVE);
      assertThat(delivered(id, pending))
          .as("a late success of the dead replica does not mark the refused event delivered")
          .isFalse();

      receiver.failing(false);
      await().atMost(WAIT).until(() -> numbers(receiver.events("/leased")).contains(pending));
      assertThat(numbers(receiver.events("/leased")))
          .containsExactlyElementsOf(LongStream.rangeClosed(1, pending).boxed().toList());
      // The receiver records the event before its answer reaches the sender, which then marks it
      // delivered: wait for that, rather than race it.
      await().atMost(WAIT).until(() -> delivered(id, pending));
    }
  }

  /**
   * What a replica that claimed the subscription and was killed leaves behind: its lease, as {@link
   * SubscriptionStore#claimDue} writes it, never released. Written here for this subscription alone
   * (claimDue would take whichever subscription is due first).
   */
  private SubscriptionStore.Row deadReplicaClaims(Insurer insurer, String id) {
    UUID token = UUID.randomUUID();
    int claimed =
        jdbc.update(
            "update subscription set lease_token = ?,"
                + " lease_until = clock_timestamp() + make_interval(secs => ?)"
                + " where id = ? and lease_token is null",
            token,
            DEAD_LEASE_SECONDS,
            id);
    assertThat(claimed).isEqualTo(1);
    SubscriptionStore.Row row = store.find(insurer.id(), id).orElseThrow();
    assertThat(row.leaseToken()).isEqualTo(token);
    return row;
  }

  /** The replica whose lease on the subscription holds now; null when none does. */
  private UUID leaseHeldBy(String id) {
    return jdbc.queryForObject(
        "select case when lease_until > clock_timestamp() then lease_token end"
            + " from subscription where id = ?",
        UUID.class,
        id);
  }

  private boolean delivered(String id, long event) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select delivered from subscription_event where subscription_id = ? and event_number = ?",
            Boolean.class,
            id,
            event));
  }
}
