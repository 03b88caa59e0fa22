package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.Map;
import org.docport.hub.smart.InsurerSystem;
import org.docport.testkit.HubClient;

/** HAPI generic clients of the hub's FHIR API, as an insurer's system holds them. */
final class InsurerFhirClients {

  static final FhirContext FHIR = FhirContext.forR4Cached();

  private InsurerFhirClients() {}

  /** A client of the insurer's registered system with a SMART access token for these scopes. */
  static IGenericClient client(HubClient operator, int port, String insurerId, String scope) {
    IGenericClient client = unauthenticated(port);
    client.registerInterceptor(
        new BearerTokenAuthInterceptor(token(operator, port, insurerId, scope)));
    return client;
  }

  /** An access token of a client registered for the insurer, for these scopes. */
  static String token(HubClient operator, int port, String insurerId, String scope) {
    InsurerSystem system = new InsurerSystem("http://localhost:" + port);
    RSAKey key = InsurerSystem.rsaKey(2048);
    String clientId =
        operator
            .post(
                "/api/insurers/" + insurerId + "/clients",
                Map.of("name", "directory reader", "jwks", InsurerSystem.jwks(key)))
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
