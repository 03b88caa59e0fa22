package org.docport.hub.smart;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches a client's JWK Set from its URL, defensively: the URL is the client's choice, so no
 * redirects are followed (a redirect could point anywhere the hub can reach), answers are cut off
 * at {@value #MAX_BYTES} bytes, and a slow server is given up on after a few seconds.
 */
final class JwksFetcher implements ResourceRetriever {

  static final int MAX_BYTES = 64 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Override
  public Resource retrieveResource(URL url) throws IOException {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(url.toURI())
              .timeout(TIMEOUT)
              .header("Accept", "application/jwk-set+json, application/json")
              .GET()
              .build();
    } catch (URISyntaxException e) {
      throw new IOException("not a URL: " + url, e);
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + url, e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException(url + " answered HTTP " + response.statusCode());
      }
      byte[] bytes = body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IOException(url + " answered more than " + MAX_BYTES + " bytes");
      }
      return new Resource(
          new String(bytes, StandardCharsets.UTF_8),
          response.headers().firstValue("Content-Type").orElse(null));
    }
  }
}
