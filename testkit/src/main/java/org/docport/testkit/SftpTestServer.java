package org.docport.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An insurer's SFTP server in this process (Apache MINA SSHD on loopback): a directory of the
 * test's as the SFTP root, a host key generated for the run, one user who logs in with a password
 * or a registered public key, and a record of what clients did to files (opened for writing,
 * closed, renamed), so a test can tell whether a reader could ever have seen a file half written.
 * It can be stopped and started again on the same port, and told to refuse writes, to act out an
 * outage.
 */
public final class SftpTestServer implements AutoCloseable {

  public static final String USER = "insurer";
  public static final String PASSWORD = "roster-secret";

  /** What a client did to a file, as the server saw it; paths are relative to the SFTP root. */
  public record FileEvent(String action, String path, String target) {

    @Override
    public String toString() {
      return target == null ? action + " " + path : action + " " + path + " -> " + target;
    }
  }

  private final Path root;
  private final KeyPair hostKey;
  private final Set<PublicKey> authorizedKeys = ConcurrentHashMap.newKeySet();
  private final List<FileEvent> events = new CopyOnWriteArrayList<>();
  private volatile boolean refusingWrites;
  private int port;
  private SshServer server;

  private SftpTestServer(Path root) {
    this.root = root;
    this.hostKey = newKeyPair();
  }

  /** Starts a server on a free loopback port serving {@code root}. */
  public static SftpTestServer start(Path root) {
    SftpTestServer s = new SftpTestServer(root);
    s.startOn(0);
    return s;
  }

  private void startOn(int wantedPort) {
    SshServer sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(wantedPort);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    sshd.setPasswordAuthenticator((user, password, session) -> login(user, password));
    sshd.setPublickeyAuthenticator(
        (user, key, session) ->
            USER.equals(user)
                && authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
    SftpSubsystemFactory sftp = new SftpSubsystemFactory();
    sftp.addSftpEventListener(new Recorder());
    sshd.setSubsystemFactories(List.of(sftp));
    sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
    try {
      sshd.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.server = sshd;
    this.port = sshd.getPort();
  }

  private static boolean login(String user, String password) {
    return USER.equals(user) && PASSWORD.equals(password);
  }

  /** Lets the holder of {@code key}'s private half log in as {@link #USER}. */
  public void authorize(PublicKey key) {
    authorizedKeys.add(key);
  }

  public int port() {
    return port;
  }

  /** The directory served as the SFTP root. */
  public Path root() {
    return root;
  }

  /** The server's public host key as an OpenSSH line, e.g. {@code ecdsa-sha2-nistp256 AAAA...}. */
  public String hostKey() {
    return PublicKeyEntry.toString(hostKey.getPublic());
  }

  /** A public host key of another server, in the same format: what a wrong setting looks like. */
  public static String someOtherHostKey() {
    return PublicKeyEntry.toString(newKeyPair().getPublic());
  }

  /** The base URL of a directory under the root, as an insurer's settings name it. */
  public String url(String directory) {
    return "sftp://127.0.0.1:" + port + "/" + directory;
  }

  public List<FileEvent> events() {
    return List.copyOf(events);
  }

  public void clearEvents() {
    events.clear();
  }

  /** While true, every attempt to open a file for writing fails, as on a full or broken disk. */
  public void refuseWrites(boolean refuse) {
    this.refusingWrites = refuse;
  }

  /** Stops listening: connections are refused until {@link #restart()}. */
  public void stop() {
    try {
      server.stop(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Listens again on the same port, with the same host key. */
  public void restart() {
    startOn(port);
  }

  /** {@link #restart()} unless it is listening: a test that stopped it leaves it stopped. */
  public void restartIfStopped() {
    if (!server.isStarted()) {
      restart();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private final class Recorder implements SftpEventListener {

    @Override
    public void opening(ServerSession session, String remoteHandle, Handle local)
        throws IOException {
      if (refusingWrites && local instanceof FileHandle file && writes(file)) {
        throw new IOException("the insurer's server refuses writes (test)");
      }
    }

    @Override
    public void open(ServerSession session, String remoteHandle, Handle local) {
      if (local instanceof FileHandle file && writes(file)) {
        events.add(new FileEvent("write", relative(local.getFile()), null));
      }
    }

    @Override
    public void closed(ServerSession session, String remoteHandle, Handle local, Throwable t) {
      if (local instanceof FileHandle file && writes(file)) {
        events.add(new FileEvent("closed", relative(local.getFile()), null));
      }
    }

    @Override
    public void moved(
        ServerSession session,
        Path source,
        Path target,
        Collection<java.nio.file.CopyOption> opts,
        Throwable thrown) {
      if (thrown == null) {
        events.add(new FileEvent("renamed", relative(source), relative(target)));
      }
    }

    private boolean writes(FileHandle file) {
      return file.getOpenOptions().stream()
          .anyMatch(
              o ->
                  o == java.nio.file.StandardOpenOption.WRITE
                      || o == java.nio.file.StandardOpenOption.APPEND);
    }

    private String relative(Path path) {
      List<String> parts = new ArrayList<>();
      path.forEach(p -> parts.add(p.toString()));
      return String.join("/", parts);
    }
  }
}
