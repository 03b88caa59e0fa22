package org.docport.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.docport.insurersim.InsurerServer;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Insurers are connected, re-connected and disconnected while Camel runs. */
class ConnectorRoutesTest extends ConnectorTestSupport {

  private final DoctorSnapshot doctor = Doctors.doctor(UUID.randomUUID(), 1, "north");
  private InsurerServer otherInsurer;

  @BeforeAll
  void startAnotherInsurer() {
    otherInsurer = InsurerServer.start(0);
  }

  @AfterAll
  void stopAnotherInsurer() {
    otherInsurer.close();
  }

  @Test
  void connectingAnInsurerAddsItsOwnRoute() {
    assertThat(connectors.isConnected(Doctors.INSURER_ID)).isTrue();
    assertThat(camel.getRoute(InsurerConnectors.routeId(Doctors.INSURER_ID))).isNotNull();
  }

  @Test
  void aDisconnectedInsurerGetsNoDeliveries() {
    connectors.disconnect(Doctors.INSURER_ID);

    assertThat(connectors.isConnected(Doctors.INSURER_ID)).isFalse();
    assertThatThrownBy(() -> deliver(doctor, Map.of()))
        .isInstanceOf(RetryableDeliveryException.class)
        .hasMessageContaining("no connector route");
    assertThat(insurer.writeCount()).isZero();
  }

  @Test
  void reconnectingWithANewBaseUrlDeliversToTheNewServer() {
    otherInsurer.reset();
    delivered(doctor, Map.of());
    int writesAtFirstServer = insurer.writeCount();
    connectors.disconnect(Doctors.INSURER_ID);

    connectors.connect(Doctors.INSURER_ID, open(otherInsurer));
    delivered(doctor.withIdentity(doctor.id(), 2), Map.of());

    assertThat(practitionerAt(otherInsurer).flatMap(BusinessIdentifiers::registryVersion))
        .contains(2L);
    assertThat(insurer.writeCount()).isEqualTo(writesAtFirstServer);
  }

  @Test
  void connectingAgainReplacesTheRouteInPlace() {
    otherInsurer.reset();

    connectors.connect(Doctors.INSURER_ID, open(otherInsurer));
    delivered(doctor, Map.of());

    assertThat(practitionerAt(otherInsurer)).isPresent();
    assertThat(insurer.writeCount()).isZero();
  }

  @Test
  void eachConnectedInsurerGetsItsOwnDeliveries() {
    otherInsurer.reset();
    var other = new InsurerContext("other", "Other Health", null, Doctors.ACME.networks());
    connectors.connect(other.id(), open(otherInsurer));
    try {
      subjects.consent(other, doctor);
      subjects.consent(Doctors.ACME, doctor);

      connectors.deliver(new DeliveryJob(other.id(), doctor.id(), 1, 0, Map.of()));
      connectors.deliver(job(doctor.id(), 1, Map.of()));
      connectors.deliver(new DeliveryJob(other.id(), doctor.id(), 1, 0, Map.of()));

      assertThat(practitionerAt(insurer)).isPresent();
      assertThat(practitionerAt(otherInsurer)).isPresent();
      assertThat(networkValuesAt(insurer))
          .isNotEmpty()
          .allMatch(v -> v.startsWith(Doctors.INSURER_ID + "/"));
      assertThat(networkValuesAt(otherInsurer)).isNotEmpty().allMatch(v -> v.startsWith("other/"));
    } finally {
      connectors.disconnect(other.id());
    }
  }

  @Test
  void invalidSettingsAddNoRoute() {
    connectors.disconnect(Doctors.INSURER_ID);
    var unknownKind = new ConnectorSettings("carrier-pigeon", "https://insurer.example", null);
    var badUrl = new ConnectorSettings(ConnectorSettings.FHIR_REST, "ftp://insurer.example", null);

    assertThatThrownBy(() -> connectors.connect(Doctors.INSURER_ID, unknownKind))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind: must be one of fhir-rest, webhook");
    assertThatThrownBy(() -> connectors.connect(Doctors.INSURER_ID, badUrl))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl");
    assertThat(connectors.isConnected(Doctors.INSURER_ID)).isFalse();
  }

  private Optional<Practitioner> practitionerAt(InsurerServer server) {
    return server.findByIdentifier(
        Practitioner.class, BusinessIdentifiers.PRACTITIONER, doctor.id().toString());
  }

  private static List<String> networkValuesAt(InsurerServer server) {
    return server.all(Organization.class).stream()
        .map(Organization::getIdentifierFirstRep)
        .filter(i -> i.getSystem().equals(BusinessIdentifiers.NETWORK))
        .map(Identifier::getValue)
        .toList();
  }
}
