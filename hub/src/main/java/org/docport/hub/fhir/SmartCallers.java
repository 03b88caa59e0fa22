package org.docport.hub.fhir;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import org.docport.hub.smart.SmartCaller;
import org.springframework.stereotype.Component;

/** The caller is the SMART client whose access token the security filter accepted. */
@Component
class SmartCallers implements Callers {

  @Override
  public Caller current() {
    SmartCaller caller =
        SmartCaller.current()
            .orElseThrow(
                () ->
                    new AuthenticationException(
                        "A SMART Backend Services access token is required."));
    return new Caller(
        caller.insurerId(),
        caller.clientId(),
        new Caller.Scopes() {
          @Override
          public boolean mayRead(String resourceType) {
            return caller.mayRead(resourceType);
          }

          @Override
          public boolean maySearch(String resourceType) {
            return caller.maySearch(resourceType);
          }

          @Override
          public boolean mayWrite(String resourceType) {
            return caller.mayWrite(resourceType);
          }
        });
  }
}
