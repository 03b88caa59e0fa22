package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.docport.hub.fhir.Subscriptions.create;
import static org.docport.hub.fhir.Subscriptions.eventsSinceStart;
import static org.docport.hub.fhir.Subscriptions.status;
import static org.docport.hub.fhir.Subscriptions.subscriber;
import static org.docport.hub.fhir.Subscriptions.subscription;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;

/**
 * {@code Subscription.end}: when it passes, DocPort turns the subscription {@code off} (the
 * Backport IG's status for one that no longer sends) and records and sends nothing more, also when
 * it had gone to {@code error}; an end already past is refused when the subscription is created.
 */
class SubscriptionEndTest extends FhirTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aSubscriptionWhoseEndHasPassedIsTurnedOffAndSendsNothingMore() {
    Insurer insurer = insurer();
    IGenericClient fhir = subscriber(operator(), port, insurer.id());
    try (NotificationReceiver receiver = new NotificationReceiver()) {
      Date end = Date.from(Instant.now().plusSeconds(6));
      String ending =
          create(fhir, subscription(receiver.url("/ending"), "id-only", s -> s.setEnd(end)));
      String witness = create(fhir, subscription(receiver.url("/witness"), "id-only"));
      await().atMost(WAIT).until(() -> status(fhir, witness) == SubscriptionStatus.ACTIVE);
      await()
          .atMost(WAIT)
          .alias("handshake before the end")
          .until(() -> receiver.on("/ending").stream().anyMatch(r -> r.type().equals("handshake")));

      await().atMost(WAIT).until(() -> status(fhir, ending) == SubscriptionStatus.OFF);
      Subscription off = fhir.read().resource(Subscription.class).withId(ending).execute();
      assertThat(off.getEnd()).isEqualTo(end);

      consentedDoctor("AfterTheEnd", insurer);
      await().atMost(WAIT).until(() -> !receiver.events("/witness").isEmpty());
      assertThat(eventsSinceStart(fhir, ending)).as("no event recorded after the end").isZero();
      assertThat(receiver.events("/ending")).as("nothing sent after the end").isEmpty();
      assertThat(status(fhir, ending)).isEqualTo(SubscriptionStatus.OFF);
    }
  }

  /**
   * The endpoint fails for the whole retry period (15 s in tests), so the subscription goes to
   * {@code error}; its end, later, turns it {@code off} like an active one.
   */
  @Test
  void aSubscriptionInErrorWhoseEndPassesIsTurnedOff() {
    IGenericClient fhir = subscriber(operator(), port, insurer().id());
    try (NotificationReceiver receiver = new NotificationReceiver()) {
      receiver.failing(true);
      Instant end = Instant.now().plusSeconds(25);
      String id =
          create(
              fhir,
              subscription(receiver.url("/failing"), "id-only", s -> s.setEnd(Date.from(end))));

      await().atMost(WAIT).until(() -> status(fhir, id) == SubscriptionStatus.ERROR);
      assertThat(Instant.now()).as("in error before its end").isBefore(end);

      await().atMost(WAIT).until(() -> status(fhir, id) == SubscriptionStatus.OFF);
      assertThat(fhir.read().resource(Subscription.class).withId(id).execute().getError())
          .as("why it had failed is still told")
          .contains("HTTP 500");
    }
  }

  @Test
  void anEndAlreadyPastIsRefusedSayingSo() {
    IGenericClient fhir = subscriber(operator(), port, insurer().id());
    Subscription late =
        subscription(
            "http://localhost:9/hook",
            "id-only",
            s -> s.setEnd(Date.from(Instant.now().minusSeconds(60))));

    InvalidRequestException refused =
        catchThrowableOfType(
            () -> fhir.create().resource(late).execute(), InvalidRequestException.class);

    assertThat(refused).isNotNull();
    assertThat(refused.getStatusCode()).isEqualTo(400);
    OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
    assertThat(outcome.getIssue())
        .anySatisfy(
            issue -> {
              assertThat(issue.getExpression())
                  .extracting(e -> e.getValue())
                  .contains("Subscription.end");
              assertThat(issue.getDiagnostics()).contains("has already passed");
            });
  }
}
