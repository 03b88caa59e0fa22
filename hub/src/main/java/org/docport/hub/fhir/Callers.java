package org.docport.hub.fhir;

/** Establishes who is calling the FHIR API. */
interface Callers {

  /**
   * @throws ca.uhn.fhir.rest.server.exceptions.AuthenticationException when the request carries no
   *     valid access token (the security filter normally answers it before)
   */
  Caller current();
}
