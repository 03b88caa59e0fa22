package org.docport.connectors.fhirrest;

import ca.uhn.fhir.context.FhirContext;
import org.apache.camel.builder.RouteBuilder;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.DeliveryPreparation;
import org.docport.connectors.DeliveryRouteConfiguration;

/**
 * The {@code fhir-rest} connector kind: a route template from which one route per insurer is made,
 * delivering a claimed {@link org.docport.connectors.DeliveryJob} to that insurer's FHIR server, or
 * taking a doctor's resources back ({@link Withdrawal}). The route orchestrates; mapping is {@code
 * fhir-mappings}' and writing is {@link FhirRestWriter}'s.
 */
public final class FhirRestRouteTemplate extends RouteBuilder {

  public static final String TEMPLATE_ID = ConnectorSettings.FHIR_REST;

  private final FhirContext fhir;
  private final DeliveryPreparation preparation;

  public FhirRestRouteTemplate(FhirContext fhir, DeliveryPreparation preparation) {
    this.fhir = fhir;
    this.preparation = preparation;
  }

  @Override
  public void configure() {
    DeliveryRouteConfiguration.deliverThroughWriter(
        routeTemplate(TEMPLATE_ID)
            .templateParameter("insurerId")
            .templateParameter("baseUrl")
            .templateParameter("authType", "none")
            .templateParameter("writeMode", ConnectorSettings.CONDITIONAL_UPDATE)
            .templateOptionalParameter("token")
            .templateOptionalParameter("tokenUrl")
            .templateOptionalParameter("clientId")
            .templateOptionalParameter("clientSecret")
            .templateOptionalParameter("scope")
            .templateBean(
                "writer",
                FhirRestWriter.class,
                rtc ->
                    FhirRestWriter.create(
                        fhir,
                        rtc.getProperty("baseUrl", String.class),
                        AuthInterceptor.of(
                            new ConnectorSettings.Auth(
                                rtc.getProperty("authType", String.class),
                                rtc.getProperty("token", String.class),
                                rtc.getProperty("tokenUrl", String.class),
                                rtc.getProperty("clientId", String.class),
                                rtc.getProperty("clientSecret", String.class),
                                rtc.getProperty("scope", String.class))),
                        ConnectorSettings.SEARCH_THEN_WRITE.equals(
                            rtc.getProperty("writeMode", String.class)))),
        preparation);
  }
}
