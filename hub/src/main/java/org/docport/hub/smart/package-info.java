/**
 * SMART Backend Services authorization for the FHIR API: insurers register clients with their
 * public keys, clients get short-lived access tokens at {@code /oauth2/token} with signed
 * assertions ({@code client_credentials}, {@code private_key_jwt}), and every request under {@code
 * /fhir} needs one. The FHIR layer asks {@link org.docport.hub.smart.SmartCaller} who is calling
 * and what its scopes allow; everything else here is package-private.
 */
package org.docport.hub.smart;
