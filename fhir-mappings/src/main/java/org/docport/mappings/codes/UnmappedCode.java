package org.docport.mappings.codes;

/**
 * A doctor's code that the insurer's code map should have translated and did not: the map covers
 * the code's system, but has no usable target for the code. Reported to the operator so that the
 * map can be completed; the code itself is still published as the registry holds it, never dropped.
 *
 * @param system the code system of the doctor's code (one the code map covers)
 * @param code the code that has no mapping
 * @param display the code's display in the registry, if any
 * @param where the snapshot field it came from, in the doctor API's notation ({@code
 *     specialties[1]})
 */
public record UnmappedCode(String system, String code, String display, String where) {}
