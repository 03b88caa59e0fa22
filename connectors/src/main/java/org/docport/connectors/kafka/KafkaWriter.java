package org.docport.connectors.kafka;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.docport.connectors.Lease;
import org.docport.connectors.PreparedDelivery;
import org.docport.connectors.RejectedDeliveryException;
import org.docport.connectors.RetryableDeliveryException;
import org.docport.connectors.Withdrawal;
import org.docport.connectors.payload.ChangeMessage;
import org.docport.connectors.payload.ChangeMessages;

/**
 * Turns a delivery or a withdrawal into the one Kafka record the insurer's route sends, and a
 * failed send into the outcome the delivery lanes act on.
 *
 * <p>The record's value is the webhook's message ({@link ChangeMessages}: a FHIR transaction
 * Bundle), its key the doctor's id (the insurer's own pair: {@link
 * org.docport.connectors.DeliveryJob#INSURERS_OWN}), so all of a doctor's records land on one
 * partition, in the order they were acknowledged; the lanes send at most one at a time per pair.
 * Its headers: {@value #MESSAGE_ID} (a digest of the insurer and the value: a retry of the same
 * content carries the same id, so a consumer drops repeats by it), {@value #DOCTOR_ID}, {@value
 * #CHANGE} ({@code change} or {@code withdrawal}), {@value #VERSION} and {@value #CALENDAR_VERSION}
 * (a change's registry and calendar versions, so a consumer can refuse an older one) and {@value
 * #CONTENT_TYPE}.
 *
 * <p>A withdrawal is a record of the deletes, not a tombstone: on a compacted topic it is the
 * doctor's newest value, so compaction drops every earlier record of the doctor (the published data
 * leaves the topic) while the withdrawal itself stays for consumers that start later or lag; a
 * tombstone would, after {@code delete.retention.ms}, erase even that.
 */
public final class KafkaWriter {

  public static final String MESSAGE_ID = "docport-message-id";
  public static final String DOCTOR_ID = "docport-doctor-id";
  public static final String CHANGE = "docport-change";
  public static final String VERSION = "docport-version";
  public static final String CALENDAR_VERSION = "docport-calendar-version";
  public static final String CONTENT_TYPE = "content-type";

  /** The exchange property holding the route's answer once the broker has the record. */
  static final String OUTCOME = "docportOutcome";

  private final ChangeMessages messages;
  private final String topic;
  private final Duration budget;

  KafkaWriter(ChangeMessages messages, String topic, Duration budget) {
    this.messages = messages;
    this.topic = topic;
    this.budget = budget;
  }

  /** Makes the exchange the record of a prepared delivery; answers its receipt once sent. */
  public void change(Exchange exchange) {
    PreparedDelivery delivery = exchange.getMessage().getBody(PreparedDelivery.class);
    ChangeMessage message = messages.change(delivery);
    Message record =
        record(exchange, delivery.job().doctorId(), message, "change", delivery.job().lease());
    record.setHeader(VERSION, Long.toString(delivery.version()));
    if (delivery.calendarVersion() != null) {
      record.setHeader(CALENDAR_VERSION, Long.toString(delivery.calendarVersion()));
    }
    exchange.setProperty(OUTCOME, ChangeMessages.delivered(delivery, message));
  }

  /** Makes the exchange the record of a withdrawal; answers what stays published once sent. */
  public void withdrawal(Exchange exchange) {
    Withdrawal withdrawal = exchange.getMessage().getBody(Withdrawal.class);
    ChangeMessage message = messages.withdrawal(withdrawal);
    record(exchange, withdrawal.doctorId(), message, "withdrawal", Lease.none());
    exchange.setProperty(OUTCOME, message.published());
  }

  private Message record(
      Exchange exchange, UUID doctorId, ChangeMessage message, String change, Lease lease) {
    lease.ensureLasts(budget);
    Message record = exchange.getMessage();
    record.getHeaders().clear();
    record.setBody(message.body());
    record.setHeader(KafkaConstants.KEY, doctorId.toString());
    record.setHeader(MESSAGE_ID, message.id());
    record.setHeader(DOCTOR_ID, doctorId.toString());
    record.setHeader(CHANGE, change);
    record.setHeader(CONTENT_TYPE, message.contentType());
    return record;
  }

  /**
   * Throws what the lanes make of a send that failed: a {@link RejectedDeliveryException} (dead
   * letter) when sending again cannot succeed until someone changes something (a record larger than
   * the cluster takes, credentials or permissions refused, a topic name the cluster refuses), else
   * a {@link RetryableDeliveryException}: the cluster unreachable, no acknowledgement within the
   * budget, leader changes, and a topic that does not exist, which the producer cannot tell from an
   * unreachable cluster within {@code max.block.ms} (the connection test names it; a cluster with
   * {@code auto.create.topics.enable} creates it instead).
   */
  public void failed(Exchange exchange) {
    Throwable cause = unwrapped(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    String what =
        "kafka record "
            + exchange.getMessage().getHeader(MESSAGE_ID)
            + " of doctor "
            + exchange.getMessage().getHeader(DOCTOR_ID)
            + " to topic "
            + topic
            + ": "
            + cause;
    if (cause instanceof RecordTooLargeException
        || cause instanceof RecordBatchTooLargeException
        || cause instanceof AuthenticationException
        || cause instanceof AuthorizationException
        || cause instanceof InvalidTopicException
        || cause instanceof SerializationException) {
      throw new RejectedDeliveryException(what, RejectedDeliveryException.NOT_HTTP, null, cause);
    }
    throw new RetryableDeliveryException(what, null, cause);
  }

  private static Throwable unwrapped(Throwable thrown) {
    Throwable cause = thrown;
    while ((cause instanceof ExecutionException
            || cause instanceof CompletionException
            || cause instanceof RuntimeCamelException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
