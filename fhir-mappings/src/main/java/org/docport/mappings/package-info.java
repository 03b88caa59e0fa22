/**
 * Pure functions that turn a registry {@link org.docport.mappings.snapshot.DoctorSnapshot} into
 * what an insurer receives under its {@link org.docport.mappings.MappingProfile}: FHIR R4 resources
 * shaped after HL7 Da Vinci PDex Plan-Net ({@code plan-net}) or the NRCeS FHIR Implementation Guide
 * for ABDM ({@code ndhm}), or DocPort's own JSON document and CSV roster row ({@code docport-json},
 * package {@link org.docport.mappings.document}), with the insurer's code map ({@link
 * org.docport.mappings.codes.CodeMap}) applied to the doctor's specialties.
 *
 * <p>Entry point: {@link org.docport.mappings.MappingProfiles}. Every produced FHIR resource
 * carries exactly one DocPort business identifier ({@link
 * org.docport.mappings.BusinessIdentifiers}) so that connectors can write idempotently with
 * conditional updates, and a logical id derived from it. Scheduling resources are base FHIR in
 * every profile ({@link org.docport.mappings.SchedulingMapper}). This package depends on HAPI FHIR
 * structures only: no Spring, Camel or Temporal.
 */
package org.docport.mappings;
