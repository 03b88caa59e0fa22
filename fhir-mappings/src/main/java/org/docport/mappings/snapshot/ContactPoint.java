package org.docport.mappings.snapshot;

/**
 * A way to reach the doctor.
 *
 * @param system {@code phone}, {@code email}, {@code fax} or {@code url}
 * @param use {@code work} or {@code mobile}; optional
 */
public record ContactPoint(String system, String value, String use) {}
