package org.docport.hub.partner;

import java.util.List;
import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The insurer a verified partner API request came from, and the key it was signed with.
 *
 * @param keyId the key's id, which the audit names as the client (as a FHIR client's id)
 */
record PartnerCaller(String insurerId, String keyId) {

  /**
   * The caller of a request to the insurer's path. The signature filter authenticated the insurer
   * the path names, so anything else is a request that never got here; it is answered as not found
   * all the same.
   */
  static PartnerCaller of(Authentication auth, String insurerId) {
    if (auth instanceof Token token && token.getPrincipal().insurerId().equals(insurerId)) {
      return token.getPrincipal();
    }
    throw new ApiException(
        HttpStatus.NOT_FOUND, "Not found", "No insurer '" + insurerId + "' signed this request.");
  }

  /** The client the audit names: the partner API and the key. */
  String clientId() {
    return "partner-api/" + keyId;
  }

  /** The caller as Spring Security holds it. */
  static final class Token extends AbstractAuthenticationToken {

    private final PartnerCaller caller;

    Token(PartnerCaller caller) {
      super(List.of(new SimpleGrantedAuthority("ROLE_PARTNER")));
      this.caller = caller;
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return "";
    }

    @Override
    public PartnerCaller getPrincipal() {
      return caller;
    }

    @Override
    public String getName() {
      return caller.insurerId();
    }
  }
}
