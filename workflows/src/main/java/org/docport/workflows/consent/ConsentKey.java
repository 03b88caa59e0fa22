package org.docport.workflows.consent;

import java.util.Objects;
import java.util.UUID;

/** One doctor's consent to one insurer: the business key of its workflows. */
public record ConsentKey(UUID doctorId, String insurerId) {

  public ConsentKey {
    Objects.requireNonNull(doctorId, "doctorId");
    Objects.requireNonNull(insurerId, "insurerId");
  }

  /** The id of the opt-in saga: starting it twice for one consent is harmless. */
  public String optInWorkflowId() {
    return "consent-" + doctorId + "-" + insurerId;
  }

  /** The id of the opt-out workflow. */
  public String optOutWorkflowId() {
    return "consent-revoke-" + doctorId + "-" + insurerId;
  }
}
