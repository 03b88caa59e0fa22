package org.docport.hub.smart;

import com.nimbusds.jose.jwk.JWK;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.docport.testkit.HubClient;

/** Where a test client serves its JWK Set, as an insurer would: plain HTTP on a free port. */
final class JwksServer implements AutoCloseable {

  private final HttpServer server;
  private final AtomicReference<List<JWK>> keys = new AtomicReference<>(List.of());
  private final AtomicInteger fetches = new AtomicInteger();

  private JwksServer(HttpServer server) {
    this.server = server;
  }

  static JwksServer start(JWK... keys) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      JwksServer jwks = new JwksServer(http);
      jwks.serve(keys);
      http.createContext(
          "/jwks.json",
          exchange -> {
            jwks.fetches.incrementAndGet();
            byte[] body =
                HubClient.json()
                    .writeValueAsString(InsurerSystem.jwks(jwks.keys.get().toArray(JWK[]::new)))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      http.start();
      return jwks;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** From now on the set holds these keys' public halves (a key rotation). */
  void serve(JWK... served) {
    keys.set(List.of(served));
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
  }

  int fetches() {
    return fetches.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
