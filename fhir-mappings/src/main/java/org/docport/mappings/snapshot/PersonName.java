package org.docport.mappings.snapshot;

import java.util.List;

/** A doctor's name as used in practice. */
public record PersonName(String family, List<String> given, String prefix, String suffix) {}
