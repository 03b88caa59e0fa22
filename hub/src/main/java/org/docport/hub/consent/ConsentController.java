package org.docport.hub.consent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.docport.hub.security.DoctorAccess;
import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Consents: operators set them (until the consent saga arrives); doctors read their own. */
@RestController
@Tag(name = "Consents")
class ConsentController {

  /** The requested state. */
  record ConsentChange(ConsentStatus status) {}

  private final ConsentManagement consents;
  private final DoctorAccess access;

  ConsentController(ConsentManagement consents, DoctorAccess access) {
    this.consents = consents;
    this.access = access;
  }

  @Operation(summary = "Set a doctor's consent to an insurer (operator only)")
  @PutMapping("/api/operator/consents/{doctorId}/{insurerId}")
  Consent set(
      @PathVariable UUID doctorId,
      @PathVariable String insurerId,
      @RequestBody ConsentChange change,
      Authentication auth) {
    if (change.status() == null) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Invalid consent",
          "status: required, one of REQUESTED, ACTIVE, REVOKED",
          List.of(new ApiException.FieldError("status", "required")));
    }
    return consents.set(doctorId, insurerId, change.status(), auth.getName());
  }

  @Operation(summary = "A doctor's consents")
  @GetMapping("/api/doctors/{doctorId}/consents")
  List<Consent> list(@PathVariable UUID doctorId, Authentication auth) {
    access.require(auth, doctorId);
    return consents.find(doctorId);
  }
}
