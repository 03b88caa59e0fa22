package org.docport.connectors.webhook;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;
import org.docport.connectors.ConnectorKind;
import org.docport.connectors.ConnectorServices;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.DeliveryRouteConfiguration;

/**
 * The {@code webhook} connector kind: delivers a claimed {@link org.docport.connectors.DeliveryJob}
 * to the insurer's URL as a signed POST, or takes a doctor's resources back ({@link
 * org.docport.connectors.Withdrawal}). Mapping is {@code fhir-mappings}' and the message is {@link
 * WebhookWriter}'s.
 */
public final class WebhookKind implements ConnectorKind {

  /** One client for every insurer's webhook: it pools connections per host. */
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Override
  public String name() {
    return ConnectorSettings.WEBHOOK;
  }

  @Override
  public void checkSettings(ConnectorSettings settings, List<String> problems) {
    settings.checkHttpUrl(
        problems, "the http(s) URL to POST to, such as https://hooks.insurer.example/docport");
    if ("client-credentials".equals(settings.authOrNone().type())) {
      problems.add("auth.type: a webhook takes none or bearer");
    }
    ConnectorSettings.Signing signing = settings.signing();
    if (signing == null || signing.secret() == null) {
      problems.add(
          "signing.secret: required for a webhook: whsec_ and a key of 24 to 64 random bytes in"
              + " base64");
      return;
    }
    if (WebhookKeys.key(signing.secret()) == null) {
      problems.add("signing.secret: must be whsec_ and a key of 24 to 64 bytes in base64");
    }
    if (signing.previousSecret() != null && WebhookKeys.key(signing.previousSecret()) == null) {
      problems.add("signing.previousSecret: must be whsec_ and a key of 24 to 64 bytes in base64");
    }
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
        "bearer".equals(settings.authOrNone().type()) ? settings.authOrNone().token() : null,
        settings.profileOrDefault());
  }

  @Override
  public void defineTemplate(RouteBuilder routes, ConnectorServices services) {
    DeliveryRouteConfiguration.defineWriterTemplate(
        routes,
        name(),
        WebhookWriter.class,
        (insurerId, settings) -> writer(services.fhir(), HTTP, insurerId, settings),
        services.preparation());
  }

  /** Posts a signed empty transaction: the insurer's endpoint must answer 2xx. */
  @Override
  public Optional<String> connectionProblem(
      ConnectorServices services, String insurerId, ConnectorSettings settings) {
    return writer(services.fhir(), HTTP, insurerId, settings).test();
  }
}
