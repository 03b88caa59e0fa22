package org.docport.hub.consent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.docport.hub.security.DocPortUser;
import org.docport.hub.security.DoctorAccess;
import org.docport.hub.web.ApiException;
import org.docport.workflows.consent.ConsentKey;
import org.docport.workflows.consent.ConsentProgress;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consents: doctors opt in to and out of insurers, insurers decide on enrolments, operators may set
 * a consent directly.
 */
@RestController
@Tag(name = "Consents")
class ConsentController {

  /** The requested state. */
  record ConsentChange(ConsentStatus status) {}

  /** An insurer's decision; a rejection needs a reason the doctor can act on. */
  record Decision(Boolean accepted, String reason) {}

  private final ConsentManagement consents;
  private final ConsentSagas sagas;
  private final DoctorAccess access;

  ConsentController(ConsentManagement consents, ConsentSagas sagas, DoctorAccess access) {
    this.consents = consents;
    this.sagas = sagas;
    this.access = access;
  }

  @Operation(summary = "Set a doctor's consent directly, without the saga (operator only)")
  @PutMapping("/api/operator/consents/{doctorId}/{insurerId}")
  Consent set(
      @PathVariable UUID doctorId,
      @PathVariable String insurerId,
      @RequestBody ConsentChange change,
      Authentication auth) {
    if (change.status() == null) {
      throw ApiException.invalidField(
          "Invalid consent", "status", "required, one of REQUESTED, ACTIVE, REVOKED");
    }
    return consents.set(doctorId, insurerId, change.status(), auth.getName());
  }

  @Operation(summary = "A doctor's consents")
  @GetMapping("/api/doctors/{doctorId}/consents")
  List<Consent> list(@PathVariable UUID doctorId, Authentication auth) {
    access.require(auth, doctorId);
    return consents.find(doctorId);
  }

  @Operation(summary = "A doctor's consent to one insurer, with the reason it ended if it did")
  @GetMapping("/api/doctors/{doctorId}/consents/{insurerId}")
  Consent get(@PathVariable UUID doctorId, @PathVariable String insurerId, Authentication auth) {
    access.require(auth, doctorId);
    return consents.get(new ConsentKey(doctorId, insurerId));
  }

  @Operation(
      summary = "Opt in to an insurer",
      description =
          "Starts the consent saga: the doctor's profile is delivered to the insurer, which then"
              + " accepts (the consent becomes ACTIVE) or rejects (its data is withdrawn).")
  @PostMapping("/api/doctors/{doctorId}/consents/{insurerId}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Consent optIn(@PathVariable UUID doctorId, @PathVariable String insurerId, Authentication auth) {
    access.require(auth, doctorId);
    return sagas.optIn(new ConsentKey(doctorId, insurerId), auth.getName());
  }

  @Operation(
      summary = "Opt out of an insurer",
      description =
          "Delivery to the insurer stops at once; what was published there is then withdrawn.")
  @DeleteMapping("/api/doctors/{doctorId}/consents/{insurerId}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Consent optOut(@PathVariable UUID doctorId, @PathVariable String insurerId, Authentication auth) {
    access.require(auth, doctorId);
    return sagas.revoke(new ConsentKey(doctorId, insurerId), auth.getName());
  }

  @Operation(summary = "Decide on a doctor's enrolment (the insurer's account, or an operator)")
  @PostMapping("/api/insurers/{insurerId}/enrolments/{doctorId}/decision")
  ConsentProgress decide(
      @PathVariable String insurerId,
      @PathVariable UUID doctorId,
      @RequestBody Decision decision,
      Authentication auth) {
    DocPortUser caller = access.caller(auth);
    if (!caller.mayActFor(insurerId)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "Not your insurer",
          "Only the insurer's own account (or a DocPort operator) decides its enrolments.");
    }
    return sagas.decide(
        new ConsentKey(doctorId, insurerId), decision.accepted(), decision.reason());
  }
}
