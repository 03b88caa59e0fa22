package org.docport.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.PracticeLocation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How what the insurer answers becomes a retry later or a dead letter. */
class InsurerFailuresTest extends ConnectorTestSupport {

  private final DoctorSnapshot doctor = Doctors.doctor(UUID.randomUUID(), 5, "north");

  @ParameterizedTest
  @ValueSource(ints = {429, 503})
  void anInsurerAskingToWaitIsRetriedAfterTheWaitItNamed(int status) {
    insurer.failWith(status, 1); // the simulator adds Retry-After: 1

    var failure = thrown(RetryableDeliveryException.class, this::deliver);

    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(failure).hasMessageContaining(String.valueOf(status));
    assertThat(deliver()).isInstanceOf(DeliveryResult.Delivered.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 408, 409, 500, 502, 504})
  void transientInsurerErrorsAreRetriedWithOurOwnBackoff(int status) {
    insurer.failWith(status, 1);

    var failure = thrown(RetryableDeliveryException.class, this::deliver);

    assertThat(failure.retryAfter()).isEmpty();
    assertThat(failure).hasMessageContaining(String.valueOf(status));
  }

  @Test
  void dataTheMappingRefusesIsRejectedRatherThanRetriedForever() {
    DoctorSnapshot unmappable = Doctors.doctor(UUID.randomUUID(), 5, "bad|location");

    var failure = thrown(RejectedDeliveryException.class, () -> deliver(unmappable, Map.of()));

    assertThat(failure.status()).isEqualTo(RejectedDeliveryException.NOT_HTTP);
    assertThat(insurer.writeCount()).isZero();
  }

  @Test
  void aDoctorPlanNetCannotPublishIsRejectedWithWhatToFix() {
    DoctorSnapshot doctor = Doctors.doctor(UUID.randomUUID(), 5, "north");
    var clinic = doctor.locations().get(0);
    DoctorSnapshot unreachable =
        doctor.withLocations(
            List.of(
                new PracticeLocation(
                    clinic.id(), clinic.name(), clinic.address(), clinic.geo(), null)));

    var failure = thrown(RejectedDeliveryException.class, () -> deliver(unreachable, Map.of()));

    assertThat(failure.status()).isEqualTo(RejectedDeliveryException.NOT_HTTP);
    assertThat(failure)
        .hasMessageContaining("practice location 'Clinic north'")
        .hasMessageContaining("contact information or an Endpoint on every PractitionerRole");
    assertThat(insurer.writeCount()).isZero();
  }

  @Test
  void anUnreachableInsurerIsRetried() throws IOException {
    connectors.connect(
        Doctors.INSURER_ID,
        new ConnectorSettings(
            ConnectorSettings.FHIR_REST, "http://localhost:" + closedPort() + "/fhir", null));

    var failure = thrown(RetryableDeliveryException.class, this::deliver);

    assertThat(failure).hasMessageContaining("unreachable");
    assertThat(failure.getCause()).isInstanceOf(FhirClientConnectionException.class);
  }

  @Test
  void aRefusalIsRejectedWithTheInsurersOperationOutcome() {
    insurer.failWith(400, 1);

    var failure = thrown(RejectedDeliveryException.class, this::deliver);

    assertThat(failure.status()).isEqualTo(400);
    var outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, failure.operationOutcome());
    assertThat(outcome.getIssueFirstRep().getDiagnostics())
        .isEqualTo("Injected fault: the insurer answered 400");
  }

  @ParameterizedTest
  @ValueSource(ints = {403, 404, 422})
  void otherClientErrorsAreRejected(int status) {
    insurer.failWith(status, 1);

    var failure = thrown(RejectedDeliveryException.class, this::deliver);

    assertThat(failure.status()).isEqualTo(status);
    assertThat(failure.operationOutcome()).contains("\"resourceType\":\"OperationOutcome\"");
  }

  private DeliveryResult deliver() {
    return deliver(doctor, Map.of());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
