package org.docport.connectors;

import ca.uhn.fhir.context.FhirContext;
import org.docport.connectors.delivery.DeliveryStore;

/**
 * What the process gives every connector kind.
 *
 * @param fhir the process's one FhirContext (its client factory carries the HTTP timeouts)
 * @param preparation the consent check and mapping every delivery goes through first
 * @param subjects the registry as connectors see it: what a kind that sends in batches lists
 * @param store the delivery state of every pair: a kind that sends in batches claims and receipts
 *     its pairs there itself
 */
public record ConnectorServices(
    FhirContext fhir,
    DeliveryPreparation preparation,
    DeliverySubjects subjects,
    DeliveryStore store) {

  /** The services of kinds that deliver per pair only (tests of those kinds). */
  public ConnectorServices(FhirContext fhir, DeliveryPreparation preparation) {
    this(fhir, preparation, null, null);
  }

  /** The store, which a kind that sends in batches cannot do without. */
  public DeliveryStore requireStore() {
    if (store == null || subjects == null) {
      throw new IllegalStateException(
          "this connector kind claims its own deliveries: give ConnectorServices a delivery store"
              + " and the delivery subjects");
    }
    return store;
  }
}
