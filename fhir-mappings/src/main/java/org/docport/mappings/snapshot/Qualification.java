package org.docport.mappings.snapshot;

/**
 * A degree or certification.
 *
 * @param degree coded degree (e.g. v2-0360 {@code MD}); display is required, code optional
 * @param issuer the awarding institution
 * @param year year awarded
 */
public record Qualification(Coding degree, String issuer, Integer year) {}
