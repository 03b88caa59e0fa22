package org.docport.connectors.fhirrest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.RetryableDeliveryException;

/**
 * OAuth2 client-credentials tokens for one insurer, fetched on first use and again shortly before
 * they expire or after the insurer answers 401.
 */
final class ClientCredentialsTokens {

  private static final Duration EARLY_REFRESH = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConnectorSettings.Auth auth;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String token;
  private Instant expiresAt = Instant.MIN;

  ClientCredentialsTokens(ConnectorSettings.Auth auth) {
    this.auth = auth;
  }

  synchronized String token() {
    if (token == null || Instant.now().isAfter(expiresAt.minus(EARLY_REFRESH))) {
      fetch();
    }
    return token;
  }

  synchronized void invalidate() {
    token = null;
  }

  private void fetch() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", auth.clientId());
    form.put("client_secret", auth.clientSecret());
    if (auth.scope() != null && !auth.scope().isBlank()) {
      form.put("scope", auth.scope());
    }
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(auth.tokenUrl()))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new RetryableDeliveryException(
            "token endpoint answered " + response.statusCode() + ": " + response.body(),
            null,
            null);
      }
      JsonNode json = JSON.readTree(response.body());
      if (!json.hasNonNull("access_token")) {
        throw new RetryableDeliveryException("token endpoint sent no access_token", null, null);
      }
      token = json.get("access_token").asText();
      expiresAt = Instant.now().plusSeconds(json.path("expires_in").asLong(300));
    } catch (IOException e) {
      throw new RetryableDeliveryException(
          "token endpoint unreachable: " + e.getMessage(), null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableDeliveryException("interrupted while fetching a token", null, e);
    }
  }
}
