package org.docport.insurersim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;

class AccessControlTest extends InsurerServerTestSupport {

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void requestsWithoutTheBearerTokenAreRejectedWith401() {
    insurer.requireBearerToken("s3cret");

    assertThatThrownBy(() -> upsert(practitioner("a1", "Anonymous"), "a1"))
        .isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(
            () -> clientWithToken("wrong").search().forResource(Practitioner.class).execute())
        .isInstanceOf(AuthenticationException.class);
    assertThat(insurer.writeCount()).isZero();
  }

  @Test
  void requestsWithTheBearerTokenAreServed() {
    insurer.requireBearerToken("s3cret");

    clientWithToken("s3cret").create().resource(practitioner("a2", "Known")).execute();

    assertThat(insurer.all(Practitioner.class)).hasSize(1);
  }

  @Test
  void capabilityStatementStaysPublic() {
    insurer.requireBearerToken("s3cret");

    CapabilityStatement capabilities =
        client.capabilities().ofType(CapabilityStatement.class).execute();

    assertThat(capabilities.getRestFirstRep().getResource())
        .extracting(r -> r.getType())
        .contains("Practitioner", "PractitionerRole", "Location", "Organization");
  }

  @Test
  void tokensIssuedForClientCredentialsAreAccepted() throws Exception {
    insurer.requireClientCredentials("docport", "pa55");

    HttpResponse<String> response =
        postToken("grant_type=client_credentials&client_id=docport&client_secret=pa55", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"token_type\":\"Bearer\"", "\"expires_in\":300");
    Matcher token = ACCESS_TOKEN.matcher(response.body());
    assertThat(token.find()).isTrue();
    clientWithToken(token.group(1)).create().resource(practitioner("a3", "Oauth")).execute();
    assertThat(insurer.all(Practitioner.class)).hasSize(1);
  }

  @Test
  void tokenEndpointAcceptsHttpBasicClientAuthentication() throws Exception {
    insurer.requireClientCredentials("docport", "pa55");
    String basic =
        Base64.getEncoder().encodeToString("docport:pa55".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> response = postToken("grant_type=client_credentials", "Basic " + basic);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void tokenEndpointRefusesWrongSecretsAndOtherGrants() throws Exception {
    insurer.requireClientCredentials("docport", "pa55");

    HttpResponse<String> wrongSecret =
        postToken("grant_type=client_credentials&client_id=docport&client_secret=nope", null);
    HttpResponse<String> wrongGrant = postToken("grant_type=password&username=x", null);

    assertThat(wrongSecret.statusCode()).isEqualTo(401);
    assertThat(wrongSecret.body()).contains("invalid_client");
    assertThat(wrongGrant.statusCode()).isEqualTo(400);
    assertThat(wrongGrant.body()).contains("unsupported_grant_type");
  }

  private IGenericClient clientWithToken(String token) {
    IGenericClient authenticated = newClient();
    authenticated.registerInterceptor(new BearerTokenAuthInterceptor(token));
    return authenticated;
  }

  private HttpResponse<String> postToken(String form, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(insurer.tokenUrl()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
