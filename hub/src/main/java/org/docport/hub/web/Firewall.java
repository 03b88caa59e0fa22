package org.docport.hub.web;

import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, with its rule for header names and values written as a loop
 * instead of its regular expression. The rule is the same (every character assigned in Unicode and
 * none a control character); the expression cost a third of a FHIR search's CPU, because every
 * {@code getHeader} re-checks the value (a bearer token is a thousand characters) and the hub, the
 * bearer-token filter and HAPI each ask for the headers several times per request.
 */
@Configuration(proxyBeanMethods = false)
class Firewall {

  /** What {@code StrictHttpFirewall} allows in header names and values by default. */
  static final Predicate<String> ASSIGNED_AND_NOT_CONTROL = Firewall::assignedAndNotControl;

  @Bean
  HttpFirewall httpFirewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedHeaderNames(ASSIGNED_AND_NOT_CONTROL);
    firewall.setAllowedHeaderValues(ASSIGNED_AND_NOT_CONTROL);
    return firewall;
  }

  private static boolean assignedAndNotControl(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c < 0x20 || c >= 0x7f) {
        if (!Character.isDefined(c) || Character.getType(c) == Character.CONTROL) {
          return false;
        }
      }
      i += Character.charCount(c);
    }
    return true;
  }
}
