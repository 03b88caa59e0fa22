package org.docport.hub.fhir;

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sender on its own: what makes it look for something to send. */
class SubscriptionSenderTest {

  @Test
  void recordedEventsWakeARoundWithoutWaitingForThePoll() {
    SubscriptionStore store = mock(SubscriptionStore.class);
    when(store.claimDue(anyDouble())).thenReturn(Optional.empty());
    SubscriptionSettings hourly =
        new SubscriptionSettings(
            Duration.ofHours(1), null, null, null, null, null, null, null, false);
    SubscriptionSender sender =
        new SubscriptionSender(store, null, hourly, FhirContext.forR4Cached());
    try {
      sender.begin();

      sender.wake(new SubscriptionStore.SomethingToSend());

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> verify(store, atLeastOnce()).claimDue(anyDouble()));
    } finally {
      sender.stop();
    }
  }
}
