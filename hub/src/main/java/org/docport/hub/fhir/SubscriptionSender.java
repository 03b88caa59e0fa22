package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.docport.hub.fhir.SubscriptionBundles.Told;
import org.docport.hub.fhir.SubscriptionBundles.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Posts what each subscription is owed to its endpoint: the handshake until one succeeds, then the
 * recorded events in order (up to {@code max-events} per notification), or a heartbeat when the
 * period has passed in silence. Events recorded on this replica (by the projection that change
 * capture feeds) wake a round at once, after their commit; the periodic round is for the rest:
 * retries, heartbeats, other replicas' events, what was pending at a restart. Every replica runs
 * it; a subscription is claimed with a lease ({@code for update skip locked}), so two replicas
 * never send for it at once, and a replica that dies mid-send leaves it to another when the lease
 * ends. A failed attempt is retried after 5 s, doubling up to 1 h between attempts, for up to 72 h,
 * then the subscription goes to {@code error} (all configurable). A subscription is sent to over
 * one HTTP exchange at a time, so its events arrive in order; {@code workers} threads per replica
 * serve different subscriptions at once. Each round first turns off the subscriptions whose {@code
 * end} has passed.
 */
@Component
@EnableConfigurationProperties(SubscriptionSettings.class)
class SubscriptionSender {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionSender.class);
  private static final int MAX_PER_ROUND = 20;

  private final SubscriptionStore store;
  private final SubscriptionEvents events;
  private final SubscriptionSettings settings;
  private final FhirContext fhir;
  private final HttpClient http;
  private final ScheduledExecutorService workers;
  private final AtomicBoolean woken = new AtomicBoolean();

  SubscriptionSender(
      SubscriptionStore store,
      SubscriptionEvents events,
      SubscriptionSettings settings,
      FhirContext fhir) {
    this.store = store;
    this.events = events;
    this.settings = settings;
    this.fhir = fhir;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    AtomicInteger threads = new AtomicInteger();
    this.workers =
        Executors.newScheduledThreadPool(
            settings.workers(),
            task -> {
              Thread thread = new Thread(task, "subscription-sender-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts the workers once the hub is ready. They run on threads of their own, not Spring's shared
   * scheduler: an endpoint that takes its whole timeout to answer must hold up neither the hub's
   * other periodic work nor the other subscriptions.
   */
  @EventListener(ApplicationReadyEvent.class)
  void begin() {
    long every = settings.pollInterval().toMillis();
    for (int i = 0; i < settings.workers(); i++) {
      workers.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Something was recorded to send: one extra round, on a worker, now. Wake-ups that come while one
   * is waiting to run are folded into it (the round sends all that is due).
   */
  @EventListener
  void wake(SubscriptionStore.SomethingToSend recorded) {
    if (woken.compareAndSet(false, true)) {
      try {
        workers.execute(
            () -> {
              woken.set(false);
              round();
            });
      } catch (RejectedExecutionException stopped) {
        woken.set(false);
      }
    }
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }

  /** One worker's round; a failure (the database away) is logged and the next round tries again. */
  private void round() {
    try {
      sendDue();
    } catch (RuntimeException e) {
      log.warn("Sending subscription notifications failed; retrying next round", e);
    }
  }

  void sendDue() {
    store.endExpired();
    double lease = settings.lease().toMillis() / 1000.0;
    for (int i = 0; i < MAX_PER_ROUND; i++) {
      Optional<SubscriptionStore.Row> claimed = store.claimDue(lease);
      if (claimed.isEmpty()) {
        return;
      }
      try {
        send(claimed.get());
      } catch (RuntimeException e) {
        log.warn("Sending to subscription {} failed", claimed.get().id(), e);
        fail(claimed.get(), "DocPort could not send the notification: " + e.getMessage());
      }
    }
  }

  private void send(SubscriptionStore.Row row) {
    Type type;
    List<Told> told = List.of();
    long through = row.deliveredThrough();
    if (row.status() == SubscriptionStore.Status.REQUESTED) {
      type = Type.HANDSHAKE;
    } else if (row.deliveredThrough() < row.eventsSinceStart()) {
      type = Type.EVENT_NOTIFICATION;
      told =
          events.told(
              row,
              store.events(
                  row.id(),
                  row.deliveredThrough() + 1,
                  row.eventsSinceStart(),
                  settings.maxEvents()));
      through = told.isEmpty() ? through : told.get(told.size() - 1).event().number();
      events.disclose(
          row,
          new Caller(row.insurerId(), row.clientId(), null),
          SubscriptionEvents.NOTIFICATION,
          "Subscription/" + row.id() + " events " + (row.deliveredThrough() + 1) + "-" + through,
          told);
    } else {
      type = Type.HEARTBEAT;
      through = row.eventsSinceStart();
    }
    byte[] body =
        fhir.newJsonParser()
            .encodeResourceToString(
                SubscriptionBundles.notification(row, type, told, row.content(), through))
            .getBytes(StandardCharsets.UTF_8);
    Optional<String> problem = post(row, body);
    if (problem.isEmpty()) {
      store.sent(row, through);
    } else {
      fail(row, problem.get());
    }
  }

  /** Posts the body; the problem, if the endpoint did not acknowledge it with a 2xx. */
  private Optional<String> post(SubscriptionStore.Row row, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(row.endpoint()))
            .timeout(settings.requestTimeout())
            .header("Content-Type", SubscriptionRequests.JSON + "; charset=UTF-8")
            .header(
                NotificationSignature.HEADER,
                NotificationSignature.header(row.secret(), body, Instant.now()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (String header : row.headers()) {
      int colon = header.indexOf(':');
      request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
    }
    try {
      HttpResponse<Void> response =
          http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status / 100 == 2
          ? Optional.empty()
          : Optional.of("The endpoint answered HTTP " + status + ".");
    } catch (IOException e) {
      return Optional.of("The endpoint could not be reached: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("The hub stopped while sending.");
    }
  }

  private void fail(SubscriptionStore.Row row, String problem) {
    Instant now = Instant.now();
    Instant failingSince = row.failingSince() == null ? now : row.failingSince();
    boolean givenUp = !now.isBefore(failingSince.plus(settings.retryFor()));
    Instant retryAt = now.plus(settings.backoff(row.attempts() + 1));
    String error =
        givenUp
            ? problem + " Gave up after retrying for " + settings.retryFor() + "."
            : problem + " Retrying at " + retryAt + ".";
    store.failed(row, error, retryAt, givenUp);
  }
}
