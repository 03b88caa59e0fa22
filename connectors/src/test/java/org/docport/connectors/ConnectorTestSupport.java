package org.docport.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.docport.insurersim.InsurerServer;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The connector stack as the hub runs it, minus Spring: a Camel context holding the delivery route
 * configuration and the {@code fhir-rest} template, {@link InsurerConnectors} on top, and a real
 * insurer simulator over HTTP. Each test starts with an empty, healthy, open insurer connected as
 * {@link Doctors#INSURER_ID} and no consents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConnectorTestSupport {

  static final FhirContext FHIR = FhirContext.forR4Cached();

  final FakeDeliverySubjects subjects = new FakeDeliverySubjects();
  InsurerServer insurer;
  CamelContext camel;
  InsurerConnectors connectors;

  @BeforeAll
  void startConnectorsAndInsurer() throws Exception {
    // The simulator's CapabilityStatement is not what a delivery is about; don't fetch it first.
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    insurer = InsurerServer.start(0);
    camel = new DefaultCamelContext();
    camel.addRoutes(new DeliveryRouteConfiguration());
    ConnectorServices services = new ConnectorServices(FHIR, new DeliveryPreparation(subjects));
    camel.addRoutes(ConnectorKinds.templates(services));
    camel.start();
    connectors = new InsurerConnectors(camel, services);
  }

  @AfterAll
  void stopConnectorsAndInsurer() throws Exception {
    camel.close();
    insurer.close();
  }

  @BeforeEach
  void connectToAnEmptyHealthyInsurer() {
    insurer.reset();
    insurer.healthy();
    insurer.allowAnonymous();
    subjects.clear();
    connectors.connect(Doctors.INSURER_ID, open(insurer));
  }

  static ConnectorSettings open(InsurerServer server) {
    return new ConnectorSettings(ConnectorSettings.FHIR_REST, server.baseUrl(), null);
  }

  /** Consents the doctor to the insurer at this snapshot, then runs one delivery. */
  DeliveryResult deliver(DoctorSnapshot doctor, Map<String, String> published) {
    subjects.consent(Doctors.ACME, doctor);
    return connectors.deliver(job(doctor.id(), doctor.version(), published));
  }

  /** Like {@link #deliver}, for deliveries that must succeed. */
  DeliveryResult.Delivered delivered(DoctorSnapshot doctor, Map<String, String> published) {
    DeliveryResult result = deliver(doctor, published);
    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    return (DeliveryResult.Delivered) result;
  }

  /** The exception {@code call} throws, which must be a {@code type}. */
  static <T extends Throwable> T thrown(Class<T> type, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(type);
    return type.cast(thrown);
  }

  static DeliveryJob job(UUID doctorId, long version, Map<String, String> published) {
    return new DeliveryJob(Doctors.INSURER_ID, doctorId, version, 0, published);
  }
}
