package org.docport.hub.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.docport.hub.security.DocPortUser;
import org.docport.hub.security.DoctorAccess;
import org.docport.hub.web.ApiException;
import org.docport.hub.web.ETags;
import org.docport.hub.web.MergePatcher;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.PracticeLocation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A doctor's practice locations as sub-resources. A location is part of the doctor's record, so its
 * ETag is the doctor's version and every change makes a new doctor version.
 */
@RestController
@RequestMapping("/api/doctors/{doctorId}/locations")
@Tag(name = "Doctors")
class PracticeLocationController {

  private final Doctors doctors;
  private final DoctorAccess access;
  private final MergePatcher patcher;

  PracticeLocationController(Doctors doctors, DoctorAccess access, MergePatcher patcher) {
    this.doctors = doctors;
    this.access = access;
    this.patcher = patcher;
  }

  @Operation(summary = "List a doctor's practice locations")
  @GetMapping
  ResponseEntity<List<PracticeLocation>> list(@PathVariable UUID doctorId, Authentication auth) {
    access.require(auth, doctorId);
    DoctorSnapshot doctor = doctors.get(doctorId);
    return ResponseEntity.ok().eTag(ETags.of(doctor.version())).body(doctor.locations());
  }

  @Operation(summary = "Read one practice location")
  @GetMapping("/{locationId}")
  ResponseEntity<PracticeLocation> read(
      @PathVariable UUID doctorId, @PathVariable String locationId, Authentication auth) {
    access.require(auth, doctorId);
    DoctorSnapshot doctor = doctors.get(doctorId);
    return ResponseEntity.ok().eTag(ETags.of(doctor.version())).body(find(doctor, locationId));
  }

  @Operation(summary = "Add a practice location (If-Match optional)")
  @PostMapping
  ResponseEntity<PracticeLocation> add(
      @PathVariable UUID doctorId,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody PracticeLocation location,
      Authentication auth) {
    DocPortUser caller = access.require(auth, doctorId);
    DoctorSnapshot doctor = doctors.get(doctorId);
    long expected = ifMatch == null ? doctor.version() : ETags.required(ifMatch, doctor.version());
    String id = location.id() != null ? location.id() : Doctors.newLocationId();
    PracticeLocation added =
        new PracticeLocation(
            id, location.name(), location.address(), location.geo(), location.phone());
    List<PracticeLocation> locations = new ArrayList<>(doctor.locations());
    locations.add(added);
    DoctorSnapshot saved = save(doctor, expected, locations, caller);
    return ResponseEntity.created(URI.create("/api/doctors/" + doctorId + "/locations/" + id))
        .eTag(ETags.of(saved.version()))
        .body(find(saved, id));
  }

  @Operation(summary = "Replace a practice location (If-Match required)")
  @PutMapping("/{locationId}")
  ResponseEntity<PracticeLocation> replace(
      @PathVariable UUID doctorId,
      @PathVariable String locationId,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody PracticeLocation location,
      Authentication auth) {
    return change(doctorId, locationId, ifMatch, auth, old -> withId(location, locationId));
  }

  @Operation(
      summary = "Change part of a practice location with JSON Merge Patch (If-Match required)")
  @PatchMapping(
      value = "/{locationId}",
      consumes = {DoctorController.MERGE_PATCH, "application/json"})
  ResponseEntity<PracticeLocation> patch(
      @PathVariable UUID doctorId,
      @PathVariable String locationId,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody JsonNode patch,
      Authentication auth) {
    return change(
        doctorId,
        locationId,
        ifMatch,
        auth,
        old -> withId(patcher.apply(old, patch, PracticeLocation.class), locationId));
  }

  @Operation(summary = "Remove a practice location (If-Match required)")
  @DeleteMapping("/{locationId}")
  ResponseEntity<Void> remove(
      @PathVariable UUID doctorId,
      @PathVariable String locationId,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      Authentication auth) {
    DocPortUser caller = access.require(auth, doctorId);
    DoctorSnapshot doctor = doctors.get(doctorId);
    long expected = ETags.required(ifMatch, doctor.version());
    find(doctor, locationId);
    List<PracticeLocation> locations =
        doctor.locations().stream().filter(l -> !l.id().equals(locationId)).toList();
    DoctorSnapshot saved = save(doctor, expected, locations, caller);
    return ResponseEntity.noContent().eTag(ETags.of(saved.version())).build();
  }

  private ResponseEntity<PracticeLocation> change(
      UUID doctorId,
      String locationId,
      String ifMatch,
      Authentication auth,
      UnaryOperator<PracticeLocation> change) {
    DocPortUser caller = access.require(auth, doctorId);
    DoctorSnapshot doctor = doctors.get(doctorId);
    long expected = ETags.required(ifMatch, doctor.version());
    PracticeLocation updated = change.apply(find(doctor, locationId));
    List<PracticeLocation> locations =
        doctor.locations().stream().map(l -> l.id().equals(locationId) ? updated : l).toList();
    DoctorSnapshot saved = save(doctor, expected, locations, caller);
    return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(find(saved, locationId));
  }

  private DoctorSnapshot save(
      DoctorSnapshot doctor, long expected, List<PracticeLocation> locations, DocPortUser caller) {
    DoctorSnapshot changed = doctor.withLocations(locations);
    return doctors.update(doctor.id(), expected, changed, caller.username());
  }

  private static PracticeLocation withId(PracticeLocation l, String id) {
    return new PracticeLocation(id, l.name(), l.address(), l.geo(), l.phone());
  }

  private static PracticeLocation find(DoctorSnapshot doctor, String locationId) {
    return doctor.locations().stream()
        .filter(l -> l.id().equals(locationId))
        .findFirst()
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.NOT_FOUND,
                    "Location not found",
                    "Doctor " + doctor.id() + " has no practice location " + locationId + "."));
  }
}
