package org.docport.mappings.snapshot;

import java.time.LocalDate;

/**
 * A registration, licence or provider number.
 *
 * @param system URI of the numbering scheme (e.g. {@code http://hl7.org/fhir/sid/us-npi})
 * @param value the number itself
 * @param type what kind of number: {@code NPI}, {@code LN} (licence number), {@code PRN} (provider
 *     number) or {@code MD} (medical registration), from the HL7 v2 identifier-type table
 * @param issuer name of the authority that issued it
 * @param region state, province or country code where it is valid
 * @param validFrom first day of validity, if known
 * @param validTo last day of validity, if it expires
 */
public record Identifier(
    String system,
    String value,
    String type,
    String issuer,
    String region,
    LocalDate validFrom,
    LocalDate validTo) {}
