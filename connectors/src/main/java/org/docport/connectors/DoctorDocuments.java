package org.docport.connectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import org.docport.mappings.document.DoctorCalendar;
import org.docport.mappings.document.DoctorDocument;
import org.docport.mappings.document.DoctorMessage;

/**
 * The one JSON form of DocPort's {@code docport-json} messages, for every connector that sends
 * them: the records' fields as they are named, values the registry does not hold left out (as the
 * document's v1 rules allow), UTF-8.
 */
public final class DoctorDocuments {

  private static final ObjectMapper JSON =
      JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL).build();

  public static final String CONTENT_TYPE = "application/json";

  private DoctorDocuments() {}

  /** A document that says nothing: what a connection test sends an insurer of documents. */
  public static byte[] ping() {
    return "{\"schema\":\"docport.ping/v1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * What a delivery of a document leaves published, for the delivery table: one entry naming the
   * doctor's document, so an opt-out knows there is something to take back.
   */
  public static Map<String, String> published(UUID doctorId) {
    return Map.of("urn:docport:document|" + doctorId, "DoctorDocument/" + doctorId);
  }

  public static byte[] json(DoctorMessage message) {
    return json(message, null);
  }

  /**
   * The message, and a published doctor's document with the doctor's calendar as its {@code
   * calendar} field (a withdrawal takes the calendar back with the doctor, so carries none).
   */
  public static byte[] json(DoctorMessage message, DoctorCalendar calendar) {
    try {
      if (calendar == null || !(message instanceof DoctorDocument)) {
        return JSON.writeValueAsBytes(message);
      }
      ObjectNode document = JSON.valueToTree(message);
      document.set("calendar", JSON.valueToTree(calendar));
      return JSON.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + message.schema(), e);
    }
  }
}
