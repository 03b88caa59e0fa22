package org.docport.connectors.fhirrest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.docport.connectors.ConnectorSettings;
import org.docport.insurersim.InsurerServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class FhirRestConnectionTestTest {

  private static final FhirContext FHIR = FhirContext.forR4();
  private static final InsurerServer INSURER = InsurerServer.start(0);

  @AfterAll
  static void stop() {
    INSURER.close();
  }

  @Test
  void aWorkingR4EndpointPasses() {
    INSURER.allowAnonymous();

    assertThat(FhirRestConnectionTest.problem(FHIR, settings(INSURER.baseUrl(), null))).isEmpty();
  }

  @Test
  void missingCredentialsAreNamedAlthoughTheCapabilityStatementIsPublic() {
    INSURER.requireBearerToken("right-token");
    try {
      assertThat(FhirRestConnectionTest.problem(FHIR, settings(INSURER.baseUrl(), null)))
          .hasValueSatisfying(p -> assertThat(p).contains("401"));
      assertThat(
              FhirRestConnectionTest.problem(
                  FHIR,
                  settings(
                      INSURER.baseUrl(),
                      new ConnectorSettings.Auth("bearer", "right-token", null, null, null, null))))
          .isEmpty();
    } finally {
      INSURER.allowAnonymous();
    }
  }

  @Test
  void anEndpointNobodyAnswersIsReportedUnreachable() {
    assertThat(FhirRestConnectionTest.problem(FHIR, settings("http://127.0.0.1:9/fhir", null)))
        .hasValueSatisfying(p -> assertThat(p).contains("unreachable"));
  }

  private static ConnectorSettings settings(String baseUrl, ConnectorSettings.Auth auth) {
    return new ConnectorSettings(ConnectorSettings.FHIR_REST, baseUrl, auth);
  }
}
