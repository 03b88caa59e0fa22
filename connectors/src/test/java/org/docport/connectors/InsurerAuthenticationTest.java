package org.docport.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.junit.jupiter.api.Test;

/** The connector authenticates as each insurer's settings say. */
class InsurerAuthenticationTest extends ConnectorTestSupport {

  private final DoctorSnapshot doctor = Doctors.doctor(UUID.randomUUID(), 2, "north");

  @Test
  void theRightBearerTokenDelivers() {
    insurer.requireBearerToken("s3cret-token");
    connect(ConnectorSettings.Auth.bearer("s3cret-token"));

    assertThat(deliver(doctor, Map.of())).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(insurer.writeCount()).isPositive();
  }

  @Test
  void aWrongBearerTokenIsRetriedAsUnauthorized() {
    insurer.requireBearerToken("s3cret-token");
    connect(ConnectorSettings.Auth.bearer("stale-token"));

    var failure = thrown(RetryableDeliveryException.class, () -> deliver(doctor, Map.of()));

    assertThat(failure).hasMessageContaining("401");
    assertThat(insurer.writeCount()).isZero();
  }

  @Test
  void noCredentialsAtAProtectedInsurerIsRetriedAsUnauthorized() {
    insurer.requireBearerToken("s3cret-token");

    var failure = thrown(RetryableDeliveryException.class, () -> deliver(doctor, Map.of()));

    assertThat(failure).hasMessageContaining("401");
  }

  @Test
  void clientCredentialsFetchATokenThatDelivers() {
    insurer.requireClientCredentials("docport", "client-s3cret");
    connect(clientCredentials("docport", "client-s3cret"));

    var first = deliver(doctor, Map.of());
    var second = deliver(doctor, Map.of());

    assertThat(first).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aTokenTheInsurerNoLongerAcceptsIsReplacedOnTheNextAttempt() {
    insurer.requireClientCredentials("docport", "client-s3cret");
    connect(clientCredentials("docport", "client-s3cret"));
    deliver(doctor, Map.of());
    insurer.allowAnonymous(); // forgets every token it issued
    insurer.requireClientCredentials("docport", "client-s3cret");

    var failure = thrown(RetryableDeliveryException.class, () -> deliver(doctor, Map.of()));
    var retried = deliver(doctor, Map.of());

    assertThat(failure).hasMessageContaining("401");
    assertThat(retried).isInstanceOf(DeliveryResult.Delivered.class);
  }

  @Test
  void clientCredentialsTheInsurerRefusesAreRetried() {
    insurer.requireClientCredentials("docport", "client-s3cret");
    connect(clientCredentials("docport", "wrong"));

    var failure = thrown(RetryableDeliveryException.class, () -> deliver(doctor, Map.of()));

    assertThat(failure).hasMessageContaining("token endpoint answered 401");
    assertThat(insurer.writeCount()).isZero();
  }

  private ConnectorSettings.Auth clientCredentials(String clientId, String secret) {
    return new ConnectorSettings.Auth(
        "client-credentials", null, insurer.tokenUrl(), clientId, secret, "system/*.write");
  }

  private void connect(ConnectorSettings.Auth auth) {
    connectors.connect(
        Doctors.INSURER_ID,
        new ConnectorSettings(ConnectorSettings.FHIR_REST, insurer.baseUrl(), auth));
  }
}
