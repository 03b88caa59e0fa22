package org.docport.bench;

import static org.docport.bench.Benchmarks.log;

import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.docport.connectors.webhook.WebhookKeys;
import org.docport.insurersim.InsurerServer;
import org.docport.insurersim.WriteLogEntry;
import org.docport.mappings.BusinessIdentifiers;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

/**
 * The ceilings beside the kinds scenario: what the hub delivered in a kind's backlog drain, sent
 * again to the same insurer without DocPort, from as many threads as the hub delivers to one
 * insurer with. The first fifth of the messages warm the client up untimed; then all of them are
 * timed.
 */
final class KindCeilings {

  /** A kind's {@code deliveries} (its drain's) sent as {@code messages} in {@code seconds}. */
  record Ceiling(String kind, String how, long deliveries, long messages, double seconds) {
    double deliveriesPerSecond() {
      return deliveries / seconds;
    }
  }

  private static final TokenClientParam IDENTIFIER = new TokenClientParam("identifier");

  private KindCeilings() {}

  /**
   * The fhir-rest drain's writes (every resource version the simulator committed in the window,
   * read back by version), written again as the connector writes them: a conditional update on the
   * resource's DocPort business identifier, asking for no body back.
   */
  static Ceiling fhirRest(
      InsurerServer sim, long fromMicros, long toMicros, long deliveries, int threads) {
    IGenericClient client = SimClients.of(sim);
    List<WriteLogEntry> writes =
        sim.writeLog().stream()
            .filter(e -> e.operation() != WriteLogEntry.Operation.DELETE)
            .filter(e -> Clocks.micros(e.at()) >= fromMicros && Clocks.micros(e.at()) <= toMicros)
            .toList();
    List<Resource> bodies = new ArrayList<>();
    for (WriteLogEntry write : writes) {
      Resource held =
          (Resource)
              client
                  .read()
                  .resource(write.resourceType())
                  .withIdAndVersion(write.id(), Long.toString(write.versionId()))
                  .execute();
      held.setId((String) null);
      held.setMeta(null);
      bodies.add(held);
    }
    return timed(
        "fhir-rest",
        "bare HAPI client, conditional updates of the same resources",
        bodies,
        deliveries,
        threads,
        body -> {
          Identifier business = BusinessIdentifiers.of(body);
          client
              .update()
              .resource(body)
              .conditional()
              .where(IDENTIFIER.exactly().systemAndCode(business.getSystem(), business.getValue()))
              .prefer(PreferReturnEnum.MINIMAL)
              .execute();
        });
  }

  /**
   * The webhook drain's bodies POSTed again to the same receiver, each signed anew (a new id and
   * timestamp) with the same key, by a JDK {@link HttpClient} built as the connector's.
   */
  static Ceiling webhook(WebhookReceiver receiver, List<byte[]> bodies, int threads) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    URI url = URI.create(receiver.url());
    List<String> secrets = List.of(WebhookReceiver.SECRET);
    AtomicLong ids = new AtomicLong();
    return timed(
        "webhook",
        String.format(
            "bare JDK HttpClient, signed POSTs of the same bodies (mean %.0f bytes)",
            bodies.stream().mapToInt(b -> b.length).average().orElse(0)),
        bodies,
        bodies.size(),
        threads,
        body -> {
          String id = "msg_bare_" + ids.incrementAndGet();
          long timestamp = Instant.now().getEpochSecond();
          HttpRequest request =
              HttpRequest.newBuilder(url)
                  .header("Content-Type", "application/fhir+json")
                  .header("webhook-id", id)
                  .header("webhook-timestamp", Long.toString(timestamp))
                  .header("webhook-signature", WebhookKeys.signature(id, timestamp, body, secrets))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build();
          try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
              throw new IllegalStateException("receiver answered " + status);
            }
          } catch (IOException e) {
            throw new IllegalStateException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * The kafka drain's records (key, value, headers) sent again to the same broker by one producer
   * configured as the connector's, from {@code threads} threads that each wait for a record's
   * acknowledgement before sending the next, as the connector's workers do.
   */
  static Ceiling kafkaAckEach(
      KafkaInsurer kafka, List<ConsumerRecord<String, byte[]>> records, int threads) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producerSettings())) {
      return timed(
          "kafka",
          "bare KafkaProducer, " + threads + " threads, each waits for its acks=all",
          records,
          records.size(),
          threads,
          r -> await(producer.send(copy(r))));
    }
  }

  /**
   * The same records from one thread that sends them all and then waits for every acknowledgement:
   * what the broker and one producer take with nothing waiting per record.
   */
  static Ceiling kafkaPipelined(KafkaInsurer kafka, List<ConsumerRecord<String, byte[]>> records) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producerSettings())) {
      Consumer<List<ConsumerRecord<String, byte[]>>> sendAll =
          batch -> {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            batch.forEach(r -> sent.add(producer.send(copy(r))));
            sent.forEach(KindCeilings::await);
          };
      return timed(
          "kafka",
          "bare KafkaProducer, 1 thread, pipelined (no wait per record)",
          List.of(records),
          records.size(),
          1,
          sendAll,
          records.size());
    }
  }

  private static ProducerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> r) {
    return new ProducerRecord<>(
        KafkaInsurer.BARE_TOPIC, (Integer) null, r.key(), r.value(), r.headers());
  }

  private static void await(Future<RecordMetadata> sent) {
    try {
      sent.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("bare send failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static <T> Ceiling timed(
      String kind, String how, List<T> items, long deliveries, int threads, Consumer<T> send) {
    return timed(kind, how, items, deliveries, threads, send, items.size());
  }

  private static <T> Ceiling timed(
      String kind,
      String how,
      List<T> items,
      long deliveries,
      int threads,
      Consumer<T> send,
      long messages) {
    int warm = items.size() < 5 ? items.size() : items.size() / 5;
    Parallel.forEach(items.subList(0, warm), threads, send);
    log("ceiling: %s, %s: %d messages (after a warm-up)", kind, how, messages);
    long start = System.nanoTime();
    Parallel.forEach(items, threads, send);
    return new Ceiling(kind, how, deliveries, messages, (System.nanoTime() - start) / 1e9);
  }
}
