package org.docport.workflows.insurer;

/** An operator's decision on an insurer's registration; a rejection says why. */
public record ApprovalDecision(boolean approved, String reason) {}
