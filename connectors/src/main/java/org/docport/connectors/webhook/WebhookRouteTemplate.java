package org.docport.connectors.webhook;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.DeliveryPreparation;
import org.docport.connectors.DeliveryRouteConfiguration;

/**
 * The {@code webhook} connector kind: a route template from which one route per insurer is made,
 * delivering a claimed {@link org.docport.connectors.DeliveryJob} to that insurer's URL as a signed
 * POST, or taking a doctor's resources back ({@link Withdrawal}). Leases, retries, receipts, dead
 * letters and pauses are the delivery lane's, as for every kind; mapping is {@code fhir-mappings}'
 * and the message is {@link WebhookWriter}'s.
 */
public final class WebhookRouteTemplate extends RouteBuilder {

  public static final String TEMPLATE_ID = ConnectorSettings.WEBHOOK;

  private final FhirContext fhir;
  private final DeliveryPreparation preparation;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public WebhookRouteTemplate(FhirContext fhir, DeliveryPreparation preparation) {
    this.fhir = fhir;
    this.preparation = preparation;
  }

  /** The writer for one insurer's settings (secrets open). */
  public static WebhookWriter writer(
      FhirContext fhir, HttpClient http, String insurerId, ConnectorSettings settings) {
    List<String> secrets = new ArrayList<>();
    secrets.add(settings.signing().secret());
    if (settings.signing().previousSecret() != null) {
      secrets.add(settings.signing().previousSecret());
    }
    return new WebhookWriter(
        fhir,
        http,
        insurerId,
        URI.create(settings.baseUrl()),
        secrets,
        "bearer".equals(settings.authOrNone().type()) ? settings.authOrNone().token() : null);
  }

  /**
   * What is wrong with the insurer's webhook, from a signed empty transaction it was sent; empty
   * when it answered 2xx.
   */
  public static Optional<String> connectionProblem(
      FhirContext fhir, String insurerId, ConnectorSettings settings) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    return writer(fhir, http, insurerId, settings).test();
  }

  @Override
  public void configure() {
    DeliveryRouteConfiguration.deliverThroughWriter(
        routeTemplate(TEMPLATE_ID)
            .templateParameter("insurerId")
            .templateParameter("baseUrl")
            .templateParameter("authType", "none")
            .templateParameter("signingSecret")
            .templateOptionalParameter("previousSigningSecret")
            .templateOptionalParameter("token")
            .templateBean(
                "writer",
                WebhookWriter.class,
                rtc ->
                    writer(
                        fhir,
                        http,
                        rtc.getProperty("insurerId", String.class),
                        new ConnectorSettings(
                            ConnectorSettings.WEBHOOK,
                            rtc.getProperty("baseUrl", String.class),
                            new ConnectorSettings.Auth(
                                rtc.getProperty("authType", String.class),
                                rtc.getProperty("token", String.class),
                                null,
                                null,
                                null,
                                null),
                            null,
                            new ConnectorSettings.Signing(
                                rtc.getProperty("signingSecret", String.class),
                                rtc.getProperty("previousSigningSecret", String.class))))),
        preparation);
  }
}
