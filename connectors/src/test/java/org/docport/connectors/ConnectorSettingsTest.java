package org.docport.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.docport.connectors.ConnectorSettings.Auth;
import org.docport.connectors.ConnectorSettings.Kafka;
import org.docport.connectors.ConnectorSettings.Signing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectorSettingsTest {

  private static final String BASE_URL = "https://fhir.insurer.example/r4";

  @Test
  void validSettingsHaveNoProblems() {
    assertThat(settings(null).problems()).isEmpty();
    assertThat(settings(Auth.none()).problems()).isEmpty();
    assertThat(settings(Auth.bearer("t0ken")).problems()).isEmpty();
    assertThat(
            settings(
                    new Auth(
                        "client-credentials",
                        null,
                        "https://auth.insurer.example/token",
                        "docport",
                        "s3cret",
                        null))
                .problems())
        .isEmpty();
  }

  @Test
  void anUnknownKindIsNamed() {
    var settings = new ConnectorSettings("sftp", BASE_URL, null);

    assertThat(settings.problems()).singleElement().asString().startsWith("kind:");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"ftp://fhir.insurer.example", "fhir.insurer.example/r4", "http://", "::"})
  void aBaseUrlThatIsNotHttpIsNamed(String baseUrl) {
    var settings = new ConnectorSettings(ConnectorSettings.FHIR_REST, baseUrl, null);

    assertThat(settings.problems()).singleElement().asString().startsWith("baseUrl:");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void bearerWithoutATokenIsNamed(String token) {
    assertThat(settings(Auth.bearer(token)).problems())
        .singleElement()
        .asString()
        .startsWith("auth.token:");
  }

  @Test
  void clientCredentialsNameEveryMissingPart() {
    var auth = new Auth("client-credentials", null, "not a url", " ", null, null);

    assertThat(settings(auth).problems())
        .hasSize(3)
        .anyMatch(p -> p.startsWith("auth.tokenUrl:"))
        .anyMatch(p -> p.startsWith("auth.clientId:"))
        .anyMatch(p -> p.startsWith("auth.clientSecret:"));
  }

  @Test
  void anUnknownAuthTypeIsNamed() {
    var auth = new Auth("basic", null, null, null, null, null);

    assertThat(settings(auth).problems()).singleElement().asString().startsWith("auth.type:");
  }

  @Test
  void secretsNeverReachALog() {
    var settings =
        new ConnectorSettings(
            ConnectorSettings.FHIR_REST,
            "https://fhir.insurer.example",
            new Auth("client-credentials", null, "https://t.example", "id", "s3cret", null));

    assertThat(settings.toString()).doesNotContain("s3cret").contains("****");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    var settings = new ConnectorSettings(ConnectorSettings.FHIR_REST, null, Auth.bearer(null));
    var unknownKind = new ConnectorSettings(null, null, Auth.bearer(null));

    assertThat(settings.problems())
        .hasSize(2)
        .anyMatch(p -> p.startsWith("baseUrl:"))
        .anyMatch(p -> p.startsWith("auth.token:"));
    // An unknown kind's own rules are unknown: what every kind shares is still checked.
    assertThat(unknownKind.problems())
        .hasSize(2)
        .anyMatch(p -> p.startsWith("kind:"))
        .anyMatch(p -> p.startsWith("auth.token:"));
  }

  @Test
  void aWebhookNeedsAUrlAndAWhsecKey() {
    String key = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    String hook = "https://hooks.insurer.example/docport";

    assertThat(ConnectorSettings.webhook(hook, new Signing(key, null)).problems()).isEmpty();
    assertThat(ConnectorSettings.webhook(hook, new Signing(key, key)).problems()).isEmpty();
    assertThat(ConnectorSettings.webhook(hook, null).problems())
        .singleElement()
        .asString()
        .startsWith("signing.secret:");
    assertThat(
            ConnectorSettings.webhook("hooks.insurer.example", new Signing("s3cret", "x"))
                .problems())
        .hasSize(3)
        .anyMatch(p -> p.startsWith("baseUrl:"))
        .anyMatch(p -> p.startsWith("signing.secret:"))
        .anyMatch(p -> p.startsWith("signing.previousSecret:"));
  }

  @Test
  void settingsOfOneKindAreRefusedOnTheOther() {
    String key = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    var webhookWithWriteMode =
        new ConnectorSettings(
            ConnectorSettings.WEBHOOK,
            "https://hooks.insurer.example/docport",
            null,
            ConnectorSettings.SEARCH_THEN_WRITE,
            new Signing(key, null));
    var fhirRestWithSigning =
        new ConnectorSettings(
            ConnectorSettings.FHIR_REST, BASE_URL, null, null, new Signing(key, null));

    assertThat(webhookWithWriteMode.problems()).singleElement().asString().startsWith("writeMode:");
    assertThat(fhirRestWithSigning.problems()).singleElement().asString().startsWith("signing:");
  }

  @Test
  void signingKeysAreSecrets() {
    var settings =
        ConnectorSettings.webhook("https://hooks.insurer.example", new Signing("one", "two"));

    var masked = settings.mapSecrets((field, value) -> field);

    assertThat(masked.signing())
        .isEqualTo(
            new Signing(
                ConnectorSettings.SIGNING_SECRET, ConnectorSettings.PREVIOUS_SIGNING_SECRET));
    assertThat(settings.secret(ConnectorSettings.PREVIOUS_SIGNING_SECRET)).isEqualTo("two");
  }

  @Test
  void aKafkaTopicNeedsBrokersAndATopicName() {
    assertThat(ConnectorSettings.kafka(Kafka.plaintext("kafka1:9092", "docport")).problems())
        .isEmpty();
    assertThat(
            ConnectorSettings.kafka(
                    Kafka.plaintext("kafka1.insurer.example:9093, [::1]:9093", "docport.changes-1"))
                .problems())
        .isEmpty();
    assertThat(ConnectorSettings.kafka(null).problems())
        .singleElement()
        .asString()
        .startsWith("kafka: required");
    assertThat(ConnectorSettings.kafka(Kafka.plaintext("kafka1", "doc port")).problems())
        .hasSize(2)
        .anyMatch(p -> p.startsWith("kafka.bootstrapServers:"))
        .anyMatch(p -> p.startsWith("kafka.topic:"));
    assertThat(ConnectorSettings.kafka(Kafka.plaintext("kafka1:99999,", "..")).problems())
        .hasSize(2);
  }

  @Test
  void kafkaCredentialsGoWithSaslAndOnlyWithIt() {
    var sasl = new Kafka("kafka1:9096", "docport", "SASL_SSL", "SCRAM-SHA-512", "docport", "pw");
    var saslWithout = new Kafka("kafka1:9096", "docport", "SASL_PLAINTEXT", "GSSAPI", " ", null);
    var plainWith = new Kafka("kafka1:9092", "docport", "SSL", "PLAIN", "docport", "pw");
    var unknown = new Kafka("kafka1:9092", "docport", "TLS", null, null, null);

    assertThat(ConnectorSettings.kafka(sasl).problems()).isEmpty();
    assertThat(ConnectorSettings.kafka(saslWithout).problems())
        .containsExactly(
            "kafka.saslMechanism: required with SASL_PLAINTEXT: one of PLAIN, SCRAM-SHA-256,"
                + " SCRAM-SHA-512",
            "kafka.username: required with SASL_PLAINTEXT",
            "kafka.password: required with SASL_PLAINTEXT");
    assertThat(ConnectorSettings.kafka(plainWith).problems())
        .hasSize(3)
        .allMatch(p -> p.endsWith("only with securityProtocol SASL_PLAINTEXT or SASL_SSL"));
    assertThat(ConnectorSettings.kafka(unknown).problems())
        .singleElement()
        .asString()
        .startsWith("kafka.securityProtocol: must be one of PLAINTEXT, SSL");
  }

  @Test
  void kafkaTakesNeitherAUrlNorHttpAuthAndOtherKindsNoKafkaSection() {
    var kafka = Kafka.plaintext("kafka1:9092", "docport");
    var withHttpParts =
        new ConnectorSettings(
            ConnectorSettings.KAFKA, BASE_URL, Auth.bearer("t0ken"), null, null, null, kafka, null);
    var fhirRestWithKafka =
        new ConnectorSettings(
            ConnectorSettings.FHIR_REST, BASE_URL, null, null, null, null, kafka, null);

    assertThat(withHttpParts.problems())
        .hasSize(2)
        .anyMatch(p -> p.startsWith("baseUrl:"))
        .anyMatch(p -> p.startsWith("auth:"));
    assertThat(fhirRestWithKafka.problems()).containsExactly("kafka: only for the kafka kind");
  }

  @Test
  void theKafkaPasswordIsASecret() {
    var settings =
        ConnectorSettings.kafka(
            new Kafka("kafka1:9096", "docport", "SASL_SSL", "PLAIN", "docport", "s3cret"));

    assertThat(settings.toString()).doesNotContain("s3cret").contains("password=****");
    assertThat(settings.mapSecrets((field, value) -> field).kafka().password())
        .isEqualTo(ConnectorSettings.KAFKA_PASSWORD);
    assertThat(settings.secret(ConnectorSettings.KAFKA_PASSWORD)).isEqualTo("s3cret");
    assertThat(settings.mapSecrets((field, value) -> value)).isEqualTo(settings);
  }

  private static ConnectorSettings settings(Auth auth) {
    return new ConnectorSettings(ConnectorSettings.FHIR_REST, BASE_URL, auth);
  }
}
