package org.docport.connectors.payload;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docport.connectors.DeliveryResult;
import org.docport.connectors.DoctorDocuments;
import org.docport.connectors.PreparedCalendar;
import org.docport.connectors.PreparedDelivery;
import org.docport.connectors.Withdrawal;
import org.docport.connectors.fhirrest.FhirRestWriter;
import org.docport.connectors.fhirrest.PublishedRef;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.mappings.MappingProfile;
import org.docport.mappings.document.DoctorWithdrawal;
import org.hl7.fhir.r4.model.Resource;

/**
 * The messages of the kinds that push one self-contained message per change (a webhook POST, a
 * Kafka record): what a delivery or a withdrawal says to one insurer, in its {@link PayloadFormat},
 * with an id that is the same whenever the content is.
 *
 * <p>A change writes each of the doctor's resources as DocPort publishes them, then the calendar's
 * changes since the version the insurer holds (slots removed, slots, its own appointments), and
 * deletes each resource the doctor no longer has. A withdrawal deletes the insurer's appointment
 * copies, the slots, then the doctor's resources, dependents first.
 */
public final class ChangeMessages {

  private final PayloadFormat format;
  private final String insurerId;
  private final boolean documents;

  /**
   * @param documents the insurer takes DocPort's JSON documents ({@code docport-json}) rather than
   *     {@code format}'s messages of resources
   */
  public ChangeMessages(PayloadFormat format, String insurerId, boolean documents) {
    this.format = format;
    this.insurerId = insurerId;
    this.documents = documents;
  }

  /** Messages to the insurer as FHIR transaction Bundles. */
  public static ChangeMessages fhirTransactions(FhirContext fhir, String insurerId) {
    return new ChangeMessages(new FhirTransactionFormat(fhir), insurerId, false);
  }

  /**
   * Messages to the insurer under its mapping profile: FHIR transaction Bundles for a FHIR profile,
   * DocPort's JSON documents for {@code docport-json}.
   */
  public static ChangeMessages of(FhirContext fhir, String insurerId, MappingProfile profile) {
    return new ChangeMessages(new FhirTransactionFormat(fhir), insurerId, !profile.isFhir());
  }

  /** The message that brings the insurer up to date with the delivery. */
  public ChangeMessage change(PreparedDelivery delivery) {
    if (delivery.message() != null) {
      return document(
          DoctorDocuments.json(delivery.message(), delivery.messageCalendar()),
          DoctorDocuments.published(delivery.job().doctorId()));
    }
    List<PayloadFormat.Entry> entries = new ArrayList<>();
    Map<String, String> published = new LinkedHashMap<>();
    for (Resource resource : delivery.resources().resources()) {
      entries.add(PayloadFormat.Entry.put(resource));
      published.put(
          BusinessIdentifiers.token(BusinessIdentifiers.of(resource)), reference(resource));
    }
    PreparedCalendar calendar = delivery.calendar();
    if (calendar != null) {
      calendar
          .removedSlotIds()
          .forEach(id -> entries.add(PayloadFormat.Entry.delete("Slot/" + id)));
      calendar.slots().forEach(slot -> entries.add(PayloadFormat.Entry.put(slot)));
      calendar.appointments().forEach(a -> entries.add(PayloadFormat.Entry.put(a)));
    }
    delivery
        .job()
        .published()
        .forEach(
            (key, stored) -> {
              if (!published.containsKey(key)) {
                entries.add(PayloadFormat.Entry.delete(PublishedRef.referenceOf(stored)));
              }
            });
    return message(entries, published);
  }

  /** What the insurer holds once it has the delivery's message. */
  public static DeliveryResult.Delivered delivered(
      PreparedDelivery delivery, ChangeMessage message) {
    return new DeliveryResult.Delivered(
        delivery.version(), message.published(), delivery.calendarVersion());
  }

  /**
   * The message that takes back everything the doctor owns at the insurer; its {@link
   * ChangeMessage#published} is what stays: the shared organisations and networks.
   */
  public ChangeMessage withdrawal(Withdrawal withdrawal) {
    if (documents) {
      return document(
          DoctorDocuments.json(DoctorWithdrawal.of(withdrawal.doctorId(), null)), Map.of());
    }
    List<PayloadFormat.Entry> entries = new ArrayList<>();
    withdrawal
        .appointmentIds()
        .forEach(id -> entries.add(PayloadFormat.Entry.delete("Appointment/" + id)));
    withdrawal.slotIds().forEach(id -> entries.add(PayloadFormat.Entry.delete("Slot/" + id)));
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
    withdrawn.sort(Comparator.comparingInt(r -> FhirRestWriter.WITHDRAWABLE.indexOf(typeOf(r))));
    withdrawn.forEach(reference -> entries.add(PayloadFormat.Entry.delete(reference)));
    return message(entries, remaining);
  }

  /** A message that says nothing: what a connection test sends. */
  public ChangeMessage empty() {
    return documents ? document(DoctorDocuments.ping(), Map.of()) : message(List.of(), Map.of());
  }

  private ChangeMessage document(byte[] body, Map<String, String> published) {
    return new ChangeMessage(
        "msg_" + digest(insurerId, body), DoctorDocuments.CONTENT_TYPE, body, 1, published);
  }

  private ChangeMessage message(List<PayloadFormat.Entry> entries, Map<String, String> published) {
    byte[] body = format.encode(entries);
    return new ChangeMessage(
        "msg_" + digest(insurerId, body), format.contentType(), body, entries.size(), published);
  }

  static String reference(Resource resource) {
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
