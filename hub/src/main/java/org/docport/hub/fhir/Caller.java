package org.docport.hub.fhir;

/**
 * Who is asking the FHIR API: the insurer behind the access token, and what its scopes allow.
 *
 * @param insurerId whose directory view the request reads
 * @param clientId the registered client that got the token (for the audit)
 */
record Caller(String insurerId, String clientId, Scopes scopes) {

  /** What a token's scopes allow, per resource type. */
  interface Scopes {
    boolean mayRead(String resourceType);

    boolean maySearch(String resourceType);

    /** Create, update and delete; only ever granted on Subscription and Appointment. */
    default boolean mayWrite(String resourceType) {
      return false;
    }
  }
}
