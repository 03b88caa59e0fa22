package org.docport.hub.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.docport.hub.security.Accounts;
import org.docport.hub.security.DocPortUser;
import org.docport.hub.security.DoctorAccess;
import org.docport.hub.web.ApiException;
import org.docport.hub.web.ETags;
import org.docport.hub.web.KeysetPages;
import org.docport.hub.web.MergePatcher;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A doctor's profile: create, read, replace (PUT) and change in part (PATCH, JSON Merge Patch).
 * Every response carries the version as ETag; changes must send it back in If-Match.
 */
@RestController
@RequestMapping("/api/doctors")
@Tag(name = "Doctors")
class DoctorController {

  static final String MERGE_PATCH = "application/merge-patch+json";
  static final int MAX_HISTORY_PAGE = 500;

  private final Doctors doctors;
  private final DoctorAccess access;
  private final Accounts accounts;
  private final MergePatcher patcher;
  private final RegistryEvents events;

  DoctorController(
      Doctors doctors,
      DoctorAccess access,
      Accounts accounts,
      MergePatcher patcher,
      RegistryEvents events) {
    this.doctors = doctors;
    this.events = events;
    this.access = access;
    this.accounts = accounts;
    this.patcher = patcher;
  }

  @Operation(summary = "Create a doctor (a doctor account creates its own, once)")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<DoctorSnapshot> create(@RequestBody DoctorSnapshot profile, Authentication auth) {
    DocPortUser caller = access.caller(auth);
    if (!caller.isOperator() && caller.doctorId() != null) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Profile exists",
          "This account already has doctor "
              + caller.doctorId()
              + "; change it with PUT or PATCH.");
    }
    DoctorSnapshot created = doctors.create(profile, caller.username(), !caller.isOperator());
    if (!caller.isOperator()) {
      accounts.linkDoctor(caller.username(), created.id());
    }
    return ResponseEntity.created(URI.create("/api/doctors/" + created.id()))
        .eTag(ETags.of(created.version()))
        .body(created);
  }

  @Operation(summary = "Read a doctor")
  @GetMapping("/{id}")
  ResponseEntity<DoctorSnapshot> read(@PathVariable UUID id, Authentication auth) {
    access.require(auth, id);
    return current(doctors.get(id));
  }

  @Operation(summary = "Replace a doctor's profile (If-Match required)")
  @PutMapping("/{id}")
  ResponseEntity<DoctorSnapshot> replace(
      @PathVariable UUID id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody DoctorSnapshot profile,
      Authentication auth) {
    DocPortUser caller = access.require(auth, id);
    long current = doctors.currentVersion(id).orElseThrow(() -> Doctors.notFound(id));
    return current(
        doctors.update(id, ETags.required(ifMatch, current), profile, caller.username()));
  }

  @Operation(
      summary = "Change part of a doctor's profile with JSON Merge Patch (If-Match required)")
  @PatchMapping(
      value = "/{id}",
      consumes = {MERGE_PATCH, "application/json"})
  ResponseEntity<DoctorSnapshot> patch(
      @PathVariable UUID id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody JsonNode patch,
      Authentication auth) {
    DocPortUser caller = access.require(auth, id);
    DoctorSnapshot existing = doctors.get(id);
    long expected = ETags.required(ifMatch, existing.version());
    DoctorSnapshot patched = patcher.apply(existing, patch, DoctorSnapshot.class);
    return current(doctors.update(id, expected, patched, caller.username()));
  }

  /** A page of a doctor's audit trail, and where the next (older) page is, if there is one. */
  record History(List<RegistryEvents.Entry> events, String next) {}

  @Operation(
      summary = "A doctor's audit trail, newest first",
      description =
          "Every committed change to the doctor: profile edits, consent and onboarding changes,"
              + " with the version it made, the insurer it concerns and who made it. Page with"
              + " 'before' (an entry id) and 'limit' (1 to 500, default 50); 'next' links the"
              + " following page.")
  @GetMapping("/{id}/history")
  History history(
      @PathVariable UUID id,
      @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "50") int limit,
      Authentication auth) {
    access.require(auth, id);
    long below = KeysetPages.below(before, limit, MAX_HISTORY_PAGE, "an entry id");
    doctors.currentVersion(id).orElseThrow(() -> Doctors.notFound(id));
    List<RegistryEvents.Entry> page = events.history(id, below, limit);
    String next =
        KeysetPages.next("/api/doctors/" + id + "/history", page, limit, RegistryEvents.Entry::id);
    return new History(page, next);
  }

  static ResponseEntity<DoctorSnapshot> current(DoctorSnapshot doctor) {
    return ResponseEntity.ok().eTag(ETags.of(doctor.version())).body(doctor);
  }
}
