package org.docport.connectors.fhirrest;

import java.util.List;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;
import org.docport.connectors.ConnectorKind;
import org.docport.connectors.ConnectorServices;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.DeliveryRouteConfiguration;
import org.docport.mappings.MappingProfile;

/**
 * The {@code fhir-rest} connector kind: delivers a claimed {@link
 * org.docport.connectors.DeliveryJob} to the insurer's own FHIR server, or takes a doctor's
 * resources back ({@link org.docport.connectors.Withdrawal}). The route orchestrates; mapping is
 * {@code fhir-mappings}' and writing is {@link FhirRestWriter}'s.
 */
public final class FhirRestKind implements ConnectorKind {

  @Override
  public String name() {
    return ConnectorSettings.FHIR_REST;
  }

  @Override
  public void checkSettings(ConnectorSettings settings, List<String> problems) {
    settings.checkHttpUrl(problems, "an http(s) URL such as https://fhir.insurer.example/r4");
    if (!List.of(ConnectorSettings.CONDITIONAL_UPDATE, ConnectorSettings.SEARCH_THEN_WRITE)
        .contains(settings.writeModeOrDefault())) {
      problems.add(
          "writeMode: must be "
              + ConnectorSettings.CONDITIONAL_UPDATE
              + " (default) or "
              + ConnectorSettings.SEARCH_THEN_WRITE);
    }
    if (MappingProfile.DOCPORT_JSON.id().equals(settings.profile())) {
      problems.add("profile: a FHIR server takes FHIR resources: plan-net (default) or ndhm");
    }
  }

  @Override
  public void defineTemplate(RouteBuilder routes, ConnectorServices services) {
    DeliveryRouteConfiguration.defineWriterTemplate(
        routes,
        name(),
        FhirRestWriter.class,
        (insurerId, settings) ->
            FhirRestWriter.create(
                services.fhir(),
                settings.baseUrl(),
                AuthInterceptor.of(services.fhir(), settings.authOrNone()),
                ConnectorSettings.SEARCH_THEN_WRITE.equals(settings.writeModeOrDefault())),
        services.preparation());
  }

  @Override
  public Optional<String> connectionProblem(
      ConnectorServices services, String insurerId, ConnectorSettings settings) {
    return FhirRestConnectionTest.problem(services.fhir(), settings);
  }
}
