package org.docport.hub.partner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.connectors.webhook.WebhookKeys;
import org.docport.hub.smart.InsurerSystem;
import org.docport.hub.smart.InsurerSystem.Answer;
import org.docport.testkit.HubClient;

/**
 * An insurer's system calling the partner API: each request signed as Standard Webhooks signs a
 * message ({@link WebhookKeys}), with the keys DocPort issued it, a fresh {@code webhook-id} and
 * the time of sending, unless a test says otherwise.
 */
final class PartnerClient {

  /** One request, signed when sent; a test may change what goes out first. */
  final class Request {
    private final String method;
    private final String path;
    private final String body;
    private String id = UUID.randomUUID().toString();
    private Instant timestamp = Instant.now();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Request(String method, String path, String body) {
      this.method = method;
      this.path = path;
      this.body = body;
    }

    Request id(String value) {
      id = value;
      return this;
    }

    Request at(Instant value) {
      timestamp = value;
      return this;
    }

    /** Sends this header instead of the one the client would (null: none at all). */
    Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Answer send() {
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      Map<String, String> signed = new LinkedHashMap<>();
      signed.put("webhook-id", id);
      signed.put("webhook-timestamp", Long.toString(timestamp.getEpochSecond()));
      signed.put(
          "webhook-signature",
          WebhookKeys.signature(id, timestamp.getEpochSecond(), bytes, secrets));
      signed.putAll(headers);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Accept", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      signed.forEach(
          (name, value) -> {
            if (value != null) {
              request.header(name, value);
            }
          });
      return InsurerSystem.send(request);
    }
  }

  private final String base;
  private final List<String> secrets;

  /** A client of the insurer's paths, signing with these keys (each signature in the header). */
  PartnerClient(int port, String insurerId, List<String> secrets) {
    this.base = "http://localhost:" + port + "/api/partner/v1/insurers/" + insurerId;
    this.secrets = List.copyOf(secrets);
  }

  /** The same insurer, signing with other keys. */
  PartnerClient signingWith(String... keys) {
    return new PartnerClient(base, List.of(keys));
  }

  private PartnerClient(String base, List<String> secrets) {
    this.base = base;
    this.secrets = secrets;
  }

  /** The {@code webhook-signature} of a message under this client's keys. */
  String signature(String id, Instant at, String body) {
    return WebhookKeys.signature(
        id, at.getEpochSecond(), body.getBytes(StandardCharsets.UTF_8), secrets);
  }

  Answer get(String path) {
    return request("GET", path, null).send();
  }

  Answer post(String path, Object body) {
    return request("POST", path, json(body)).send();
  }

  /** A request of the insurer's path, to change before it is sent. */
  Request request(String method, String path, Object body) {
    return new Request(method, path, body == null ? null : json(body));
  }

  private static String json(Object body) {
    try {
      return body instanceof String text ? text : HubClient.json().writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
