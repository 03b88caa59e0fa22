/**
 * The partner API ({@code /api/partner/v1}): a small signed JSON API for insurers without FHIR, to
 * find free slots, hold, book, cancel and read appointments, and decide enrolments, on the same
 * rules, database guard and audit as the FHIR path. Each request is signed as Standard Webhooks
 * signs a message, with a per-insurer key DocPort issues ({@link
 * org.docport.hub.partner.PartnerKeys}), and its {@code webhook-id} is its idempotency key. Nothing
 * outside this package depends on it.
 */
package org.docport.hub.partner;
