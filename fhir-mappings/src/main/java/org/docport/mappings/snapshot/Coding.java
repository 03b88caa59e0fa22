package org.docport.mappings.snapshot;

/** A code from a code system, e.g. a NUCC provider-taxonomy specialty. */
public record Coding(String system, String code, String display) {}
