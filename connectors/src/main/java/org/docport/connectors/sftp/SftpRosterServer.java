package org.docport.connectors.sftp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.file.GenericFileExist;
import org.apache.camel.component.file.remote.SftpComponent;
import org.apache.camel.component.file.remote.SftpConfiguration;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.component.file.remote.SftpOperations;
import org.apache.camel.support.service.ServiceHelper;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.RetryableDeliveryException;

/**
 * One insurer's SFTP directory, through Camel's {@code sftp} component: uploads written under a
 * temporary name ({@code <name>.part}) and renamed once complete, so a reader never sees a partial
 * file under its real name; the server's host key checked against the one configured, and no other
 * accepted (no {@code ~/.ssh/known_hosts}, no trust on first use).
 */
final class SftpRosterServer {

  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  private final CamelContext camel;
  private final SftpEndpoint endpoint;
  private ProducerTemplate producer;
  private final String where;
  private final String directory;
  private final String username;
  private final String hostKey;

  SftpRosterServer(CamelContext camel, ConnectorSettings settings) {
    this.camel = camel;
    URI url = URI.create(settings.baseUrl());
    int port = url.getPort() == -1 ? 22 : url.getPort();
    this.where = url.getHost() + ":" + port;
    this.directory = directory(url);
    this.username = settings.sftp().username();
    this.hostKey = settings.sftp().hostKey().strip();
    this.endpoint = endpoint(camel, url.getHost(), port, settings.sftp());
  }

  /** What is wrong with reaching the server through these settings ({@link #problem()}). */
  static Optional<String> test(CamelContext camel, ConnectorSettings settings) {
    SftpRosterServer server = new SftpRosterServer(camel, settings);
    try {
      return server.problem();
    } finally {
      ServiceHelper.stopService(server.endpoint);
    }
  }

  /** The directory under the login directory, as Camel reads the path of an sftp URL. */
  static String directory(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private SftpEndpoint endpoint(
      CamelContext camel, String host, int port, ConnectorSettings.Sftp s) {
    try {
      SftpComponent component = camel.getComponent("sftp", SftpComponent.class);
      // Created, not looked up: the endpoint carries this insurer's secrets and must be nobody
      // else's, even with the same host, directory and user.
      SftpEndpoint e =
          (SftpEndpoint)
              component.createEndpoint(
                  "sftp://" + host + ":" + port + "/" + directory + "?binary=true");
      SftpConfiguration c = e.getConfiguration();
      c.setUsername(s.username());
      c.setPassword(s.password());
      if (s.privateKey() != null) {
        c.setPrivateKey(s.privateKey().getBytes(StandardCharsets.UTF_8));
        c.setPrivateKeyPassphrase(s.privateKeyPassphrase());
      }
      c.setStrictHostKeyChecking("yes");
      c.setUseUserKnownHostsFile(false);
      c.setKnownHosts(knownHosts(host, port, hostKey).getBytes(StandardCharsets.UTF_8));
      c.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
      c.setServerAliveInterval(10_000);
      // The insurer owns the directory; a missing one is a setting to fix, not one to create.
      e.setAutoCreate(false);
      e.setDisconnect(true);
      // One quick retry for a blip; a server that stays down waits for the next run.
      e.setMaximumReconnectAttempts(1);
      e.setTempFileName("${file:name}.part");
      e.setFileExist(GenericFileExist.Fail);
      c.setJschLoggingLevel(org.apache.camel.LoggingLevel.WARN);
      ServiceHelper.startService(e);
      return e;
    } catch (Exception ex) {
      throw new IllegalStateException("could not set up the SFTP endpoint for " + where, ex);
    }
  }

  /** A known_hosts line for the server: OpenSSH writes a port other than 22 as [host]:port. */
  static String knownHosts(String host, int port, String hostKey) {
    return (port == 22 ? host : "[" + host + "]:" + port) + " " + hostKey + "\n";
  }

  /** Uploads a local file as {@code name}, complete under that name only once fully written. */
  void upload(Path local, String name) {
    send(local.toFile(), name);
  }

  /** Uploads {@code content} as {@code name}, likewise. */
  void upload(byte[] content, String name) {
    send(content, name);
  }

  private synchronized ProducerTemplate producer() {
    if (producer == null) {
      producer = camel.createProducerTemplate();
    }
    return producer;
  }

  private void send(Object body, String name) {
    Exchange exchange =
        producer()
            .send(
                endpoint,
                ex -> {
                  ex.getIn().setBody(body);
                  ex.getIn().setHeader(Exchange.FILE_NAME, name);
                });
    if (exchange.getException() != null) {
      throw new RetryableDeliveryException(
          explain(exchange.getException(), "could not write " + name),
          null,
          exchange.getException());
    }
  }

  /**
   * Logs in with the host key checked and lists the directory: what a run needs, and nothing a
   * roster reader would take is written.
   */
  Optional<String> problem() {
    SftpOperations operations = (SftpOperations) endpoint.createRemoteFileOperations();
    try {
      operations.connect(endpoint.getConfiguration(), null);
      operations.listFiles(directory.isEmpty() ? "." : directory);
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(explain(e, "could not list the directory '" + directory + "'"));
    } finally {
      try {
        operations.disconnect();
      } catch (RuntimeException ignored) {
        // already gone
      }
    }
  }

  /** What went wrong, in words an operator can act on. */
  String explain(Throwable failure, String doing) {
    String all = messages(failure);
    if (all.contains("HostKey has been changed") || all.contains("reject HostKey")) {
      return "the SFTP server at "
          + where
          + " did not present the host key in sftp.hostKey ("
          + fingerprint(hostKey)
          + "); nothing was sent. If the insurer replaced its server's key, confirm the new key"
          + " with the insurer before changing sftp.hostKey";
    }
    if (all.contains("Auth fail") || all.contains("Auth cancel")) {
      return "the SFTP server at "
          + where
          + " refused the login of '"
          + username
          + "': check sftp.username and sftp.password or sftp.privateKey";
    }
    if (all.contains("Connection refused")
        || all.contains("timeout")
        || all.contains("UnknownHost")) {
      return "could not reach the SFTP server at " + where + ": " + rootMessage(failure);
    }
    return "the SFTP server at " + where + " " + doing + ": " + rootMessage(failure);
  }

  /** The SHA-256 fingerprint of an OpenSSH public key line, as {@code ssh-keygen -l} shows it. */
  static String fingerprint(String publicKeyLine) {
    try {
      String[] parts = publicKeyLine.strip().split("\\s+");
      byte[] blob = Base64.getDecoder().decode(parts[1]);
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
    } catch (Exception e) {
      return "unreadable key";
    }
  }

  private static String messages(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c).append(' ');
    }
    return all.toString();
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
