package org.docport.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.DeliveryResult;
import org.docport.connectors.Doctors;
import org.docport.connectors.PreparedDelivery;
import org.docport.connectors.RejectedDeliveryException;
import org.docport.connectors.RetryableDeliveryException;
import org.docport.connectors.Withdrawal;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.mappings.MappingProfile;
import org.docport.mappings.MappingProfiles;
import org.docport.mappings.PublishedResources;
import org.docport.mappings.codes.CodeMap;
import org.docport.mappings.document.DoctorDocument;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook kind against a receiver on the loopback interface that answers as it is told. */
class WebhookWriterTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final UUID DOCTOR = UUID.fromString("8d6c3c4e-1f0a-4a59-9a4e-2b8f0c6a1d11");

  private record Received(Headers headers, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(204);
  private HttpServer server;
  private WebhookWriter writer;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestHeaders(),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          exchange.getResponseHeaders().add("Retry-After", "7");
          byte[] answer = "{\"error\": \"unknown practitioner\"}".getBytes(StandardCharsets.UTF_8);
          int code = status.get();
          exchange.sendResponseHeaders(code, code == 204 ? -1 : answer.length);
          if (code != 204) {
            exchange.getResponseBody().write(answer);
          }
          exchange.close();
        });
    server.start();
    writer =
        new WebhookWriter(
            FHIR,
            HttpClient.newHttpClient(),
            "acme",
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"),
            List.of(SECRET),
            "t0ken");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aDeliveryIsOneSignedTransactionThatDeletesWhatTheDoctorNoLongerHas() {
    DeliveryResult.Delivered delivered =
        writer.write(delivery(Map.of("urn:old|gone", "Location/gone")));

    Received message = received.get(0);
    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, message.body());
    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
    assertThat(bundle.getEntry())
        .extracting(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl())
        .containsExactly("PUT Practitioner/" + DOCTOR, "DELETE Location/gone");
    String id = message.headers().getFirst("webhook-id");
    long timestamp = Long.parseLong(message.headers().getFirst("webhook-timestamp"));
    assertThat(
            WebhookKeys.verifies(
                message.headers().getFirst("webhook-signature"),
                id,
                timestamp,
                message.body().getBytes(StandardCharsets.UTF_8),
                SECRET))
        .isTrue();
    assertThat(message.headers().getFirst("Authorization")).isEqualTo("Bearer t0ken");
    assertThat(delivered.published())
        .containsExactly(
            Map.entry(BusinessIdentifiers.PRACTITIONER + "|" + DOCTOR, "Practitioner/" + DOCTOR));
  }

  @Test
  void underDocportJsonTheBodyIsTheDoctorsDocumentAndAnOptOutAWithdrawal() throws Exception {
    WebhookWriter documents =
        new WebhookWriter(
            FHIR,
            HttpClient.newHttpClient(),
            "acme",
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"),
            List.of(SECRET),
            null,
            MappingProfile.DOCPORT_JSON);
    DoctorDocument document =
        (DoctorDocument)
            MappingProfiles.json(Doctors.doctor(DOCTOR, 3, "loc-1"), Doctors.ACME, CodeMap.NONE)
                .message();
    DeliveryJob job = new DeliveryJob("acme", document.doctorId(), 3, 0, Map.of());

    DeliveryResult.Delivered delivered =
        documents.write(PreparedDelivery.message(job, 3, document, null));
    documents.withdrawAll(new Withdrawal("acme", document.doctorId(), Map.of()));

    assertThat(delivered.version()).isEqualTo(3);
    JsonNode sent = new ObjectMapper().readTree(received.get(0).body());
    assertThat(sent.get("schema").asText()).isEqualTo("docport.doctor/v1");
    assertThat(sent.get("doctorId").asText()).isEqualTo(document.doctorId().toString());
    assertThat(received.get(0).headers().getFirst("Content-Type")).isEqualTo("application/json");
    JsonNode withdrawn = new ObjectMapper().readTree(received.get(1).body());
    assertThat(withdrawn.get("schema").asText()).isEqualTo("docport.doctor.withdrawn/v1");
    for (Received message : received) {
      assertThat(
              WebhookKeys.verifies(
                  message.headers().getFirst("webhook-signature"),
                  message.headers().getFirst("webhook-id"),
                  Long.parseLong(message.headers().getFirst("webhook-timestamp")),
                  message.body().getBytes(StandardCharsets.UTF_8),
                  SECRET))
          .isTrue();
    }
  }

  @Test
  void aFailedAttemptIsRetriedAfterTheInsurersWaitWithTheSameId() {
    status.set(503);

    assertThatThrownBy(() -> writer.write(delivery(Map.of())))
        .isInstanceOfSatisfying(
            RetryableDeliveryException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    status.set(204);
    writer.write(delivery(Map.of()));

    assertThat(received).hasSize(2);
    assertThat(received.get(1).headers().getFirst("webhook-id"))
        .isEqualTo(received.get(0).headers().getFirst("webhook-id"));
  }

  @Test
  void tooManyRequestsAndTimeoutsAreRetriedAndOtherRefusalsAreDeadLettered() {
    for (int retried : List.of(408, 429, 500)) {
      status.set(retried);
      assertThatThrownBy(() -> writer.write(delivery(Map.of())))
          .isInstanceOf(RetryableDeliveryException.class);
    }
    for (int refused : List.of(400, 401, 404, 422)) {
      status.set(refused);
      assertThatThrownBy(() -> writer.write(delivery(Map.of())))
          .isInstanceOfSatisfying(
              RejectedDeliveryException.class,
              e -> {
                assertThat(e.status()).isEqualTo(refused);
                assertThat(e.operationOutcome()).contains("unknown practitioner");
              });
    }
  }

  @Test
  void theConnectionTestIsASignedEmptyTransactionTheEndpointMustTake() {
    assertThat(writer.test()).isEmpty();
    status.set(401);
    assertThat(writer.test()).get().asString().contains("insurer answered 401");

    Bundle ping = FHIR.newJsonParser().parseResource(Bundle.class, received.get(0).body());
    assertThat(ping.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
    assertThat(ping.getEntry()).isEmpty();
    assertThat(received.get(0).headers().getFirst("webhook-signature")).startsWith("v1,");
  }

  @Test
  void anUnreachableInsurerIsTriedAgain() {
    server.stop(0);

    assertThatThrownBy(() -> writer.write(delivery(Map.of())))
        .isInstanceOf(RetryableDeliveryException.class);
  }

  @Test
  void aWithdrawalDeletesTheCalendarThenTheDoctorAndKeepsWhatIsShared() {
    Map<String, String> published =
        Map.of(
            "urn:a|p", "Practitioner/" + DOCTOR,
            "urn:a|l", "Location/l1",
            "urn:a|o", "Organization/acme");

    Map<String, String> remaining =
        writer.withdrawAll(new Withdrawal("acme", DOCTOR, published, List.of("s1"), List.of("a1")));

    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, received.get(0).body());
    assertThat(bundle.getEntry())
        .extracting(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl())
        .containsExactly(
            "DELETE Appointment/a1",
            "DELETE Slot/s1",
            "DELETE Location/l1",
            "DELETE Practitioner/" + DOCTOR);
    assertThat(remaining).containsExactly(Map.entry("urn:a|o", "Organization/acme"));
  }

  private static PreparedDelivery delivery(Map<String, String> published) {
    Practitioner practitioner = new Practitioner();
    practitioner.setId(DOCTOR.toString());
    practitioner.addIdentifier(BusinessIdentifiers.practitioner(DOCTOR));
    return new PreparedDelivery(
        new DeliveryJob("acme", DOCTOR, 3, 0, published),
        3,
        new PublishedResources(List.of(practitioner)));
  }
}
