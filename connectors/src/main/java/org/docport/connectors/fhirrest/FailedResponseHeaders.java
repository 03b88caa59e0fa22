package org.docport.connectors.fhirrest;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Keeps the headers of the error response the calling thread received last. HAPI's client throws
 * its {@code BaseServerResponseException} with the status and body but without the response headers
 * (its {@code getResponseHeaders()} stays empty), and an insurer's Retry-After is a header. Per
 * thread because one client serves all of an insurer's delivery workers, and HAPI runs the
 * interceptors on the thread that makes the call.
 */
final class FailedResponseHeaders implements IClientInterceptor {

  private final ThreadLocal<Map<String, List<String>>> last = new ThreadLocal<>();

  @Override
  public void interceptRequest(IHttpRequest request) {
    last.remove();
  }

  @Override
  public void interceptResponse(IHttpResponse response) {
    if (response.getStatus() >= 400) {
      last.set(response.getAllHeaders());
    }
  }

  /** The headers of this thread's last failed response, or none; forgets them. */
  Map<String, List<String>> take() {
    Map<String, List<String>> headers = last.get();
    last.remove();
    return headers == null ? Map.of() : headers;
  }
}
