package org.docport.connectors;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import org.docport.mappings.MappingProfile;

/**
 * How DocPort reaches one insurer.
 *
 * @param kind the connector kind, one of {@link ConnectorKinds#ALL}: {@code fhir-rest} (the
 *     insurer's FHIR server), {@code webhook} (signed HTTPS POSTs to the insurer's URL), {@code
 *     kafka} (records on the insurer's Kafka topic)
 * @param baseUrl the insurer's FHIR base URL ({@code fhir-rest}), or the URL a {@code webhook}
 *     POSTs to; none for {@code kafka}
 * @param auth how to authenticate over HTTP; {@code null} means none ({@code kafka} has its own)
 * @param writeMode {@code conditional-update} (the default: {@code PUT Type?identifier=...}) or
 *     {@code search-then-write} for insurers whose servers lack conditional update ({@code
 *     fhir-rest} only)
 * @param signing the keys a {@code webhook} signs with (Standard Webhooks); none for {@code
 *     fhir-rest}
 * @param sftp how an {@code sftp-roster} insurer's SFTP server is reached and what it takes; its
 *     {@code baseUrl} is {@code sftp://host[:port]/directory}
 * @param kafka the cluster and topic a {@code kafka} connector writes to; only for that kind
 * @param profile how the insurer's doctors are represented ({@link MappingProfile}): {@code
 *     plan-net} (the default: US Plan-Net FHIR resources), {@code ndhm} (India: the NRCeS/ABDM FHIR
 *     profiles) or {@code docport-json} (DocPort's own JSON document, for insurers without FHIR,
 *     and the only profile of {@code sftp-roster}, whose rows are made from it)
 */
public record ConnectorSettings(
    String kind,
    String baseUrl,
    Auth auth,
    String writeMode,
    Signing signing,
    String profile,
    Kafka kafka,
    Sftp sftp) {

  public static final String FHIR_REST = "fhir-rest";
  public static final String WEBHOOK = "webhook";
  public static final String KAFKA = "kafka";
  public static final String SFTP_ROSTER = "sftp-roster";
  public static final String CONDITIONAL_UPDATE = "conditional-update";
  public static final String SEARCH_THEN_WRITE = "search-then-write";

  /** The secrets' field names, as {@link #mapSecrets} and {@link #secret} name them. */
  public static final String TOKEN = "auth.token";

  public static final String CLIENT_SECRET = "auth.clientSecret";

  public static final String SIGNING_SECRET = "signing.secret";

  public static final String PREVIOUS_SIGNING_SECRET = "signing.previousSecret";

  public static final String KAFKA_PASSWORD = "kafka.password";

  public static final String SFTP_PASSWORD = "sftp.password";

  public static final String SFTP_PRIVATE_KEY = "sftp.privateKey";

  public static final String SFTP_PRIVATE_KEY_PASSPHRASE = "sftp.privateKeyPassphrase";

  public ConnectorSettings(String kind, String baseUrl, Auth auth) {
    this(kind, baseUrl, auth, null, null, null, null, null);
  }

  public ConnectorSettings(
      String kind, String baseUrl, Auth auth, String writeMode, Signing signing) {
    this(kind, baseUrl, auth, writeMode, signing, null, null, null);
  }

  /** These settings under another mapping profile. */
  public ConnectorSettings withProfile(String profile) {
    return new ConnectorSettings(kind, baseUrl, auth, writeMode, signing, profile, kafka, sftp);
  }

  /**
   * The mapping profile; when none is set, {@code docport-json} for an {@code sftp-roster} insurer
   * (its rows are that document's, so its code maps may name its own codes) and {@code plan-net}
   * for any other. Valid settings only.
   */
  public MappingProfile profileOrDefault() {
    if (profile != null) {
      return MappingProfile.of(profile);
    }
    return SFTP_ROSTER.equals(kind) ? MappingProfile.DOCPORT_JSON : MappingProfile.PLAN_NET;
  }

  public ConnectorSettings(String kind, String baseUrl, Auth auth, String writeMode) {
    this(kind, baseUrl, auth, writeMode, null, null, null, null);
  }

  /** A webhook to {@code url}, signed with {@code signing}. */
  public static ConnectorSettings webhook(String url, Signing signing) {
    return new ConnectorSettings(WEBHOOK, url, null, null, signing, null, null, null);
  }

  /** A Kafka topic to write to. */
  public static ConnectorSettings kafka(Kafka kafka) {
    return new ConnectorSettings(KAFKA, null, null, null, null, null, kafka, null);
  }

  /**
   * Where a {@code kafka} connector writes: one record per change, keyed by the doctor's id.
   *
   * @param bootstrapServers {@code host:port} of one or more of the insurer's brokers, separated by
   *     commas
   * @param topic the topic, which must exist (DocPort does not create it)
   * @param securityProtocol {@code PLAINTEXT} (the default), {@code SSL}, {@code SASL_PLAINTEXT} or
   *     {@code SASL_SSL}
   * @param saslMechanism with a SASL protocol: {@code PLAIN}, {@code SCRAM-SHA-256} or {@code
   *     SCRAM-SHA-512}
   * @param username with a SASL protocol, DocPort's user at the insurer's cluster
   * @param password with a SASL protocol, that user's password (a secret)
   */
  public record Kafka(
      String bootstrapServers,
      String topic,
      String securityProtocol,
      String saslMechanism,
      String username,
      String password) {

    public static final String PLAINTEXT = "PLAINTEXT";

    /** A topic on a cluster DocPort reaches without TLS or authentication. */
    public static Kafka plaintext(String bootstrapServers, String topic) {
      return new Kafka(bootstrapServers, topic, null, null, null, null);
    }

    public String securityProtocolOrDefault() {
      return securityProtocol == null ? PLAINTEXT : securityProtocol;
    }

    /** The settings as they may be logged: the password masked. */
    @Override
    public String toString() {
      return "Kafka[bootstrapServers=%s, topic=%s, securityProtocol=%s, saslMechanism=%s, username=%s, password=%s]"
          .formatted(
              bootstrapServers,
              topic,
              securityProtocol,
              saslMechanism,
              username,
              password == null ? null : "****");
    }
  }

  /** Roster files to the SFTP directory {@code url} ({@code sftp://host[:port]/directory}). */
  public static ConnectorSettings sftpRoster(String url, Sftp sftp) {
    return new ConnectorSettings(SFTP_ROSTER, url, null, null, null, null, null, sftp);
  }

  /**
   * An {@code sftp-roster} insurer's SFTP account and roster files.
   *
   * @param username the account DocPort logs in as
   * @param password the account's password; this or {@code privateKey} (or both) is required
   * @param privateKey DocPort's private key for the account, PEM or OpenSSH text
   * @param privateKeyPassphrase the passphrase of an encrypted {@code privateKey}
   * @param hostKey the server's public host key as an OpenSSH line ({@code ssh-ed25519 AAAA...},
   *     the server's {@code /etc/ssh/ssh_host_*_key.pub}): required, since a server presenting any
   *     other key is refused
   * @param deltaSchedule when the changes since the last file are sent: a Spring cron expression
   *     (six fields, seconds first, e.g. {@code 0 0 * * * *} hourly) or a macro ({@code @hourly})
   * @param fullSchedule when the whole roster is sent, likewise; null sends it only on demand
   * @param zone the time zone the schedules are read in (IANA id); UTC when null
   * @param columns the insurer's own layout: ordered columns, each a header and the {@code
   *     docport-roster/v1} field it carries; null for the {@code docport-roster/v1} layout itself
   */
  public record Sftp(
      String username,
      String password,
      String privateKey,
      String privateKeyPassphrase,
      String hostKey,
      String deltaSchedule,
      String fullSchedule,
      String zone,
      List<RosterColumn> columns) {

    /** One column of an insurer's layout: its header and the v1 field it carries. */
    public record RosterColumn(String header, String field) {}

    /** The secrets replaced by {@code f(field, value)}. */
    Sftp mapSecrets(BinaryOperator<String> f) {
      return new Sftp(
          username,
          mapped(f, SFTP_PASSWORD, password),
          mapped(f, SFTP_PRIVATE_KEY, privateKey),
          mapped(f, SFTP_PRIVATE_KEY_PASSPHRASE, privateKeyPassphrase),
          hostKey,
          deltaSchedule,
          fullSchedule,
          zone,
          columns);
    }

    /** The section as it may be logged: its secrets masked. */
    @Override
    public String toString() {
      return "Sftp[username=%s, password=%s, privateKey=%s, hostKey=%s, deltaSchedule=%s,"
              .formatted(username, mask(password), mask(privateKey), hostKey, deltaSchedule)
          + " fullSchedule=%s, zone=%s, columns=%s]".formatted(fullSchedule, zone, columns);
    }

    private static String mask(String secret) {
      return secret == null ? null : "****";
    }

    /** The secret {@code field} of this section, or null. */
    String secret(String field) {
      return switch (field) {
        case SFTP_PASSWORD -> password;
        case SFTP_PRIVATE_KEY -> privateKey;
        default -> privateKeyPassphrase;
      };
    }
  }

  /**
   * The keys a webhook is signed with, each {@code whsec_} and the key in base64 (24 to 64 bytes),
   * as Standard Webhooks gives them. While a key is being rotated, every delivery carries a
   * signature with the new one and one with the previous one, so the insurer's receiver keeps
   * verifying until it has the new key.
   *
   * @param secret the current key
   * @param previousSecret the key being retired, or null
   */
  public record Signing(String secret, String previousSecret) {}

  public String writeModeOrDefault() {
    return writeMode == null ? CONDITIONAL_UPDATE : writeMode;
  }

  /**
   * Credentials for the insurer's endpoint.
   *
   * @param type {@code none}, {@code bearer} (a static token) or {@code client-credentials}
   *     (OAuth2: {@code tokenUrl}, {@code clientId}, {@code clientSecret}, optional {@code scope})
   */
  public record Auth(
      String type,
      String token,
      String tokenUrl,
      String clientId,
      String clientSecret,
      String scope) {

    public static Auth none() {
      return new Auth("none", null, null, null, null, null);
    }

    public static Auth bearer(String token) {
      return new Auth("bearer", token, null, null, null, null);
    }
  }

  /**
   * These settings with each secret that is set ({@code auth.token}, {@code auth.clientSecret}, the
   * signing keys, {@code kafka.password}) replaced by {@code f(field, value)}: to seal, open or
   * mask them.
   */
  public ConnectorSettings mapSecrets(BinaryOperator<String> f) {
    Auth mapped =
        auth == null
            ? null
            : new Auth(
                auth.type(),
                mapped(f, TOKEN, auth.token()),
                auth.tokenUrl(),
                auth.clientId(),
                mapped(f, CLIENT_SECRET, auth.clientSecret()),
                auth.scope());
    Signing keys =
        signing == null
            ? null
            : new Signing(
                mapped(f, SIGNING_SECRET, signing.secret()),
                mapped(f, PREVIOUS_SIGNING_SECRET, signing.previousSecret()));
    Kafka cluster =
        kafka == null
            ? null
            : new Kafka(
                kafka.bootstrapServers(),
                kafka.topic(),
                kafka.securityProtocol(),
                kafka.saslMechanism(),
                kafka.username(),
                mapped(f, KAFKA_PASSWORD, kafka.password()));
    return new ConnectorSettings(
        kind,
        baseUrl,
        mapped,
        writeMode,
        keys,
        profile,
        cluster,
        sftp == null ? null : sftp.mapSecrets(f));
  }

  private static String mapped(BinaryOperator<String> f, String field, String value) {
    return value == null ? null : f.apply(field, value);
  }

  /** The secret {@link #mapSecrets} names {@code field}, or null when it is not set. */
  public String secret(String field) {
    Auth a = authOrNone();
    return switch (field) {
      case TOKEN -> a.token();
      case CLIENT_SECRET -> a.clientSecret();
      case SIGNING_SECRET -> signing == null ? null : signing.secret();
      case PREVIOUS_SIGNING_SECRET -> signing == null ? null : signing.previousSecret();
      case KAFKA_PASSWORD -> kafka == null ? null : kafka.password();
      case SFTP_PASSWORD, SFTP_PRIVATE_KEY, SFTP_PRIVATE_KEY_PASSPHRASE ->
          sftp == null ? null : sftp.secret(field);
      default -> throw new IllegalArgumentException("not a secret: " + field);
    };
  }

  public Auth authOrNone() {
    return auth == null ? Auth.none() : auth;
  }

  /**
   * What is wrong with these settings, as {@code field: problem} lines; empty when valid. Checks
   * what every kind shares (a known kind, each kind's own section only with that kind, the
   * authentication's fields), then the kind's own rules ({@link ConnectorKind#checkSettings}).
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    var kindOf = ConnectorKinds.named(kind);
    if (kindOf.isEmpty()) {
      problems.add("kind: must be one of " + String.join(", ", ConnectorKinds.names()));
    }
    for (Section section : sections()) {
      if (section.value() != null && !section.kind().equals(kind)) {
        problems.add(section.field() + ": only for the " + section.kind() + " kind");
      }
    }
    if (profile != null) {
      try {
        MappingProfile.of(profile);
      } catch (IllegalArgumentException e) {
        problems.add(
            "profile: must be one of "
                + Arrays.stream(MappingProfile.values()).map(MappingProfile::id).toList()
                + " (default plan-net)");
      }
    }
    Auth a = authOrNone();
    switch (a.type() == null ? "" : a.type()) {
      case "none" -> {}
      case "bearer" -> {
        if (a.token() == null || a.token().isBlank()) {
          problems.add("auth.token: required for bearer authentication");
        }
      }
      case "client-credentials" -> {
        if (!isHttpUrl(a.tokenUrl())) {
          problems.add("auth.tokenUrl: must be an http(s) URL of the OAuth2 token endpoint");
        }
        if (a.clientId() == null || a.clientId().isBlank()) {
          problems.add("auth.clientId: required for client-credentials authentication");
        }
        if (a.clientSecret() == null || a.clientSecret().isBlank()) {
          problems.add("auth.clientSecret: required for client-credentials authentication");
        }
      }
      default -> problems.add("auth.type: must be one of none, bearer, client-credentials");
    }
    kindOf.ifPresent(k -> k.checkSettings(this, problems));
    return problems;
  }

  /** A kind's own part of the settings, which any other kind must leave unset. */
  private record Section(String field, String kind, Object value) {}

  private List<Section> sections() {
    return List.of(
        new Section("writeMode", FHIR_REST, writeMode),
        new Section("signing", WEBHOOK, signing),
        new Section("kafka", KAFKA, kafka),
        new Section("sftp", SFTP_ROSTER, sftp));
  }

  /** Adds a problem unless {@code baseUrl} is an http(s) URL; {@code what} says what it is for. */
  public void checkHttpUrl(List<String> problems, String what) {
    if (!isHttpUrl(baseUrl)) {
      problems.add("baseUrl: must be " + what);
    }
  }

  /** The settings as they may be logged: every secret masked. */
  @Override
  public String toString() {
    ConnectorSettings masked = mapSecrets((field, value) -> "****");
    return ("ConnectorSettings[kind=%s, baseUrl=%s, auth=%s, writeMode=%s, signing=%s,"
            + " profile=%s, kafka=%s, sftp=%s]")
        .formatted(
            kind, baseUrl, masked.auth, writeMode, masked.signing, profile, kafka, masked.sftp);
  }

  private static boolean isHttpUrl(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    try {
      URI uri = URI.create(value);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
