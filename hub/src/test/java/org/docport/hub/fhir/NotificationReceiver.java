package org.docport.hub.fhir;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;

/**
 * A subscriber's rest-hook endpoint: a JDK HTTP server on the loopback interface that keeps every
 * notification it acknowledged, and can be made to fail (answer 500) until told otherwise.
 */
public final class NotificationReceiver implements AutoCloseable {

  /** One notification received on {@code path}, as sent. */
  public record Received(
      String path, String body, String signature, String header, Map<String, String> webhook) {
    public Bundle bundle() {
      return InsurerFhirClients.FHIR.newJsonParser().parseResource(Bundle.class, body);
    }

    Parameters status() {
      return (Parameters) bundle().getEntryFirstRep().getResource();
    }

    String type() {
      return status().getParameter("type").getValue().primitiveValue();
    }

    /** The event numbers this notification carries, in order. */
    List<Long> eventNumbers() {
      return status().getParameter().stream()
          .filter(p -> p.getName().equals("notification-event"))
          .map(p -> Long.parseLong(part(p, "event-number").getValue().primitiveValue()))
          .toList();
    }

    static ParametersParameterComponent part(ParametersParameterComponent event, String name) {
      return event.getPart().stream()
          .filter(p -> p.getName().equals(name))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicInteger refused = new AtomicInteger();

  public NotificationReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          if (failing.get()) {
            refused.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
          } else {
            received.add(
                new Received(
                    exchange.getRequestURI().getPath(),
                    new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-DocPort-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Test"),
                    webhookHeaders(exchange.getRequestHeaders())));
            exchange.sendResponseHeaders(200, -1);
          }
          exchange.close();
        });
    server.start();
  }

  /** The Standard Webhooks headers of a request, those it has. */
  private static Map<String, String> webhookHeaders(com.sun.net.httpserver.Headers headers) {
    Map<String, String> webhook = new java.util.HashMap<>();
    for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
      String value = headers.getFirst(name);
      if (value != null) {
        webhook.put(name, value);
      }
    }
    return webhook;
  }

  public String url(String path) {
    return "http://localhost:" + server.getAddress().getPort() + path;
  }

  public void failing(boolean fail) {
    failing.set(fail);
  }

  int refused() {
    return refused.get();
  }

  /** What {@code path} acknowledged, oldest first. */
  public List<Received> on(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** The event notifications {@code path} acknowledged, oldest first. */
  List<Received> events(String path) {
    return on(path).stream().filter(r -> r.type().equals("event-notification")).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
