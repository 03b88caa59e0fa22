package org.docport.hub.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.docport.hub.consent.ConsentSagas;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.partner.PartnerMessages.PartnerDecision;
import org.docport.hub.web.ApiException;
import org.docport.workflows.consent.ConsentKey;
import org.docport.workflows.consent.ConsentProgress;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An insurer without FHIR decides a doctor's enrolment through the partner API: the decision the
 * insurer's account makes at {@code /api/insurers/{insurerId}/enrolments/{doctorId}/decision}, with
 * the same rules and messages ({@link ConsentSagas#decide(ConsentKey, Boolean, String)}), for a
 * doctor the insurer may see (one enrolling with it); any other doctor is not found.
 */
@RestController
@Tag(name = "Partner API: enrolments")
@SecurityRequirement(name = PartnerSecurityConfiguration.SIGNATURE)
class PartnerEnrolmentController {

  private final ConsentSagas sagas;
  private final InsurerVisibility visibility;

  PartnerEnrolmentController(ConsentSagas sagas, InsurerVisibility visibility) {
    this.sagas = sagas;
    this.visibility = visibility;
  }

  @Operation(
      summary = "Accept or reject a doctor's enrolment",
      description =
          "Accepting activates the doctor's consent; rejecting needs a 'reason' the doctor can act"
              + " on (at most 1000 characters) and withdraws what was delivered. 409 when no"
              + " enrolment of the doctor awaits your decision; 404 for a doctor who is not"
              + " enrolling with you.")
  @PostMapping(SignatureFilter.PREFIX + "{insurerId}/enrolments/{doctorId}/decision")
  ConsentProgress partnerDecide(
      @PathVariable String insurerId,
      @PathVariable UUID doctorId,
      @RequestBody PartnerDecision decision,
      Authentication auth) {
    PartnerCaller caller = PartnerCaller.of(auth, insurerId);
    if (!visibility.sees(doctorId, caller.insurerId())) {
      throw new ApiException(
          HttpStatus.NOT_FOUND,
          "Doctor not found",
          "No doctor '" + doctorId + "' is enrolling with you or has consented to you.");
    }
    return sagas.decide(
        new ConsentKey(doctorId, caller.insurerId()), decision.accepted(), decision.reason());
  }
}
