package org.docport.mappings.snapshot;

import java.util.List;

/** A postal address; {@code country} is an ISO 3166 alpha-2 code. */
public record Address(
    List<String> lines,
    String city,
    String district,
    String state,
    String postalCode,
    String country) {}
