package org.docport.connectors;

import ca.uhn.fhir.context.FhirContext;

/**
 * What the process gives every connector kind.
 *
 * @param fhir the process's one FhirContext (its client factory carries the HTTP timeouts)
 * @param preparation the consent check and mapping every delivery goes through first
 */
public record ConnectorServices(FhirContext fhir, DeliveryPreparation preparation) {}
