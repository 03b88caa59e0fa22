package org.docport.hub;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An issuing authority's licence registry over HTTP, for tests: answers {@code GET
 * /licences/{number}} with the verdict set for the number, 404 for numbers it does not know.
 */
public final class LicenceRegistryStub {

  /** The authority whose registry this plays. */
  public static final String ISSUER = "Test Medical Council";

  private final HttpServer server;
  private final Map<String, String> answers = new ConcurrentHashMap<>();

  private LicenceRegistryStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/licences/",
        exchange -> {
          String number = exchange.getRequestURI().getPath().substring("/licences/".length());
          String answer = answers.get(number);
          byte[] body = (answer == null ? "{}" : answer).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  public static LicenceRegistryStub start() {
    return new LicenceRegistryStub();
  }

  /** The URL template the hub is configured with. */
  public String urlTemplate() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/licences/{number}";
  }

  public void valid(String number) {
    answers.put(number, "{\"valid\": true, \"detail\": \"registered\"}");
  }

  public void invalid(String number, String detail) {
    answers.put(number, "{\"valid\": false, \"detail\": \"" + detail + "\"}");
  }
}
