package org.docport.connectors.fhirrest;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
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

  /** The interceptor for an insurer's auth settings. */
  public static AuthInterceptor of(ConnectorSettings.Auth auth) {
    return switch (auth.type()) {
      case "bearer" -> new AuthInterceptor(auth::token, () -> {});
      case "client-credentials" -> {
        var tokens = new ClientCredentialsTokens(auth);
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
