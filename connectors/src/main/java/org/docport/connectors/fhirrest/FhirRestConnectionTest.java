package org.docport.connectors.fhirrest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.Optional;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.RejectedDeliveryException;
import org.docport.connectors.RetryableDeliveryException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * Tests an insurer's {@code fhir-rest} endpoint before it goes live: reads its CapabilityStatement
 * with the connector's credentials, and checks it speaks FHIR R4 and takes updates of the resources
 * DocPort publishes.
 */
public final class FhirRestConnectionTest {

  private static final String[] PUBLISHED = {
    "Practitioner",
    "PractitionerRole",
    "Location",
    "Organization",
    "InsurancePlan",
    "OrganizationAffiliation",
    "HealthcareService",
    "Endpoint"
  };

  private FhirRestConnectionTest() {}

  /** What is wrong with the endpoint, in a sentence the insurer can act on; empty when fine. */
  public static Optional<String> problem(FhirContext fhir, ConnectorSettings settings) {
    var problems = settings.problems();
    if (!problems.isEmpty()) {
      return Optional.of(String.join("; ", problems));
    }
    InsurerClient insurer =
        InsurerClient.open(
            fhir, settings.baseUrl(), AuthInterceptor.of(fhir, settings.authOrNone()));
    IGenericClient client = insurer.client();
    FailedResponseHeaders failed = insurer.failedResponses();
    CapabilityStatement capabilities;
    try {
      capabilities =
          InsurerErrors.call(
              "read the CapabilityStatement at " + settings.baseUrl() + "/metadata",
              failed,
              () -> client.capabilities().ofType(CapabilityStatement.class).execute());
    } catch (RetryableDeliveryException | RejectedDeliveryException e) {
      return Optional.of(e.getMessage());
    }
    if (capabilities.getFhirVersion() != Enumerations.FHIRVersion._4_0_1) {
      return Optional.of(
          "the endpoint speaks FHIR "
              + (capabilities.hasFhirVersion()
                  ? capabilities.getFhirVersion().toCode()
                  : "(unstated)")
              + "; DocPort publishes FHIR R4 (4.0.1)");
    }
    try {
      // The CapabilityStatement is often public: prove the credentials with a read that is not.
      InsurerErrors.call(
          "search Practitioner with the connector's credentials",
          failed,
          () ->
              client
                  .search()
                  .forResource("Practitioner")
                  .summaryMode(SummaryEnum.COUNT)
                  .returnBundle(Bundle.class)
                  .execute());
    } catch (RetryableDeliveryException | RejectedDeliveryException e) {
      return Optional.of(e.getMessage());
    }
    for (String type : PUBLISHED) {
      boolean updatable =
          capabilities.getRest().stream()
              .flatMap(r -> r.getResource().stream())
              .filter(r -> type.equals(r.getType()))
              .flatMap(r -> r.getInteraction().stream())
              .anyMatch(i -> i.getCode() == CapabilityStatement.TypeRestfulInteraction.UPDATE);
      if (!updatable) {
        return Optional.of("the endpoint does not take updates of " + type);
      }
    }
    return Optional.empty();
  }
}
