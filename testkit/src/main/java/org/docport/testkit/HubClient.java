package org.docport.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The hub's REST API as a client sees it, for process-level tests and benchmarks. */
public final class HubClient {

  /** One answer: status, ETag and the JSON body (null when empty). */
  public record Response(int status, String etag, JsonNode body) {

    public Response expect(int expected) {
      if (status != expected) {
        throw new IllegalStateException(
            "expected HTTP " + expected + " but got " + status + ": " + body);
      }
      return this;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public HubClient(String baseUrl, String username, String password) {
    this.baseUrl = baseUrl;
    this.authorization =
        username == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A client that signs in as nobody (sign-up and registration endpoints). */
  public static HubClient anonymous(String baseUrl) {
    return new HubClient(baseUrl, null, null);
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  /** GETs a text resource (e.g. {@code /actuator/prometheus}); anything but 200 is an error. */
  public String text(String path) {
    try {
      HttpResponse<String> response =
          http.send(
              request(path).setHeader("Accept", "text/plain").GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "expected HTTP 200 for " + path + " but got " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").POST(json(body)));
  }

  /** PUTs raw bytes (a document upload) with their content type. */
  public Response putBytes(String path, String contentType, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Response put(String path, Object body, String ifMatch) {
    HttpRequest.Builder request =
        request(path).header("Content-Type", "application/json").PUT(json(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return send(request);
  }

  public Response patch(String path, Object body, String ifMatch) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/merge-patch+json")
            .method("PATCH", json(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return send(request);
  }

  public static ObjectMapper json() {
    return JSON;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    return authorization == null ? request : request.header("Authorization", authorization);
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return HttpRequest.BodyPublishers.ofString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
      return new Response(
          response.statusCode(), response.headers().firstValue("ETag").orElse(null), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
