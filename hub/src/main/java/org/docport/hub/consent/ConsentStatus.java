package org.docport.hub.consent;

/** Where a doctor's consent to one insurer stands. */
public enum ConsentStatus {
  REQUESTED,
  ACTIVE,
  REVOKED
}
