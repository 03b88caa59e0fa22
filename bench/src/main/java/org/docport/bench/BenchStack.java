package org.docport.bench;

import static org.docport.bench.Benchmarks.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.docport.insurersim.InsurerServer;
import org.docport.testkit.HubClient;
import org.docport.testkit.HubProcess;
import org.docport.testkit.TestDatabase;

/**
 * What every scenario runs against: a fresh PostgreSQL, three insurer simulators in this JVM, the
 * packaged hub as a child process, and the three insurers registered with the hub.
 */
final class BenchStack implements AutoCloseable {

  static final String OPERATOR_PASSWORD = "bench-operator-secret";
  static final String NETWORK_ID = "gold";

  /** A registered insurer and the simulator playing it. */
  record Insurer(String id, InsurerServer server) {}

  private TestDatabase db;
  private final List<Insurer> insurers = new ArrayList<>();
  private HubProcess hub;
  private HubClient api;
  private Path hubLog;
  private List<String> hubJvmArgs;
  private String synchronousCommit;
  private boolean statementStats;
  private boolean closed;

  private BenchStack() {}

  /**
   * Has PostgreSQL log the plan, with actual times and buffers, of every statement that runs longer
   * than {@code millis}, into {@code bench/target/logs/pg-<stamp>/} (auto_explain).
   */
  private static void explainSlowStatements(
      Map<String, String> settings, String millis, String stamp) throws IOException {
    Path directory =
        Files.createDirectories(Path.of("bench", "target", "logs", "pg-" + stamp)).toAbsolutePath();
    preload(settings, "auto_explain");
    settings.put("auto_explain.log_min_duration", millis);
    settings.put("auto_explain.log_analyze", "on");
    settings.put("auto_explain.log_buffers", "on");
    settings.put("auto_explain.log_nested_statements", "on");
    settings.put("logging_collector", "on");
    settings.put("log_directory", directory.toString());
    log("plans of statements over %s ms: %s", millis, directory);
  }

  /**
   * Adds a library to those PostgreSQL loads at start (it cannot load them later), once however
   * many settings ask for it.
   */
  static void preload(Map<String, String> settings, String library) {
    String preloaded = settings.getOrDefault("shared_preload_libraries", "");
    if (!List.of(preloaded.split(",")).contains(library)) {
      settings.put(
          "shared_preload_libraries", preloaded.isEmpty() ? library : preloaded + "," + library);
    }
  }

  static BenchStack start(Options options, Scenario scenario, String stamp) {
    Path jar = Path.of(options.string("hub-jar", "hub/target/hub-0.1.0-SNAPSHOT-exec.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no hub jar at " + jar.toAbsolutePath() + "; build it first");
    }
    BenchStack stack = new BenchStack();
    try {
      // PostgreSQL's default shared_buffers (128 MB) unless told otherwise, as runs before had it.
      Map<String, String> settings = new HashMap<>(scenario.databaseSettings());
      settings.put("shared_buffers", options.string("shared-buffers", "128MB"));
      String explainOver = options.string("explain-over", "");
      if (!explainOver.isEmpty()) {
        explainSlowStatements(settings, explainOver, stamp);
      }
      for (String setting : options.string("pg-settings", "").split(",")) {
        if (!setting.isBlank()) {
          String[] nameValue = setting.split("=", 2);
          if (nameValue.length != 2 || nameValue[0].isBlank()) {
            throw new IllegalArgumentException(
                "--pg-settings: name=value pairs separated by commas, got '" + setting + "'");
          }
          settings.put(nameValue[0].strip(), nameValue[1].strip());
        }
      }
      stack.statementStats = options.string("statement-stats", "off").equals("on");
      if (stack.statementStats) {
        StatementStats.preload(settings);
      }
      stack.db = TestDatabase.start(settings);
      if (stack.statementStats) {
        StatementStats.install(stack.db);
      }
      stack.synchronousCommit = options.string("synchronous-commit", "on");
      stack.setSynchronousCommit(stack.synchronousCommit);
      for (String suffix : List.of("a", "b", "c")) {
        stack.insurers.add(new Insurer("ins-" + suffix, InsurerServer.start(0)));
      }
      Path logs = Files.createDirectories(Path.of("bench", "target", "logs"));
      stack.hubLog = logs.resolve("hub-" + scenario.name() + "-" + stamp + ".log");
      List<String> jvmArgs = new ArrayList<>();
      jvmArgs.add("-Xmx" + options.string("hub-xmx", "768m"));
      jvmArgs.add("-XX:+ExitOnOutOfMemoryError");
      String extra = options.string("hub-jvm-args", "").strip();
      if (!extra.isEmpty()) {
        jvmArgs.addAll(List.of(extra.split("\\s+")));
      }
      stack.hubJvmArgs = List.copyOf(jvmArgs);
      int port = freePort();
      stack.hub =
          HubProcess.start(
              jar,
              port,
              stack.db.hubEnvironment(Map.of("DOCPORT_OPERATOR_PASSWORD", OPERATOR_PASSWORD)),
              stack.hubLog,
              stack.hubJvmArgs);
      stack.api = new HubClient(stack.hub.baseUrl(), "operator", OPERATOR_PASSWORD);
      stack.insurers.forEach(stack::register);
      return stack;
    } catch (IOException e) {
      stack.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  /**
   * Sets {@code synchronous_commit} for every session of the benchmark's database: {@code on} (the
   * default, as the hub's own embedded PostgreSQL and production servers run) or {@code off}, under
   * which a commit reaches the WAL (and so change capture) only when the WAL writer next flushes,
   * up to {@code wal_writer_delay} (200 ms) later.
   */
  private void setSynchronousCommit(String value) {
    if (!value.equals("on") && !value.equals("off")) {
      throw new IllegalArgumentException("--synchronous-commit must be on or off");
    }
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("alter database " + TestDatabase.DATABASE + " set synchronous_commit = " + value);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  String synchronousCommit() {
    return synchronousCommit;
  }

  /** The server's {@code shared_buffers} and {@code huge_pages_status} (on, off or unknown). */
  String[] memory() {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "select current_setting('shared_buffers'),"
                    + " current_setting('huge_pages_status')")) {
      rows.next();
      return new String[] {rows.getString(1), rows.getString(2)};
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void register(Insurer insurer) {
    registerInsurer(insurer.id(), insurer.server().baseUrl());
  }

  /** Registers an insurer with one network and a fhir-rest connector to {@code baseUrl}. */
  void registerInsurer(String id, String baseUrl) {
    registerInsurer(id, baseUrl, false);
  }

  /** Like {@link #registerInsurer(String, String)}; {@code autoAccept} accepts every doctor. */
  void registerInsurer(String id, String baseUrl, boolean autoAccept) {
    registerInsurer(
        id,
        HubClient.json().createObjectNode().put("kind", "fhir-rest").put("baseUrl", baseUrl),
        autoAccept);
  }

  /**
   * Registers an insurer with one network and {@code connector} (the operator API's connector
   * settings, of any kind).
   */
  void registerInsurer(String id, ObjectNode connector, boolean autoAccept) {
    String letter = id.substring(id.indexOf('-') + 1).toUpperCase();
    var body = HubClient.json().createObjectNode();
    body.put("id", id);
    body.put("name", "Insurer " + letter);
    body.putObject("identifier").put("system", "urn:docport:bench:insurer").put("value", letter);
    body.putArray("networks").addObject().put("id", NETWORK_ID).put("name", "Gold " + letter);
    body.set("connector", connector);
    body.putObject("enrolment").put("autoAccept", autoAccept);
    api.post("/api/operator/insurers", body).expect(201);
  }

  /** Stops delivery to the insurer (changes queue up) until {@link #resume}. */
  void pause(String insurerId) {
    api.post("/api/operator/insurers/" + insurerId + "/pause", "{}").expect(200);
  }

  void resume(String insurerId) {
    api.post("/api/operator/insurers/" + insurerId + "/resume", "{}").expect(200);
  }

  /**
   * Whether PostgreSQL counts its statements ({@code --statement-stats=on}; {@link
   * StatementStats}).
   */
  boolean statementStats() {
    return statementStats;
  }

  TestDatabase db() {
    return db;
  }

  List<Insurer> insurers() {
    return insurers;
  }

  HubProcess hub() {
    return hub;
  }

  HubClient api() {
    return api;
  }

  Path hubLog() {
    return hubLog;
  }

  List<String> hubJvmArgs() {
    return hubJvmArgs;
  }

  /** The pid of the PostgreSQL postmaster, from its data directory. */
  long postmasterPid() {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show data_directory")) {
      rs.next();
      Path pidFile = Path.of(rs.getString(1), "postmaster.pid");
      return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (hub != null) {
      hub.close();
    }
    insurers.forEach(i -> i.server().close());
    if (db != null) {
      db.close();
    }
  }
}
