package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.docport.hub.registry.Doctors;
import org.docport.hub.security.DoctorAccess;
import org.docport.hub.web.KeysetPages;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who read what: each doctor sees their own disclosures; operators see all, as AuditEvents. */
@RestController
@Tag(name = "Disclosures")
class DisclosureController {

  private static final int MAX_PAGE = 500;

  private final Disclosures disclosures;
  private final DoctorAccess access;
  private final Doctors doctors;
  private final FhirContext fhir;

  DisclosureController(
      Disclosures disclosures, DoctorAccess access, Doctors doctors, FhirContext fhir) {
    this.disclosures = disclosures;
    this.access = access;
    this.doctors = doctors;
    this.fhir = fhir;
  }

  /** A page of a doctor's disclosures and the link to the next (older) page, if any. */
  record Page(List<Disclosures.Disclosure> disclosures, String next) {}

  @Operation(
      summary = "What insurers read of a doctor over FHIR, newest first",
      description =
          "Every read, search and history answer that carried the doctor's data: the insurer and"
              + " its client, the interaction and request, when, and how many of the doctor's"
              + " resources it carried. Page with 'before' (an id) and 'limit' (1 to 500).")
  @GetMapping("/api/doctors/{id}/disclosures")
  Page ofDoctor(
      @PathVariable UUID id,
      @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "50") int limit,
      Authentication auth) {
    access.require(auth, id);
    long below = KeysetPages.below(before, limit, MAX_PAGE, "an id");
    doctors.currentVersion(id).orElseThrow(() -> Doctors.notFound(id));
    List<Disclosures.Disclosure> page = disclosures.ofDoctor(id, below, limit);
    String next =
        KeysetPages.next(
            "/api/doctors/" + id + "/disclosures", page, limit, Disclosures.Disclosure::id);
    return new Page(page, next);
  }

  @Operation(
      summary = "Disclosures as FHIR AuditEvents, newest first (operators)",
      description =
          "One AuditEvent per doctor per answer; filter by 'insurer', page with 'before' (the"
              + " number before the dash in an AuditEvent id) and 'limit'.")
  @GetMapping(
      value = "/api/operator/audit-events",
      produces = {"application/fhir+json", "application/json"})
  String auditEvents(
      @RequestParam(required = false) String insurer,
      @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "50") int limit) {
    long below = KeysetPages.below(before, limit, MAX_PAGE, "an id");
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    disclosures
        .all(insurer, below, limit)
        .forEach(d -> bundle.addEntry().setResource(AuditEvents.of(d)));
    return fhir.newJsonParser().encodeResourceToString(bundle);
  }
}
