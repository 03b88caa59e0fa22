package org.docport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.docport.bench.Arrivals.Arrival;
import org.docport.connectors.webhook.WebhookKeys;
import org.docport.testkit.HubClient;

/**
 * An insurer's webhook endpoint in this JVM (the JDK's HTTP server): it checks each POST's Standard
 * Webhooks signature, answers 204 (401 to a bad signature), and records when each message arrived,
 * with the doctor and registry version its transaction Bundle's Practitioner carries. The arrival
 * is stamped once the body is read and verified, just before the answer: the receipt's moment.
 */
final class WebhookReceiver implements AutoCloseable {

  /** The signing secret the insurer is registered with (24 bytes). */
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  /** Thread-name prefix of the receiver's handlers, for the CPU table. */
  static final String THREADS = "webhook-recv";

  /** One verified message: when it arrived, what it carried, and its exact body. */
  record Received(Arrival arrival, byte[] body) {}

  private static final ObjectMapper JSON = HubClient.json();

  private final HttpServer server;
  private final ExecutorService handlers;
  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private final AtomicLong badSignatures = new AtomicLong();
  private final AtomicLong withoutPractitioner = new AtomicLong();

  private WebhookReceiver(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  /** Listens on a free port of localhost, with {@code threads} handler threads. */
  static WebhookReceiver start(int threads) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 256);
      ExecutorService handlers = Executors.newFixedThreadPool(threads, OpenLoop.named(THREADS));
      WebhookReceiver receiver = new WebhookReceiver(server, handlers);
      server.createContext("/", receiver::handle);
      server.setExecutor(handlers);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort() + "/docport";
  }

  /** The connector settings of an insurer that takes its deliveries here (plan-net Bundles). */
  ObjectNode connector() {
    ObjectNode connector = JSON.createObjectNode().put("kind", "webhook").put("baseUrl", url());
    connector.putObject("signing").put("secret", SECRET);
    return connector;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      var headers = exchange.getRequestHeaders();
      String id = headers.getFirst("webhook-id");
      String timestamp = headers.getFirst("webhook-timestamp");
      String signature = headers.getFirst("webhook-signature");
      if (id == null
          || timestamp == null
          || signature == null
          || !WebhookKeys.verifies(signature, id, Long.parseLong(timestamp), body, SECRET)) {
        badSignatures.incrementAndGet();
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      Arrival arrival = practitioner(JSON.readTree(body), Clocks.epochMicros());
      if (arrival == null) {
        withoutPractitioner.incrementAndGet();
      } else {
        received.add(new Received(arrival, body));
      }
      exchange.sendResponseHeaders(204, -1);
    }
  }

  /** The doctor and registry version of the Bundle's Practitioner, or null when it has none. */
  private static Arrival practitioner(JsonNode bundle, long atMicros) {
    for (JsonNode entry : bundle.path("entry")) {
      JsonNode resource = entry.path("resource");
      if (!resource.path("resourceType").asText().equals("Practitioner")) {
        continue;
      }
      String doctor = null;
      for (JsonNode identifier : resource.path("identifier")) {
        if (Arrivals.PRACTITIONER_SYSTEM.equals(identifier.path("system").asText())) {
          doctor = identifier.path("value").asText();
        }
      }
      long version = Arrivals.UNKNOWN;
      for (JsonNode extension : resource.path("extension")) {
        if (Arrivals.REGISTRY_VERSION.equals(extension.path("url").asText())) {
          version = versionValue(extension);
        }
      }
      return doctor == null ? null : new Arrival(UUID.fromString(doctor), version, atMicros);
    }
    return null;
  }

  /** The extension's {@code value[x]}, whatever its type. */
  private static long versionValue(JsonNode extension) {
    var fields = extension.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (field.getKey().startsWith("value")) {
        return Long.parseLong(field.getValue().asText().strip());
      }
    }
    return Arrivals.UNKNOWN;
  }

  /** The messages that arrived at or after {@code sinceMicros}, in arrival order. */
  List<Received> since(long sinceMicros) {
    List<Received> out = new ArrayList<>();
    for (Received r : received) {
      if (r.arrival().atMicros() >= sinceMicros) {
        out.add(r);
      }
    }
    out.sort((a, b) -> Long.compare(a.arrival().atMicros(), b.arrival().atMicros()));
    return out;
  }

  long badSignatures() {
    return badSignatures.get();
  }

  /** Verified messages without a Practitioner: the connection test's empty transaction. */
  long withoutPractitioner() {
    return withoutPractitioner.get();
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
