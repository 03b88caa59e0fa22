package org.docport.hub.smart;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test only: a stand-in for the FHIR server at {@value #PATH}, answering what {@link
 * SmartCaller#current()} says about the caller. Found by component scanning, so every hub test
 * context has it (and stays one cached context); mapped exactly, like the SMART configuration, so
 * the real FHIR server at {@code /fhir/*} does not shadow it.
 */
@Configuration(proxyBeanMethods = false)
class SmartCallerProbe {

  static final String PATH = "/fhir/_test/caller";

  @Bean
  ServletRegistrationBean<HttpServlet> smartCallerProbeServlet(ObjectMapper json) {
    HttpServlet probe =
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response)
              throws IOException {
            SmartCaller caller = SmartCaller.current().orElse(null);
            if (caller == null) {
              response.sendError(500, "no SmartCaller behind an authenticated FHIR request");
              return;
            }
            response.setContentType("application/json");
            json.writeValue(
                response.getOutputStream(),
                Map.of(
                    "insurerId", caller.insurerId(),
                    "clientId", caller.clientId(),
                    "scopes", new TreeSet<>(caller.scopes()),
                    "mayReadPractitioner", caller.mayRead("Practitioner"),
                    "maySearchPractitioner", caller.maySearch("Practitioner"),
                    "mayReadLocation", caller.mayRead("Location")));
          }
        };
    ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(probe, PATH);
    registration.setName("smartCallerProbe");
    return registration;
  }
}
