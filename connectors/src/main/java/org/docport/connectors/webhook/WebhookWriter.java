package org.docport.connectors.webhook;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docport.connectors.DeliveryResult;
import org.docport.connectors.DoctorDocuments;
import org.docport.connectors.Lease;
import org.docport.connectors.PreparedCalendar;
import org.docport.connectors.PreparedDelivery;
import org.docport.connectors.RejectedDeliveryException;
import org.docport.connectors.RetryableDeliveryException;
import org.docport.connectors.Withdrawal;
import org.docport.connectors.fhirrest.FhirRestWriter;
import org.docport.connectors.fhirrest.InsurerErrors;
import org.docport.connectors.fhirrest.PublishedRef;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.mappings.MappingProfile;
import org.docport.mappings.document.DoctorWithdrawal;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Delivers to an insurer's webhook: one signed HTTPS POST per delivery, whose body is a FHIR {@code
 * transaction} Bundle an insurer can apply as it is: a {@code PUT Type/id} of each of the doctor's
 * resources as DocPort publishes them (DocPort's ids, so the references between them hold), then of
 * the calendar's changes since the version the insurer holds (slots, its own appointments), and a
 * {@code DELETE Type/id} of each slot and resource the doctor no longer has. A withdrawal is one
 * POST of the deletes.
 *
 * <p>Signed as Standard Webhooks asks ({@link WebhookKeys}): {@code webhook-id} is a digest of the
 * insurer and the body, so a retry of the same content carries the same id and the receiver can
 * drop the repeat; {@code webhook-timestamp} is the time of the attempt. A 2xx answer is the
 * receipt; 408, 429, 5xx and network failures are tried again (after the insurer's {@code
 * Retry-After}, if it gave one); any other answer is a refusal, dead-lettered with the answer's
 * body.
 */
public final class WebhookWriter {

  private final FhirContext fhir;
  private final HttpClient http;
  private final String insurerId;
  private final URI url;
  private final List<String> secrets;
  private final String bearerToken;
  private final Duration longestRequest;
  private final boolean documents;

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
    this.documents = !profile.isFhir();
    this.fhir = fhir;
    this.http = http;
    this.insurerId = insurerId;
    this.url = url;
    this.secrets = List.copyOf(secrets);
    this.bearerToken = bearerToken;
    // As long as a FHIR client's requests may take: the delivery lease is sized for them.
    this.longestRequest = Duration.ofMillis(fhir.getRestfulClientFactory().getSocketTimeout());
  }

  /** Posts the delivery's resources and calendar changes; the insurer holds them on a 2xx. */
  public DeliveryResult.Delivered write(PreparedDelivery delivery) {
    if (delivery.message() != null) {
      post(
          DoctorDocuments.json(delivery.message()),
          "application/json",
          "document",
          delivery.job().lease());
      return new DeliveryResult.Delivered(
          delivery.version(), DoctorDocuments.published(delivery.job().doctorId()), null);
    }
    Bundle bundle = transaction();
    Map<String, String> published = new LinkedHashMap<>();
    for (Resource resource : delivery.resources().resources()) {
      bundle.addEntry(put(resource));
      published.put(
          BusinessIdentifiers.token(BusinessIdentifiers.of(resource)), reference(resource));
    }
    PreparedCalendar calendar = delivery.calendar();
    if (calendar != null) {
      calendar.removedSlotIds().forEach(id -> bundle.addEntry(delete("Slot/" + id)));
      calendar.slots().forEach(slot -> bundle.addEntry(put(slot)));
      calendar.appointments().forEach(a -> bundle.addEntry(put(a)));
    }
    delivery
        .job()
        .published()
        .forEach(
            (key, stored) -> {
              if (!published.containsKey(key)) {
                bundle.addEntry(delete(PublishedRef.referenceOf(stored)));
              }
            });
    post(bundle, delivery.job().lease());
    return new DeliveryResult.Delivered(
        delivery.version(), published, calendar == null ? null : calendar.version());
  }

  /**
   * Posts the deletes of everything the doctor owns at the insurer: its appointment copies, the
   * slots, then the doctor's resources, dependents first.
   *
   * @return what stays published: the shared organisations and networks
   */
  public Map<String, String> withdrawAll(Withdrawal withdrawal) {
    if (documents) {
      post(
          DoctorDocuments.json(DoctorWithdrawal.of(withdrawal.doctorId(), null)),
          "application/json",
          "withdrawal",
          Lease.none());
      return Map.of();
    }
    Bundle bundle = transaction();
    withdrawal.appointmentIds().forEach(id -> bundle.addEntry(delete("Appointment/" + id)));
    withdrawal.slotIds().forEach(id -> bundle.addEntry(delete("Slot/" + id)));
    Map<String, String> remaining = new LinkedHashMap<>();
    List<String> withdrawn = new ArrayList<>();
    withdrawal
        .published()
        .forEach(
            (key, stored) -> {
              String reference = PublishedRef.referenceOf(stored);
              if (FhirRestWriter.WITHDRAWABLE.contains(typeOf(reference))) {
                withdrawn.add(reference);
              } else {
                remaining.put(key, stored);
              }
            });
    withdrawn.sort(
        java.util.Comparator.comparingInt(r -> FhirRestWriter.WITHDRAWABLE.indexOf(typeOf(r))));
    withdrawn.forEach(reference -> bundle.addEntry(delete(reference)));
    post(bundle, Lease.none());
    return remaining;
  }

  /**
   * Posts an empty transaction, signed: what an insurer's endpoint must answer 2xx to before it is
   * connected.
   *
   * @return what went wrong, or empty when the endpoint took it
   */
  public Optional<String> test() {
    try {
      post(transaction(), Lease.none());
      return Optional.empty();
    } catch (RetryableDeliveryException | RejectedDeliveryException e) {
      return Optional.of(e.getMessage());
    }
  }

  private void post(Bundle bundle, Lease lease) {
    post(
        fhir.newJsonParser().encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8),
        "application/fhir+json",
        bundle.getEntry().size() + " entries",
        lease);
  }

  private void post(byte[] body, String contentType, String contents, Lease lease) {
    String id = "msg_" + digest(insurerId, body);
    long timestamp = Instant.now().getEpochSecond();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(longestRequest)
            .header("Content-Type", contentType)
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", WebhookKeys.signature(id, timestamp, body, secrets))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    lease.ensureLasts(longestRequest);
    String what = "webhook " + id + " (" + contents + ") to " + url;
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
    String message = what + ": insurer answered " + status;
    if (status == 408 || status == 429 || status >= 500) {
      throw new RetryableDeliveryException(
          message, InsurerErrors.retryAfter(response.headers().map()), null);
    }
    throw new RejectedDeliveryException(message, status, response.body(), null);
  }

  private static Bundle transaction() {
    return new Bundle().setType(Bundle.BundleType.TRANSACTION);
  }

  private static Bundle.BundleEntryComponent put(Resource resource) {
    Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent().setResource(resource);
    entry.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(reference(resource));
    return entry;
  }

  private static Bundle.BundleEntryComponent delete(String reference) {
    Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent();
    entry.getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl(reference);
    return entry;
  }

  private static String reference(Resource resource) {
    return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
  }

  private static String typeOf(String reference) {
    return reference.split("/", 2)[0];
  }

  private static String digest(String insurerId, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(insurerId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return HexFormat.of().formatHex(sha.digest(body), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
