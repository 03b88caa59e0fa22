package org.docport.workflows.consent;

/** What the web app shows of a consent in flight: its step, and why it ended where it did. */
public record ConsentProgress(ConsentStep step, String reason) {}
