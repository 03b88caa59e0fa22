package org.docport.mappings.snapshot;

/**
 * A place where the doctor sees patients.
 *
 * @param id stable id of the location within the doctor's record, assigned by the hub
 */
public record PracticeLocation(
    String id, String name, Address address, GeoPoint geo, String phone) {}
