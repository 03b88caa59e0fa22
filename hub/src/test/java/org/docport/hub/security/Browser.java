package org.docport.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.docport.testkit.HubClient;

/**
 * The hub as the web app's code reaches it from a browser: a cookie jar (the session and the
 * XSRF-TOKEN cookie), the token echoed in {@code X-XSRF-TOKEN} on every change, and the header that
 * marks the web app's calls.
 */
final class Browser {

  /** One answer: status, headers and the JSON body (null when empty). */
  record Answer(int status, HttpHeaders headers, JsonNode body) {
    Answer expect(int expected) {
      if (status != expected) {
        throw new IllegalStateException(
            "expected HTTP " + expected + " but got " + status + ": " + body);
      }
      return this;
    }

    String title() {
      return body == null ? null : body.path("title").asText();
    }
  }

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private final String authorization;
  private boolean echoCsrf = true;

  Browser(String baseUrl) {
    this(baseUrl, null);
  }

  private Browser(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Not a browser: a script sending HTTP Basic, as machines use the REST API. */
  static Browser basic(String baseUrl, String username, String password) {
    return new Browser(
        baseUrl,
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** Stops echoing the CSRF token, as a forged cross-site request could not. */
  Browser withoutCsrfToken() {
    echoCsrf = false;
    return this;
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  Answer post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").POST(json(body)));
  }

  Answer put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").PUT(json(body)));
  }

  Answer delete(String path) {
    return send(request(path).DELETE());
  }

  Answer delete(String path, Object body) {
    return send(
        request(path).header("Content-Type", "application/json").method("DELETE", json(body)));
  }

  /** The value of a cookie the hub set, or null. */
  HttpCookie cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (authorization != null) {
      return request.header("Authorization", authorization);
    }
    request.header("X-Requested-With", "XMLHttpRequest");
    HttpCookie csrf = cookie("XSRF-TOKEN");
    if (echoCsrf && csrf != null) {
      request.header("X-XSRF-TOKEN", csrf.getValue());
    }
    return request;
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(HubClient.json().writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode body = text == null || text.isBlank() ? null : HubClient.json().readTree(text);
      return new Answer(response.statusCode(), response.headers(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
