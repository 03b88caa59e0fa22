package org.docport.connectors.sftp;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.Builder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.docport.connectors.ConnectorKind;
import org.docport.connectors.ConnectorServices;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.DeliveryRouteConfiguration;
import org.docport.connectors.RunRequest;
import org.docport.connectors.ScheduledRun;
import org.docport.connectors.Withdrawal;
import org.docport.mappings.MappingProfile;

/**
 * The {@code sftp-roster} connector kind: the way insurers already take CAQH-style rosters. On its
 * delta schedule, a CSV of the doctors that changed since the last file; on its full schedule (or
 * on demand), every doctor the insurer may see; each CSV written under a temporary name and renamed
 * once complete, then a manifest with its counts and checksum. Its pairs are not delivered one at a
 * time by a lane ({@link #deliversPerPair()} false): each run claims them all and receipts them
 * once the file is complete on the server ({@link SftpRosterWriter}). A consent that ends is
 * withdrawn at once, in a small delta file with the doctor's {@code WITHDRAWN} row.
 */
public final class SftpRosterKind implements ConnectorKind {

  private static final Set<String> HOST_KEY_TYPES =
      Set.of(
          "ssh-ed25519",
          "ssh-rsa",
          "ecdsa-sha2-nistp256",
          "ecdsa-sha2-nistp384",
          "ecdsa-sha2-nistp521");

  /** The Camel context connection tests run in: they may come before the insurer has a route. */
  private static volatile CamelContext connectionTests;

  @Override
  public String name() {
    return ConnectorSettings.SFTP_ROSTER;
  }

  @Override
  public boolean deliversPerPair() {
    return false;
  }

  @Override
  public List<ScheduledRun> scheduledRuns(ConnectorSettings settings) {
    ConnectorSettings.Sftp sftp = settings.sftp();
    ZoneId zone = sftp.zone() == null ? ZoneOffset.UTC : ZoneId.of(sftp.zone());
    List<ScheduledRun> runs = new ArrayList<>();
    runs.add(new ScheduledRun(SftpRosterWriter.DELTA, sftp.deltaSchedule(), zone));
    if (sftp.fullSchedule() != null) {
      runs.add(new ScheduledRun(SftpRosterWriter.FULL, sftp.fullSchedule(), zone));
    }
    return runs;
  }

  @Override
  public void checkSettings(ConnectorSettings settings, List<String> problems) {
    checkUrl(settings.baseUrl(), problems);
    if (!"none".equals(settings.authOrNone().type())) {
      problems.add("auth.type: an sftp-roster insurer takes none; its login is in sftp");
    }
    if (settings.profile() != null
        && !MappingProfile.DOCPORT_JSON.id().equals(settings.profile())) {
      problems.add(
          "profile: roster rows are made from DocPort's JSON document: docport-json (the"
              + " default), not FHIR resources");
    }
    ConnectorSettings.Sftp sftp = settings.sftp();
    if (sftp == null) {
      problems.add("sftp: required: username, password or privateKey, hostKey, deltaSchedule");
      return;
    }
    if (blank(sftp.username())) {
      problems.add("sftp.username: required");
    }
    if (blank(sftp.password()) && blank(sftp.privateKey())) {
      problems.add("sftp.password: a password or a privateKey (or both) is required");
    }
    if (!blank(sftp.privateKey()) && !readable(sftp.privateKey(), sftp.privateKeyPassphrase())) {
      problems.add(
          "sftp.privateKey: must be a private key in PEM or OpenSSH text, with its passphrase in"
              + " sftp.privateKeyPassphrase if it has one");
    }
    checkHostKey(sftp.hostKey(), problems);
    if (!ScheduledRun.isValid(sftp.deltaSchedule())) {
      problems.add("sftp.deltaSchedule: required: " + CRON_HELP);
    }
    if (sftp.fullSchedule() != null && !ScheduledRun.isValid(sftp.fullSchedule())) {
      problems.add(
          "sftp.fullSchedule: " + CRON_HELP + "; leave it out to send full rosters on demand");
    }
    if (sftp.zone() != null && !isZone(sftp.zone())) {
      problems.add("sftp.zone: must be a time zone id such as UTC or Asia/Kolkata");
    }
    problems.addAll(RosterColumns.problems(sftp.columns()));
  }

  private static final String CRON_HELP =
      "must be a cron expression of six fields, seconds first (e.g. '0 */15 * * * *' every 15"
          + " minutes, '0 0 2 * * SUN' Sundays at 02:00), or @hourly, @daily, @weekly";

  private static void checkUrl(String baseUrl, List<String> problems) {
    String what =
        "must be sftp://host[:port]/directory, such as sftp://sftp.insurer.example/rosters";
    try {
      URI url = baseUrl == null ? null : URI.create(baseUrl);
      if (url == null
          || !"sftp".equals(url.getScheme())
          || url.getHost() == null
          || url.getUserInfo() != null
          || url.getQuery() != null) {
        problems.add("baseUrl: " + what);
      }
    } catch (IllegalArgumentException e) {
      problems.add("baseUrl: " + what);
    }
  }

  private static void checkHostKey(String hostKey, List<String> problems) {
    String what =
        "required: the server's public host key as one OpenSSH line, such as the content of its"
            + " /etc/ssh/ssh_host_ed25519_key.pub ('ssh-ed25519 AAAA...'); a server presenting"
            + " any other key is refused";
    if (blank(hostKey)) {
      problems.add("sftp.hostKey: " + what);
      return;
    }
    String[] parts = hostKey.strip().split("\\s+");
    if (parts.length < 2 || !HOST_KEY_TYPES.contains(parts[0]) || !base64(parts[1])) {
      problems.add("sftp.hostKey: " + what);
    }
  }

  private static boolean base64(String value) {
    try {
      return Base64.getDecoder().decode(value).length > 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean readable(String privateKey, String passphrase) {
    try {
      KeyPair key = KeyPair.load(new JSch(), privateKey.getBytes(StandardCharsets.UTF_8), null);
      boolean open = !key.isEncrypted() || (passphrase != null && key.decrypt(passphrase));
      key.dispose();
      return open;
    } catch (JSchException e) {
      return false;
    }
  }

  private static boolean isZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /**
   * A route per insurer from {@code direct:deliver-{insurerId}}: a {@link RunRequest} builds and
   * sends a roster, a {@link Withdrawal} sends the doctor's WITHDRAWN row at once. A per-pair job
   * has no business here (no lane runs for this kind) and fails.
   */
  @Override
  public void defineTemplate(RouteBuilder routes, ConnectorServices services) {
    routes
        .routeTemplate(name())
        .templateParameter("insurerId")
        .templateParameter("settings")
        .templateBean(
            "writer",
            SftpRosterWriter.class,
            rtc -> {
              ConnectorSettings settings = rtc.getProperty("settings", ConnectorSettings.class);
              return new SftpRosterWriter(
                  rtc.getProperty("insurerId", String.class),
                  RosterColumns.of(settings.sftp().columns()),
                  new SftpRosterServer(rtc.getCamelContext(), settings),
                  services.requireStore(),
                  services.subjects(),
                  Clock.systemUTC());
            })
        .from("direct:deliver-{{insurerId}}")
        .routeConfigurationId(DeliveryRouteConfiguration.ID)
        .choice()
        .when(Builder.body().isInstanceOf(Withdrawal.class))
        .to("bean:{{writer}}?method=withdrawAll")
        .when(Builder.body().isInstanceOf(RunRequest.class))
        .to("bean:{{writer}}?method=run")
        .otherwise()
        .throwException(
            IllegalStateException.class,
            "an sftp-roster insurer's pairs go out in roster runs, not one at a time")
        .end();
  }

  /** Logs in with the host key checked and lists the directory; writes nothing. */
  @Override
  public Optional<String> connectionProblem(
      ConnectorServices services, String insurerId, ConnectorSettings settings) {
    return SftpRosterServer.test(connectionTests(), settings);
  }

  private static CamelContext connectionTests() {
    if (connectionTests == null) {
      synchronized (SftpRosterKind.class) {
        if (connectionTests == null) {
          CamelContext camel = new DefaultCamelContext();
          camel.start();
          connectionTests = camel;
        }
      }
    }
    return connectionTests;
  }
}
