package org.docport.connectors.fhirrest;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.docport.connectors.RejectedDeliveryException;
import org.docport.connectors.RetryableDeliveryException;

/**
 * Turns what an insurer's FHIR server answered into DocPort's two kinds of failure: worth retrying
 * (connection errors, 408, 409, 429, 5xx, an expired token) or not (any other 4xx).
 */
public final class InsurerErrors {

  private InsurerErrors() {}

  /**
   * Runs one request to the insurer and translates its failure.
   *
   * @param headers the client's record of failed responses, where Retry-After is read from
   */
  static <T> T call(String what, FailedResponseHeaders headers, Supplier<T> request) {
    try {
      return request.get();
    } catch (FhirClientConnectionException e) {
      throw new RetryableDeliveryException(
          what + ": insurer unreachable: " + e.getMessage(), null, e);
    } catch (BaseServerResponseException e) {
      throw classify(what, e, headers.take());
    }
  }

  /** Like {@link #call}, but a resource that is already gone (404, 410) is not an error. */
  static void callIgnoringGone(String what, FailedResponseHeaders headers, Supplier<?> request) {
    try {
      call(what, headers, request);
    } catch (RejectedDeliveryException e) {
      if (e.status() != 404 && e.status() != 410) {
        throw e;
      }
    }
  }

  static RetryableDeliveryException protocol(String message) {
    return new RetryableDeliveryException(message, null, null);
  }

  /**
   * Retryable or rejected, by status.
   *
   * @param headers the failed response's headers, which HAPI's exception does not carry
   */
  static RuntimeException classify(
      String what, BaseServerResponseException e, Map<String, List<String>> headers) {
    int status = e.getStatusCode();
    String message = what + ": insurer answered " + status + " " + e.getMessage();
    // 409: a real server rejects concurrent conditional writes of one identifier; 401: a token
    // may have expired and is fetched again on the next attempt.
    if (status == 401 || status == 408 || status == 409 || status == 429 || status >= 500) {
      return new RetryableDeliveryException(message, retryAfter(headers), e);
    }
    return new RejectedDeliveryException(message, status, e.getResponseBody(), e);
  }

  /** Reads Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
  public static Duration retryAfter(Map<String, List<String>> headers) {
    if (headers == null) {
      return null;
    }
    return headers.entrySet().stream()
        .filter(h -> "retry-after".equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty())
        .map(h -> parseRetryAfter(h.getValue().get(0).trim()))
        .filter(d -> d != null)
        .findFirst()
        .orElse(null);
  }

  private static Duration parseRetryAfter(String value) {
    if (value.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Duration until =
          Duration.between(
              ZonedDateTime.now(),
              ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
      return until.isNegative() ? Duration.ZERO : until;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
