package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;

/**
 * One client of an insurer's system running FHIR Bulk Data exports as such a system does: one
 * access token, kept for the whole export; kick off with {@code Prefer: respond-async}, poll the
 * status URL, download the NDJSON files.
 */
final class BulkExporter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;
  private final String token;

  /**
   * @param token the bearer token; null for none
   */
  BulkExporter(int port, String token) {
    this.port = port;
    this.token = token;
  }

  /** The manifest's output entry of the type. */
  static JsonNode output(JsonNode manifest, String type) {
    return StreamSupport.stream(manifest.get("output").spliterator(), false)
        .filter(o -> o.get("type").asText().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + manifest));
  }

  /** Kicks off, polls until complete and answers the manifest. */
  JsonNode export(String kickOff) {
    HttpResponse<String> response = get(kickOff, true);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return manifest(response.headers().firstValue("Content-Location").orElseThrow());
  }

  JsonNode manifest(String status) {
    @SuppressWarnings("unchecked")
    HttpResponse<String>[] last = new HttpResponse[1];
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              last[0] = get(status);
              assertThat(last[0].statusCode()).isIn(200, 202);
              return last[0].statusCode() == 200;
            });
    try {
      return JSON.readTree(last[0].body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's resources, one per NDJSON line. */
  List<Resource> download(String url) {
    HttpResponse<String> response = get(url);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/fhir+ndjson");
    return response
        .body()
        .lines()
        .map(line -> (Resource) InsurerFhirClients.FHIR.newJsonParser().parseResource(line))
        .toList();
  }

  HttpResponse<String> get(String pathOrUrl) {
    return send(request(pathOrUrl).GET());
  }

  HttpResponse<String> get(String path, boolean async) {
    HttpRequest.Builder request = request(path).GET();
    if (async) {
      request.header("Prefer", "respond-async");
    }
    return send(request);
  }

  /**
   * Kicks off by POST with a {@code Parameters} body, polls until complete, answers the manifest.
   */
  JsonNode exportByPost(String kickOff, Parameters parameters) {
    HttpResponse<String> response =
        post(
            kickOff,
            "application/fhir+json",
            InsurerFhirClients.FHIR.newJsonParser().encodeResourceToString(parameters),
            true);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return manifest(response.headers().firstValue("Content-Location").orElseThrow());
  }

  HttpResponse<String> post(String path, String contentType, String body, boolean async) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (async) {
      request.header("Prefer", "respond-async");
    }
    return send(request);
  }

  /** The file as downloaded, its NDJSON lines in order. */
  String downloadText(String url) {
    HttpResponse<String> response = get(url);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  HttpResponse<String> delete(String url) {
    return send(request(url).DELETE());
  }

  private HttpRequest.Builder request(String pathOrUrl) {
    String url = pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/fhir+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
