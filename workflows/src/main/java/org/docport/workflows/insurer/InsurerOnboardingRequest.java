package org.docport.workflows.insurer;

/**
 * Starts an insurer's onboarding.
 *
 * @param approvedAlready an operator approved the insurer before the workflow was lost (the
 *     registry says so): resume at issuing credentials
 */
public record InsurerOnboardingRequest(String insurerId, boolean approvedAlready) {}
