package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.docport.hub.fhir.Subscriptions.create;
import static org.docport.hub.fhir.Subscriptions.subscriber;
import static org.docport.hub.fhir.Subscriptions.subscription;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Notifications are fed by change capture, not found by polling: recording a subscription's events
 * (in the projection's transaction) announces them once they are committed, which wakes the senders
 * ({@link SubscriptionSenderTest}).
 */
class SubscriptionWakeTest extends FhirTest {

  @Autowired ApplicationEventMulticaster multicaster;
  @Autowired JdbcTemplate jdbc;

  @Test
  void recordedEventsAreAnnouncedOnceCommitted() {
    Insurer insurer = insurer();
    IGenericClient fhir = subscriber(operator(), port, insurer.id());
    String id = create(fhir, subscription("http://localhost:9/hook", "id-only"));
    List<Long> committedWhenAnnounced = new CopyOnWriteArrayList<>();
    ApplicationListener<ApplicationEvent> listener =
        event -> {
          if (event instanceof PayloadApplicationEvent<?> p
              && p.getPayload() instanceof SubscriptionStore.SomethingToSend) {
            committedWhenAnnounced.add(
                jdbc.queryForObject(
                    "select count(*) from subscription_event where subscription_id = ?",
                    Long.class,
                    id));
          }
        };
    multicaster.addApplicationListener(listener);
    try {
      consentedDoctor("Announced", insurer);

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> committedWhenAnnounced.stream().anyMatch(n -> n > 0));
      assertThat(committedWhenAnnounced)
          .as("announced after the commit, when another connection sees the events")
          .anyMatch(n -> n > 0);
    } finally {
      multicaster.removeApplicationListener(listener);
    }
  }
}
