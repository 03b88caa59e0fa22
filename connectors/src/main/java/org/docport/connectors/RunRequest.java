package org.docport.connectors;

/**
 * Asks an insurer's route for one run of a kind that sends changes in batches: {@code delta} (the
 * changes due) or {@code full} (everything the insurer may see), on a schedule or on demand.
 */
public record RunRequest(String insurerId, String run) {}
