package org.docport.mappings.snapshot;

/** WGS84 coordinates in decimal degrees. */
public record GeoPoint(Double latitude, Double longitude) {}
