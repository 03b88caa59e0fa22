package org.docport.connectors.fhirrest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.docport.connectors.ConnectorSettings;

/** Adds the insurer's bearer token, static or fetched by OAuth2 client credentials, to requests. */
public final class AuthInterceptor implements IClientInterceptor {

  private final Supplier<String> token;
  private final Runnable onUnauthorized;

  private AuthInterceptor(Supplier<String> token, Runnable onUnauthorized) {
    this.token = token;
    this.onUnauthorized = onUnauthorized;
  }

  /**
   * The interceptor for an insurer's auth settings. Tokens are fetched with the connect and socket
   * timeouts of {@code fhir}'s clients, those of the FHIR requests they authorise.
   */
  public static AuthInterceptor of(FhirContext fhir, ConnectorSettings.Auth auth) {
    return switch (auth.type()) {
      case "bearer" -> new AuthInterceptor(auth::token, () -> {});
      case "client-credentials" -> {
        var clients = fhir.getRestfulClientFactory();
        var tokens =
            new ClientCredentialsTokens(
                auth,
                Duration.ofMillis(clients.getConnectTimeout()),
                Duration.ofMillis(clients.getSocketTimeout()));
        yield new AuthInterceptor(tokens::token, tokens::invalidate);
      }
      default -> new AuthInterceptor(() -> null, () -> {});
    };
  }

  @Override
  public void interceptRequest(IHttpRequest request) {
    String value = token.get();
    if (value != null) {
      request.addHeader("Authorization", "Bearer " + value);
    }
  }

  @Override
  public void interceptResponse(IHttpResponse response) {
    if (response.getStatus() == 401) {
      onUnauthorized.run();
    }
  }
}
