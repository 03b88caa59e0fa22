package org.docport.connectors.fhirrest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;

/**
 * A HAPI client for one insurer's FHIR endpoint, signed in with the connector's credentials, and
 * the record of its failed responses (where {@link InsurerErrors} reads Retry-After).
 */
record InsurerClient(IGenericClient client, FailedResponseHeaders failedResponses) {

  static InsurerClient open(FhirContext fhir, String baseUrl, AuthInterceptor auth) {
    IGenericClient client = fhir.newRestfulGenericClient(baseUrl);
    client.registerInterceptor(auth);
    FailedResponseHeaders failedResponses = new FailedResponseHeaders();
    client.registerInterceptor(failedResponses);
    return new InsurerClient(client, failedResponses);
  }
}
