package org.docport.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged hub ({@code hub-*-exec.jar}) as a child process, the way it runs in production:
 * started, killed with SIGKILL, started again.
 */
public final class HubProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private HubProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the hub jar on {@code port} with the given environment and waits until its change
   * capture is running.
   */
  public static HubProcess start(
      Path jar, int port, Map<String, String> env, Path log, List<String> jvmArgs) {
    return start(jar, port, env, log, jvmArgs, true);
  }

  /**
   * Starts the hub jar and waits until it serves requests and, if {@code capturing}, until its
   * change capture runs (a standby replica never does).
   */
  public static HubProcess start(
      Path jar,
      int port,
      Map<String, String> env,
      Path log,
      List<String> jvmArgs,
      boolean capturing) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      HubProcess hub = new HubProcess(builder.start(), port, log);
      hub.awaitHealth(capturing ? "\"CAPTURING\"" : "\"changeCapture\"", Duration.ofSeconds(120));
      return hub;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The hub jar the build packaged ({@code docport.hub.jar}, which Failsafe sets), on {@code db},
   * with an operator account of {@code operatorPassword}: how the process-level tests start the
   * hub. Add settings, then {@link Packaged#start}.
   */
  public static Packaged packaged(TestDatabase db, String operatorPassword) {
    return new Packaged(db, operatorPassword);
  }

  /** The packaged hub about to be started: its settings, heap and whether it captures changes. */
  public static final class Packaged {

    private final TestDatabase db;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private String maxHeap = "512m";
    private boolean capturing = true;

    private Packaged(TestDatabase db, String operatorPassword) {
      this.db = db;
      settings.put("DOCPORT_OPERATOR_PASSWORD", operatorPassword);
    }

    /** One more environment variable of the hub ({@code DOCPORT_DELIVERY_LEASE=6s}). */
    public Packaged with(String variable, String value) {
      settings.put(variable, value);
      return this;
    }

    /** {@code -Xmx}, 512m unless told. */
    public Packaged maxHeap(String size) {
      this.maxHeap = size;
      return this;
    }

    /** A standby replica: wait until it serves requests, not until its change capture runs. */
    public Packaged standby() {
      this.capturing = false;
      return this;
    }

    /** Starts it on {@code port}, appending its output to {@code log}, and waits until ready. */
    public HubProcess start(int port, Path log) {
      return HubProcess.start(
          Path.of(System.getProperty("docport.hub.jar")),
          port,
          db.hubEnvironment(settings),
          log,
          List.of("-Xmx" + maxHeap),
          capturing);
    }
  }

  /** A TCP port nobody listens on right now. */
  public static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public long pid() {
    return process.pid();
  }

  /** Resident memory of the hub process, from /proc. */
  public long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
      throw new IllegalStateException("no VmRSS for " + pid());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL: no shutdown hooks, no flushing, nothing. */
  public void kill9() {
    try {
      new ProcessBuilder("kill", "-9", String.valueOf(pid())).inheritIO().start().waitFor();
      process.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitHealth(String expected, Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("hub exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.body().contains(expected)) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      awaitExit(Duration.ofMillis(200));
    }
    throw new IllegalStateException("hub not ready within " + timeout + "; see " + log);
  }

  /** Waits for the process to exit, at most {@code timeout}. */
  private void awaitExit(Duration timeout) {
    try {
      process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
