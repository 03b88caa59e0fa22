package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.docport.hub.smart.InsurerSystem;
import org.docport.testkit.HubClient;

/** HAPI generic clients of the hub's FHIR API, as an insurer's system holds them. */
public final class InsurerFhirClients {

  static final FhirContext FHIR = FhirContext.forR4Cached();

  private InsurerFhirClients() {}

  /** A client of the insurer's registered system with a SMART access token for these scopes. */
  static IGenericClient client(HubClient operator, int port, String insurerId, String scope) {
    IGenericClient client = unauthenticated(port);
    client.registerInterceptor(
        new BearerTokenAuthInterceptor(token(operator, port, insurerId, scope)));
    return client;
  }

  /**
   * A client of the insurer's system registered to be allowed {@code allowed} (space-separated; the
   * default, read everything, when null), with a token for {@code scope}.
   */
  public static IGenericClient client(
      HubClient operator, int port, String insurerId, String scope, String allowed) {
    IGenericClient client = unauthenticated(port);
    client.registerInterceptor(
        new BearerTokenAuthInterceptor(token(operator, port, insurerId, scope, allowed)));
    return client;
  }

  /** An access token of a client registered for the insurer, for these scopes. */
  static String token(HubClient operator, int port, String insurerId, String scope) {
    return token(operator, port, insurerId, scope, null);
  }

  private static String token(
      HubClient operator, int port, String insurerId, String scope, String allowed) {
    InsurerSystem system = new InsurerSystem("http://localhost:" + port);
    RSAKey key = InsurerSystem.rsaKey(2048);
    Map<String, Object> registration = new HashMap<>();
    registration.put("name", "directory reader");
    registration.put("jwks", InsurerSystem.jwks(key));
    if (allowed != null) {
      registration.put("scopes", List.of(allowed.split(" ")));
    }
    String clientId =
        operator
            .post("/api/insurers/" + insurerId + "/clients", registration)
            .expect(201)
            .body()
            .get("clientId")
            .asText();
    return system.accessToken(system.assertion(clientId, key).sign(), scope);
  }

  static IGenericClient unauthenticated(int port) {
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    return FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
  }
}
