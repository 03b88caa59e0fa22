package org.docport.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal FHIR endpoint with O(1) conditional updates, for runs too large for the insurer
 * simulator, whose conditional update scans every stored resource under one store-wide lock (at
 * 20,000 Practitioners it took ~70 writes/s, and falling). It keeps only business identifier ->
 * (id, version) and answers what the fhir-rest connector sends: conditional {@code PUT
 * Type?identifier=system|value}, {@code PUT Type/id}, {@code POST Type}, {@code DELETE} and
 * searches (always empty). It checks nothing else: it is a sink, not an insurer.
 */
final class StubInsurer implements AutoCloseable {

  private record Held(String id, long version) {}

  private final HttpServer server;
  private final ExecutorService threads =
      Executors.newFixedThreadPool(8, OpenLoop.named("stub-insurer"));
  private final Map<String, Held> byIdentifier = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> writesByType = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  private StubInsurer(HttpServer server) {
    this.server = server;
  }

  static StubInsurer start() throws IOException {
    // The JDK server writes headers and body in separate packets; with Nagle's algorithm on, each
    // response then waits for the client's delayed ACK (~40 ms), which capped delivery at ~90/s.
    // Read once, when the first server is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 256);
    StubInsurer stub = new StubInsurer(server);
    server.createContext("/fhir", stub::handle);
    server.setExecutor(stub.threads);
    server.start();
    return stub;
  }

  String baseUrl() {
    return "http://localhost:" + server.getAddress().getPort() + "/fhir";
  }

  /** Distinct resources of a type written so far. */
  long held(String type) {
    return byIdentifier.keySet().stream().filter(k -> k.startsWith(type + "?")).count();
  }

  long writes(String type) {
    AtomicLong count = writesByType.get(type);
    return count == null ? 0 : count.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
      String path = exchange.getRequestURI().getPath().substring("/fhir/".length());
      String query = exchange.getRequestURI().getRawQuery();
      String[] parts = path.split("/");
      String type = parts[0];
      switch (exchange.getRequestMethod()) {
        case "PUT", "POST" -> write(exchange, type, parts, query);
        case "DELETE" -> respond(exchange, 200, outcome());
        default ->
            respond(
                exchange, 200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}");
      }
    }
  }

  private void write(HttpExchange exchange, String type, String[] parts, String query)
      throws IOException {
    String key =
        query != null
            ? type + "?" + URLDecoder.decode(query, StandardCharsets.UTF_8)
            : parts.length > 1 ? type + "/" + parts[1] : type + "#" + ids.incrementAndGet();
    Held held =
        byIdentifier.compute(
            key,
            (k, previous) ->
                previous == null
                    ? new Held(parts.length > 1 ? parts[1] : "s" + ids.incrementAndGet(), 1)
                    : new Held(previous.id(), previous.version() + 1));
    writesByType.computeIfAbsent(type, t -> new AtomicLong()).incrementAndGet();
    String location = baseUrl() + "/" + type + "/" + held.id() + "/_history/" + held.version();
    exchange.getResponseHeaders().add("Location", location);
    exchange.getResponseHeaders().add("Content-Location", location);
    respond(
        exchange,
        held.version() == 1 ? 201 : 200,
        "{\"resourceType\":\""
            + type
            + "\",\"id\":\""
            + held.id()
            + "\",\"meta\":{\"versionId\":\""
            + held.version()
            + "\"}}");
  }

  private static String outcome() {
    return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"information\","
        + "\"code\":\"informational\",\"diagnostics\":\"ok\"}]}";
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/fhir+json;charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
