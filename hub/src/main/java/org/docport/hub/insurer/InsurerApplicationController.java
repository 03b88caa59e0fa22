package org.docport.hub.insurer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.docport.hub.security.DoctorAccess;
import org.docport.hub.web.ApiException;
import org.docport.workflows.insurer.ApprovalDecision;
import org.docport.workflows.insurer.InsurerOnboardingProgress;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Insurers register themselves; operators approve them; an insurer reads its own status. */
@RestController
@Tag(name = "Insurer onboarding")
class InsurerApplicationController {

  /** An operator's decision on a registration. */
  record Approval(Boolean approved, String reason) {}

  private final InsurerApplications applications;
  private final Insurers insurers;
  private final DoctorAccess access;

  InsurerApplicationController(
      InsurerApplications applications, Insurers insurers, DoctorAccess access) {
    this.applications = applications;
    this.insurers = insurers;
    this.access = access;
  }

  @Operation(
      summary = "Register as an insurer (no account needed)",
      description =
          "An operator approves the registration; DocPort then e-mails API credentials to"
              + " contactEmail, tests the connector's endpoint and connects the insurer.")
  @PostMapping("/api/insurer-applications")
  ResponseEntity<InsurerRegistration> apply(@RequestBody InsurerRegistration application) {
    InsurerRegistration created = applications.apply(application);
    return ResponseEntity.accepted()
        .location(URI.create("/api/insurers/" + created.id()))
        .body(InsurerController.masked(created));
  }

  @Operation(summary = "The insurer, with its onboarding status (the insurer itself or operators)")
  @GetMapping("/api/insurers/{insurerId}")
  InsurerRegistration read(@PathVariable String insurerId, Authentication auth) {
    if (!access.caller(auth).mayActFor(insurerId)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, "Not your insurer", "An insurer account reads only its insurer.");
    }
    return InsurerController.masked(insurers.get(insurerId));
  }

  @Operation(summary = "Registrations still onboarding (operator only)")
  @GetMapping("/api/operator/insurer-applications")
  List<InsurerRegistration> pending() {
    return applications.pending().stream().map(InsurerController::masked).toList();
  }

  @Operation(summary = "Approve or reject an insurer's registration (operator only)")
  @PostMapping("/api/operator/insurers/{insurerId}/approval")
  InsurerOnboardingProgress decide(@PathVariable String insurerId, @RequestBody Approval approval) {
    if (approval.approved() == null) {
      throw ApiException.invalidField("Invalid decision", "approved", "required: true or false");
    }
    if (!approval.approved() && (approval.reason() == null || approval.reason().isBlank())) {
      throw ApiException.invalidField(
          "Invalid decision", "reason", "required for a rejection: what the insurer should know");
    }
    return applications.decide(
        insurerId, new ApprovalDecision(approval.approved(), approval.reason()));
  }

  @Operation(summary = "Test an insurer's endpoint again after a failed test (operator only)")
  @PostMapping("/api/operator/insurers/{insurerId}/connection-test")
  InsurerOnboardingProgress retest(@PathVariable String insurerId) {
    return applications.retest(insurerId);
  }
}
