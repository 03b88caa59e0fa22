package org.docport.hub.onboarding;

/** What an issuing authority's registry says of a licence number. */
public record LicenceVerdict(boolean valid, String detail) {}
