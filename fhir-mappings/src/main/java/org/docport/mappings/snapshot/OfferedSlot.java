package org.docport.mappings.snapshot;

import java.time.Instant;

/**
 * A slot of an offered service, with its status as insurers see it: generated free or unavailable,
 * and busy or busy-tentative while an appointment or a hold takes its time.
 *
 * @param comment why the slot is unavailable, if it is
 */
public record OfferedSlot(
    String id, OfferedService service, Instant start, Instant end, Status status, String comment) {

  /** FHIR's slot statuses. */
  public enum Status {
    FREE("free"),
    BUSY("busy"),
    BUSY_TENTATIVE("busy-tentative"),
    BUSY_UNAVAILABLE("busy-unavailable");

    private final String code;

    Status(String code) {
      this.code = code;
    }

    /** The FHIR code. */
    public String code() {
      return code;
    }
  }
}
