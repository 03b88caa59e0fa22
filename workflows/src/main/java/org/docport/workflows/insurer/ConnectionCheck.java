package org.docport.workflows.insurer;

/** The outcome of calling an insurer's endpoint: fine, or what went wrong. */
public record ConnectionCheck(boolean ok, String detail) {}
