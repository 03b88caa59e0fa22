package org.docport.connectors.webhook;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docport.connectors.DeliveryResult;
import org.docport.connectors.Lease;
import org.docport.connectors.PreparedDelivery;
import org.docport.connectors.RejectedDeliveryException;
import org.docport.connectors.RetryableDeliveryException;
import org.docport.connectors.Withdrawal;
import org.docport.connectors.fhirrest.InsurerErrors;
import org.docport.connectors.payload.ChangeMessage;
import org.docport.connectors.payload.ChangeMessages;
import org.docport.mappings.MappingProfile;

/**
 * Delivers to an insurer's webhook: one signed HTTPS POST per delivery, whose body is a FHIR {@code
 * transaction} Bundle an insurer can apply as it is: a {@code PUT Type/id} of each of the doctor's
 * resources as DocPort publishes them (DocPort's ids, so the references between them hold), then of
 * the calendar's changes since the version the insurer holds (slots, its own appointments), and a
 * {@code DELETE Type/id} of each slot and resource the doctor no longer has. A withdrawal is one
 * POST of the deletes. The messages are {@link ChangeMessages}', shared with the other kinds that
 * push one message per change.
 *
 * <p>Signed as Standard Webhooks asks ({@link WebhookKeys}): {@code webhook-id} is the message's
 * id, a digest of the insurer and the body, so a retry of the same content carries the same id and
 * the receiver can drop the repeat; {@code webhook-timestamp} is the time of the attempt. A 2xx
 * answer is the receipt; 408, 429, 5xx and network failures are tried again (after the insurer's
 * {@code Retry-After}, if it gave one); any other answer is a refusal, dead-lettered with the
 * answer's body.
 */
public final class WebhookWriter {

  private final ChangeMessages messages;
  private final HttpClient http;
  private final URI url;
  private final List<String> secrets;
  private final String bearerToken;
  private final Duration longestRequest;

  public WebhookWriter(
      FhirContext fhir,
      HttpClient http,
      String insurerId,
      URI url,
      List<String> secrets,
      String bearerToken) {
    this(fhir, http, insurerId, url, secrets, bearerToken, MappingProfile.PLAN_NET);
  }

  /**
   * @param profile the insurer's mapping profile: under {@code docport-json} the body is DocPort's
   *     JSON document ({@code docport.doctor/v1}, or {@code docport.doctor.withdrawn/v1} on
   *     opt-out) instead of a FHIR transaction
   */
  public WebhookWriter(
      FhirContext fhir,
      HttpClient http,
      String insurerId,
      URI url,
      List<String> secrets,
      String bearerToken,
      MappingProfile profile) {
    this.messages = ChangeMessages.of(fhir, insurerId, profile);
    this.http = http;
    this.url = url;
    this.secrets = List.copyOf(secrets);
    this.bearerToken = bearerToken;
    // As long as a FHIR client's requests may take: the delivery lease is sized for them.
    this.longestRequest = Duration.ofMillis(fhir.getRestfulClientFactory().getSocketTimeout());
  }

  /** Posts the delivery's resources and calendar changes; the insurer holds them on a 2xx. */
  public DeliveryResult.Delivered write(PreparedDelivery delivery) {
    ChangeMessage message = messages.change(delivery);
    post(message, delivery.job().lease());
    return ChangeMessages.delivered(delivery, message);
  }

  /**
   * Posts the deletes of everything the doctor owns at the insurer: its appointment copies, the
   * slots, then the doctor's resources, dependents first.
   *
   * @return what stays published: the shared organisations and networks
   */
  public Map<String, String> withdrawAll(Withdrawal withdrawal) {
    ChangeMessage message = messages.withdrawal(withdrawal);
    post(message, Lease.none());
    return message.published();
  }

  /**
   * Posts an empty transaction, signed: what an insurer's endpoint must answer 2xx to before it is
   * connected.
   *
   * @return what went wrong, or empty when the endpoint took it
   */
  public Optional<String> test() {
    try {
      post(messages.empty(), Lease.none());
      return Optional.empty();
    } catch (RetryableDeliveryException | RejectedDeliveryException e) {
      return Optional.of(e.getMessage());
    }
  }

  private void post(ChangeMessage message, Lease lease) {
    String id = message.id();
    byte[] body = message.body();
    long timestamp = Instant.now().getEpochSecond();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(longestRequest)
            .header("Content-Type", message.contentType())
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", WebhookKeys.signature(id, timestamp, body, secrets))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    lease.ensureLasts(longestRequest);
    String what = "webhook " + id + " (" + message.entries() + " entries) to " + url;
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RetryableDeliveryException(what + ": " + e, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableDeliveryException(what + ": interrupted", null, e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String answer = what + ": insurer answered " + status;
    if (status == 408 || status == 429 || status >= 500) {
      throw new RetryableDeliveryException(
          answer, InsurerErrors.retryAfter(response.headers().map()), null);
    }
    throw new RejectedDeliveryException(answer, status, response.body(), null);
  }
}
