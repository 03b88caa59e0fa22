package org.docport.hub.smart;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A request to the FHIR API authenticated by a hub-issued access token. */
final class SmartAuthentication extends AbstractAuthenticationToken {

  private final SmartCaller caller;
  private final transient Jwt token;

  SmartAuthentication(SmartCaller caller, Jwt token) {
    super(
        caller.scopes().stream()
            .map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope))
            .toList());
    this.caller = caller;
    this.token = token;
    setAuthenticated(true);
  }

  SmartCaller caller() {
    return caller;
  }

  @Override
  public Jwt getCredentials() {
    return token;
  }

  @Override
  public String getPrincipal() {
    return caller.clientId();
  }

  @Override
  public String getName() {
    return caller.clientId();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SmartAuthentication that
        && caller.equals(that.caller)
        && super.equals(other);
  }

  @Override
  public int hashCode() {
    return List.of(caller, super.hashCode()).hashCode();
  }
}
