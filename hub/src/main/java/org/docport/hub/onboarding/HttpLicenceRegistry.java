package org.docport.hub.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.docport.mappings.snapshot.Identifier;
import org.springframework.stereotype.Component;

/**
 * Asks an issuing authority's registry over HTTP, through Camel's {@code http} component: {@code
 * GET} the authority's configured URL with the number in it. 200 with {@code {"valid": true|false,
 * "detail": "..."}} is the verdict, 404 means the registry does not know the number; anything else
 * (or no answer) is a failure the check retries.
 */
@Component
class HttpLicenceRegistry implements LicenceRegistry {

  private final ProducerTemplate http;
  private final ObjectMapper json;
  private final OnboardingSettings settings;

  HttpLicenceRegistry(CamelContext camel, ObjectMapper json, OnboardingSettings settings) {
    this.http = camel.createProducerTemplate();
    this.json = json;
    this.settings = settings;
  }

  @Override
  public Optional<LicenceVerdict> verify(Identifier licence) {
    String template = settings.licenceRegistries().get(licence.issuer());
    if (template == null) {
      return Optional.empty();
    }
    String url =
        template.replace("{number}", URLEncoder.encode(licence.value(), StandardCharsets.UTF_8));
    Exchange answer =
        http.request(
            url + (url.contains("?") ? "&" : "?") + "throwExceptionOnFailure=false",
            exchange -> exchange.getIn().setHeader(Exchange.HTTP_METHOD, "GET"));
    if (answer.getException() != null) {
      throw new IllegalStateException(
          "the licence registry of "
              + licence.issuer()
              + " did not answer: "
              + answer.getException().getMessage(),
          answer.getException());
    }
    Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    if (status != null && status == 404) {
      return Optional.of(new LicenceVerdict(false, "unknown to the registry"));
    }
    if (status == null || status != 200) {
      throw new IllegalStateException(
          "the licence registry of " + licence.issuer() + " answered HTTP " + status);
    }
    try {
      JsonNode body = json.readTree(answer.getMessage().getBody(String.class));
      if (!body.path("valid").isBoolean()) {
        throw new IllegalStateException(
            "the licence registry of " + licence.issuer() + " answered without 'valid'");
      }
      return Optional.of(
          new LicenceVerdict(body.get("valid").asBoolean(), body.path("detail").asText("")));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "the licence registry of " + licence.issuer() + " answered unreadable JSON", e);
    }
  }
}
