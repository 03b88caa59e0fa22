package org.docport.connectors.fhirrest;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.RetryableDeliveryException;

/**
 * OAuth2 client-credentials tokens for one insurer, fetched on first use and again shortly before
 * they expire or after the insurer answers 401. The request is the Nimbus OAuth 2.0 SDK's; the
 * client sends its credentials in the form ({@code client_secret_post}), as DocPort always has. A
 * token endpoint that refuses, cannot be reached or answers nonsense makes the delivery retry.
 */
final class ClientCredentialsTokens {

  private static final Duration EARLY_REFRESH = Duration.ofSeconds(30);

  /** How long a token lasts when the token endpoint does not say ({@code expires_in}). */
  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private final ConnectorSettings.Auth auth;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private String token;
  private Instant expiresAt = Instant.MIN;

  /**
   * @param connectTimeout how long connecting to the token endpoint may take
   * @param readTimeout how long the token endpoint may take to answer
   */
  ClientCredentialsTokens(
      ConnectorSettings.Auth auth, Duration connectTimeout, Duration readTimeout) {
    this.auth = auth;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
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
    HTTPResponse response = send(request());
    if (response.getStatusCode() != 200) {
      throw new RetryableDeliveryException(
          "token endpoint answered " + response.getStatusCode() + ": " + response.getContent(),
          null,
          null);
    }
    AccessToken issued;
    try {
      // Parsed from the body whatever its Content-Type says, as before the SDK.
      issued =
          AccessTokenResponse.parse(JSONObjectUtils.parse(response.getContent()))
              .getTokens()
              .getAccessToken();
    } catch (ParseException e) {
      throw new RetryableDeliveryException(
          "token endpoint sent no usable access token: " + e.getMessage(), null, e);
    }
    token = issued.getValue();
    Duration lifetime =
        issued.getLifetime() > 0 ? Duration.ofSeconds(issued.getLifetime()) : DEFAULT_LIFETIME;
    expiresAt = Instant.now().plus(lifetime);
  }

  private HTTPRequest request() {
    Scope scope = auth.scope() == null || auth.scope().isBlank() ? null : Scope.parse(auth.scope());
    HTTPRequest request =
        new TokenRequest(
                URI.create(auth.tokenUrl()),
                new ClientSecretPost(
                    new ClientID(auth.clientId()), new Secret(auth.clientSecret())),
                new ClientCredentialsGrant(),
                scope)
            .toHTTPRequest();
    request.setAccept("application/json");
    request.setConnectTimeout(millis(connectTimeout));
    request.setReadTimeout(millis(readTimeout));
    request.setFollowRedirects(false);
    return request;
  }

  private static HTTPResponse send(HTTPRequest request) {
    try {
      return request.send();
    } catch (IOException e) {
      throw new RetryableDeliveryException(
          "token endpoint unreachable: " + e.getMessage(), null, e);
    }
  }

  private static int millis(Duration timeout) {
    return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }
}
