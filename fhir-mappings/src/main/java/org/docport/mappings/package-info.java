/**
 * Pure functions that turn a registry {@link org.docport.mappings.snapshot.DoctorSnapshot} into
 * FHIR R4 resources shaped after HL7 Da Vinci PDex Plan-Net.
 *
 * <p>Entry point: {@link org.docport.mappings.PlanNetMapper#map}. Every produced resource carries
 * exactly one DocPort business identifier ({@link org.docport.mappings.BusinessIdentifiers}) so
 * that connectors can write idempotently with conditional updates, and a logical id derived from
 * it. This package depends on HAPI FHIR structures only: no Spring, Camel or Temporal.
 */
package org.docport.mappings;
