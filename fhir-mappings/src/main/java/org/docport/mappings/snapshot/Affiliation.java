package org.docport.mappings.snapshot;

/**
 * An organisation the doctor works for or with (hospital, clinic, group practice).
 *
 * @param identifier the organisation's own identifier, if it has one
 */
public record Affiliation(String name, Identifier identifier) {}
