package org.docport.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.docport.connectors.ConnectorSettings.Sftp;
import org.docport.mappings.MappingProfile;
import org.docport.testkit.SftpTestServer;
import org.junit.jupiter.api.Test;

class SftpRosterSettingsTest {

  private static final String URL = "sftp://sftp.insurer.example/rosters";
  private static final String HOST_KEY = SftpTestServer.someOtherHostKey();

  private static Sftp sftp(String password, String hostKey, String delta, String full) {
    return new Sftp("docport", password, null, null, hostKey, delta, full, null, null);
  }

  @Test
  void validSettingsHaveNoProblems() {
    assertThat(
            ConnectorSettings.sftpRoster(URL, sftp("pw", HOST_KEY, "0 */15 * * * *", "@weekly"))
                .problems())
        .isEmpty();
    assertThat(
            ConnectorSettings.sftpRoster(
                    "sftp://10.0.0.1:2222/", sftp("pw", HOST_KEY, "@hourly", null))
                .problems())
        .isEmpty();
  }

  @Test
  void aRosterInsurerIsMappedAsDocportJsonAndNamesNoOtherProfile() {
    var settings = ConnectorSettings.sftpRoster(URL, sftp("pw", HOST_KEY, "@hourly", null));

    assertThat(settings.profileOrDefault()).isEqualTo(MappingProfile.DOCPORT_JSON);
    assertThat(settings.withProfile("docport-json").problems()).isEmpty();
    assertThat(settings.withProfile("ndhm").problems())
        .containsExactly(
            "profile: roster rows are made from DocPort's JSON document: docport-json (the"
                + " default), not FHIR resources");
    assertThat(ConnectorSettings.webhook("https://hooks.example", null).profileOrDefault())
        .isEqualTo(MappingProfile.PLAN_NET);
  }

  @Test
  void eachMistakeIsNamedWithWhatToDo() {
    var settings =
        new ConnectorSettings(
            ConnectorSettings.SFTP_ROSTER,
            "https://sftp.insurer.example",
            ConnectorSettings.Auth.bearer("t"),
            null,
            null,
            null,
            null,
            new Sftp(
                " ",
                null,
                "not a key",
                null,
                "ssh-rsa",
                "*/15 * * * *",
                "every sunday",
                "Mars/Olympus",
                null));

    assertThat(settings.problems())
        .extracting(p -> p.split(":")[0])
        .containsExactly(
            "baseUrl",
            "auth.type",
            "sftp.username",
            "sftp.privateKey",
            "sftp.hostKey",
            "sftp.deltaSchedule",
            "sftp.fullSchedule",
            "sftp.zone");
    assertThat(settings.problems())
        .anySatisfy(p -> assertThat(p).startsWith("baseUrl: must be sftp://host[:port]/directory"))
        .anySatisfy(p -> assertThat(p).contains("six fields, seconds first"))
        .anySatisfy(p -> assertThat(p).contains("a server presenting any other key is refused"));
  }

  @Test
  void aLoginNeedsAPasswordOrAKeyAndTheHostKeyIsRequired() {
    assertThat(ConnectorSettings.sftpRoster(URL, sftp(null, null, "@hourly", null)).problems())
        .containsExactly(
            "sftp.password: a password or a privateKey (or both) is required",
            "sftp.hostKey: required: the server's public host key as one OpenSSH line, such as the"
                + " content of its /etc/ssh/ssh_host_ed25519_key.pub ('ssh-ed25519 AAAA...'); a"
                + " server presenting any other key is refused");
    assertThat(new ConnectorSettings(ConnectorSettings.SFTP_ROSTER, URL, null).problems())
        .singleElement()
        .asString()
        .startsWith("sftp: required");
  }

  @Test
  void theSftpSectionIsOnlyForItsKind() {
    var settings =
        new ConnectorSettings(
            ConnectorSettings.FHIR_REST,
            "https://fhir.insurer.example/r4",
            null,
            null,
            null,
            null,
            null,
            sftp("pw", HOST_KEY, "@hourly", null));

    assertThat(settings.problems()).containsExactly("sftp: only for the sftp-roster kind");
  }

  @Test
  void itsSecretsAreMaskedWhenPrintedAndMappedLikeEveryOther() {
    var settings =
        ConnectorSettings.sftpRoster(
            URL,
            new Sftp("docport", "pw", "KEY", "phrase", HOST_KEY, "@hourly", null, null, List.of()));

    assertThat(settings.toString()).doesNotContain("pw,").doesNotContain("KEY").contains("****");
    assertThat(settings.mapSecrets((field, value) -> field).sftp())
        .extracting(Sftp::password, Sftp::privateKey, Sftp::privateKeyPassphrase)
        .containsExactly(
            ConnectorSettings.SFTP_PASSWORD,
            ConnectorSettings.SFTP_PRIVATE_KEY,
            ConnectorSettings.SFTP_PRIVATE_KEY_PASSPHRASE);
    assertThat(settings.secret(ConnectorSettings.SFTP_PRIVATE_KEY_PASSPHRASE)).isEqualTo("phrase");
  }
}
