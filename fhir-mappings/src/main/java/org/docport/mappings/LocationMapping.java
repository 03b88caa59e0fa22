package org.docport.mappings;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.docport.mappings.snapshot.GeoPoint;
import org.docport.mappings.snapshot.PracticeLocation;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Location.LocationPositionComponent;
import org.hl7.fhir.r4.model.Location.LocationStatus;

/** Practice location -> Plan-Net Location (or a base R4 Location, for other profiles). */
final class LocationMapping {

  private LocationMapping() {}

  static Location location(UUID doctorId, PracticeLocation source) {
    return location(doctorId, source, PlanNetProfiles.LOCATION);
  }

  /**
   * @param profile the profile the Location claims, or null for a base FHIR R4 Location
   */
  static Location location(UUID doctorId, PracticeLocation source, String profile) {
    var location = new Location();
    Identifier business = BusinessIdentifiers.location(doctorId, source.id());
    Elements.identify(location, business);
    if (profile != null) {
      location.getMeta().addProfile(profile);
    }
    location.addIdentifier(business);
    // Plan-Net fixes status to active: a location the doctor left is withdrawn, not published.
    location.setStatus(LocationStatus.ACTIVE);
    location.setName(Elements.text(source.name()));
    Elements.contactPoint("phone", source.phone(), "work").ifPresent(location::addTelecom);
    address(source.address()).ifPresent(location::setAddress);
    position(source.geo()).ifPresent(location::setPosition);
    return location;
  }

  static Optional<Address> address(org.docport.mappings.snapshot.Address source) {
    if (source == null) {
      return Optional.empty();
    }
    var address = new Address();
    Elements.present(source.lines()).stream()
        .map(Elements::text)
        .filter(Objects::nonNull)
        .forEach(address::addLine);
    address
        .setCity(Elements.text(source.city()))
        .setDistrict(Elements.text(source.district()))
        .setState(Elements.text(source.state()))
        .setPostalCode(Elements.text(source.postalCode()))
        .setCountry(Elements.text(source.country()));
    return address.isEmpty() ? Optional.empty() : Optional.of(address);
  }

  /** Empty unless both coordinates are known: FHIR requires latitude and longitude together. */
  private static Optional<LocationPositionComponent> position(GeoPoint geo) {
    if (geo == null || geo.latitude() == null || geo.longitude() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new LocationPositionComponent().setLatitude(geo.latitude()).setLongitude(geo.longitude()));
  }
}
