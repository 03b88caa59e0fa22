package org.docport.workflows.insurer;

/** An insurer's onboarding step, and the reason when it failed or was rejected. */
public record InsurerOnboardingProgress(InsurerOnboardingStep step, String reason) {}
