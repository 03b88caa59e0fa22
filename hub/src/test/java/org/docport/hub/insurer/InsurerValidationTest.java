package org.docport.hub.insurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.docport.connectors.ConnectorSettings;
import org.docport.hub.web.ApiException;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.workflows.insurer.InsurerOnboardingStep;
import org.junit.jupiter.api.Test;

/** What an operator or an applying insurer is told to fix, field by field. */
class InsurerValidationTest {

  private static final ConnectorSettings CONNECTOR =
      new ConnectorSettings(
          ConnectorSettings.FHIR_REST,
          "https://fhir.acme.example/r4",
          ConnectorSettings.Auth.bearer("token-1234"));

  @Test
  void everyInvalidFieldOfARegistrationIsNamedAtOnce() {
    var registration =
        registration(
            "Acme!",
            List.of(new InsurerContext.Network("gold-ppo", "", "platinum")),
            null,
            Duration.ofSeconds(5),
            null);

    var refused =
        catchThrowableOfType(
            () -> InsurerValidation.checkRegistration(registration, InsurerOnboardingStep.LIVE),
            ApiException.class);

    assertThat(refused.getMessage()).isEqualTo("See errors.");
    assertThat(refused.errors())
        .extracting(ApiException.FieldError::field)
        .containsExactly(
            "id",
            "networks[0].name",
            "networks[0].productType",
            "connector",
            "enrolment.decisionTimeout");
  }

  @Test
  void anApplyingInsurerMustSayWhereItsCredentialsGo() {
    var registration = registration("acme-health", networks(), CONNECTOR, null, "not-an-address");

    InsurerValidation.checkRegistration(registration, InsurerOnboardingStep.LIVE);
    var refused =
        catchThrowableOfType(
            () ->
                InsurerValidation.checkRegistration(
                    registration, InsurerOnboardingStep.AWAITING_APPROVAL),
            ApiException.class);

    assertThat(refused.getMessage()).startsWith("contactEmail: required");
    assertThat(refused.errors())
        .extracting(ApiException.FieldError::field)
        .containsExactly("contactEmail");
  }

  @Test
  void aProfileEditNamesOnlyTheInsurersOwnNetworks() {
    var current = registration("acme-health", networks(), CONNECTOR, null, null);
    var edit =
        new InsurerProfile(
            null,
            List.of(
                new InsurerProfile.NetworkProduct("silver-hmo", "commppo"),
                new InsurerProfile.NetworkProduct("gold-ppo", "platinum")));

    var refused =
        catchThrowableOfType(
            () -> InsurerValidation.checkProfile(edit, current), ApiException.class);

    assertThat(refused.title()).isEqualTo("Invalid insurer profile");
    assertThat(refused.errors())
        .extracting(ApiException.FieldError::field)
        .containsExactly("networks[0].id", "networks[1].productType");
  }

  @Test
  void aMaskedSecretKeepsTheStoredOneAndIsAProblemWhenNoneIsStored() {
    List<ApiException.FieldError> problems = new ArrayList<>();
    var masked = ConnectorSecrets.masked(CONNECTOR);

    var kept = ConnectorSecrets.keepingStored(masked, CONNECTOR, problems);
    var none =
        ConnectorSecrets.keepingStored(
            masked,
            new ConnectorSettings(ConnectorSettings.FHIR_REST, "https://x", null),
            problems);

    assertThat(kept.auth().token()).isEqualTo("token-1234");
    assertThat(none.auth().token()).isNull();
    assertThat(problems)
        .extracting(ApiException.FieldError::field)
        .containsExactly("connector.auth.token");
  }

  private static List<InsurerContext.Network> networks() {
    return List.of(new InsurerContext.Network("gold-ppo", "Gold PPO", null));
  }

  private static InsurerRegistration registration(
      String id,
      List<InsurerContext.Network> networks,
      ConnectorSettings connector,
      Duration decisionTimeout,
      String contactEmail) {
    return new InsurerRegistration(
        id,
        "Acme Health",
        null,
        null,
        networks,
        connector,
        false,
        new InsurerRegistration.Enrolment(false, decisionTimeout),
        contactEmail,
        null,
        null);
  }
}
