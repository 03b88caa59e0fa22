package org.docport.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.docport.hub.HubTest;
import org.docport.hub.insurer.ConnectorSecretsMigration;
import org.docport.hub.insurer.Insurers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SecretsTest extends HubTest {

  private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @Autowired JdbcTemplate jdbc;
  @Autowired Secrets secrets;
  @Autowired Insurers insurers;
  @Autowired ConnectorSecretsMigration migration;

  @Test
  void connectorSecretsAreStoredSealedAndOpenedOnlyToReachTheInsurer() {
    Insurer insurer =
        insurer(
            Map.of(),
            server -> {
              server.requireClientCredentials("docport", "client-secret-4711");
              return Map.of(
                  "type",
                  "client-credentials",
                  "tokenUrl",
                  server.tokenUrl(),
                  "clientId",
                  "docport",
                  "clientSecret",
                  "client-secret-4711");
            });

    assertThat(stored(insurer.id())).doesNotContain("client-secret-4711").contains("sealed:v1:");
    JsonNode shown = operator().get("/api/operator/insurers/" + insurer.id()).expect(200).body();
    assertThat(shown.at("/connector/auth/clientSecret").asText()).isEqualTo("***");

    String doctor = createDoctor("Sealed");
    consent(doctor, insurer, "ACTIVE");
    await().until(() -> familyAt(insurer, doctor).isPresent());
  }

  @Test
  void secretsStoredBeforeSealingAreSealedAndStillWork() {
    Insurer insurer = insurerWithToken("legacy-token-1234");
    // As a registry written by an older hub holds it.
    jdbc.update(
        "update insurer set connector_settings = jsonb_set(connector_settings, '{auth,token}',"
            + " '\"legacy-token-1234\"') where id = ?",
        insurer.id());
    assertThat(insurers.get(insurer.id()).connector().auth().token())
        .isEqualTo("legacy-token-1234");

    migration.sealStoredSecrets();

    assertThat(stored(insurer.id())).doesNotContain("legacy-token-1234").contains("sealed:v1:");
    assertThat(insurers.get(insurer.id()).connector().auth().token())
        .isEqualTo("legacy-token-1234");
  }

  @Test
  void aSealedSecretOpensOnlyForTheInsurerAndFieldItWasSealedFor() {
    String sealed = secrets.seal("token-of-a", "ins-a auth.token");

    assertThat(secrets.open(sealed, "ins-a auth.token")).isEqualTo("token-of-a");
    assertThat(secrets.seal("token-of-a", "ins-a auth.token")).isNotEqualTo(sealed);
    // Copied to another insurer's row in the database, it does not open.
    assertThatThrownBy(() -> secrets.open(sealed, "ins-b auth.token"))
        .hasMessageContaining("ins-b auth.token");
  }

  @Test
  void aHubWithAnotherKeyRefusesToStartAndSaysWhichKeyItNeeds() throws Exception {
    String recorded =
        jdbc.queryForObject("select fingerprint from secrets_key where id = 1", String.class);

    assertThatThrownBy(() -> new Secrets(new Secrets.Settings(OTHER_KEY, null), jdbc))
        .hasMessageContaining("fingerprint " + recorded)
        .hasMessageContaining("DOCPORT_SECRETS_KEY");

    Path missing = Files.createTempDirectory("docport-secrets").resolve("secrets.key");
    assertThatThrownBy(() -> new Secrets(new Secrets.Settings("", missing), jdbc))
        .hasMessageContaining("fingerprint " + recorded)
        .hasMessageContaining(missing.toString());
    assertThat(missing).doesNotExist();
  }

  @Test
  void aMalformedKeySaysWhatAKeyLooksLike() {
    assertThatThrownBy(() -> new Secrets(new Secrets.Settings("not base64!", null), jdbc))
        .hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(() -> new Secrets(new Secrets.Settings("c2hvcnQ=", null), jdbc))
        .hasMessageContaining("32 bytes")
        .hasMessageContaining("not 5");
  }

  private String stored(String insurerId) {
    return jdbc.queryForObject(
        "select connector_settings::text from insurer where id = ?", String.class, insurerId);
  }
}
