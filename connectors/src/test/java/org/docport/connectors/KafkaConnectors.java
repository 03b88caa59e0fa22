package org.docport.connectors;

import ca.uhn.fhir.context.FhirContext;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The connector stack as the hub runs it, minus Spring, for the {@code kafka} kind's tests: a Camel
 * context with every kind's template, {@link InsurerConnectors} on top, and an in-memory registry.
 * Writes are bounded by {@link #WRITE_BUDGET_MS}.
 */
final class KafkaConnectors implements AutoCloseable {

  /** The HTTP kinds' socket timeout, which the lease outlasts and bounds a Kafka write too. */
  static final int WRITE_BUDGET_MS = 3_000;

  final FakeDeliverySubjects subjects = new FakeDeliverySubjects();
  final ConnectorServices services;
  final InsurerConnectors connectors;
  private final CamelContext camel;

  KafkaConnectors() throws Exception {
    FhirContext fhir = FhirContext.forR4();
    fhir.getRestfulClientFactory().setSocketTimeout(WRITE_BUDGET_MS);
    services = new ConnectorServices(fhir, new DeliveryPreparation(subjects));
    camel = new DefaultCamelContext();
    camel.addRoutes(new DeliveryRouteConfiguration());
    camel.addRoutes(ConnectorKinds.templates(services));
    camel.start();
    connectors = new InsurerConnectors(camel, services);
  }

  @Override
  public void close() throws Exception {
    camel.close();
  }
}
