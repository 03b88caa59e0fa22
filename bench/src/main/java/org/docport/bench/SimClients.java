package org.docport.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.docport.insurersim.InsurerServer;

/**
 * HAPI clients of the insurer simulators, for reading back what arrived and for writing to them
 * directly: no conformance check, and a connection pool wide enough for 16 threads per simulator.
 */
final class SimClients {

  static final FhirContext FHIR = FhirContext.forR4Cached();

  static {
    var clients = FHIR.getRestfulClientFactory();
    clients.setServerValidationMode(ServerValidationModeEnum.NEVER);
    clients.setPoolMaxPerRoute(16);
    clients.setPoolMaxTotal(64);
  }

  private SimClients() {}

  static IGenericClient of(InsurerServer sim) {
    return FHIR.newRestfulGenericClient(sim.baseUrl());
  }
}
