package org.docport.bench;

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

  private BenchStack() {}

  static BenchStack start(Options options, String scenario, String stamp) {
    Path jar = Path.of(options.string("hub-jar", "hub/target/hub-0.1.0-SNAPSHOT-exec.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no hub jar at " + jar.toAbsolutePath() + "; build it first");
    }
    BenchStack stack = new BenchStack();
    try {
      stack.db = TestDatabase.start();
      for (String suffix : List.of("a", "b", "c")) {
        stack.insurers.add(new Insurer("ins-" + suffix, InsurerServer.start(0)));
      }
      Path logs = Files.createDirectories(Path.of("bench", "target", "logs"));
      stack.hubLog = logs.resolve("hub-" + scenario + "-" + stamp + ".log");
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
              Map.of(
                  "DOCPORT_DB_URL",
                  stack.db.jdbcUrl(),
                  "DOCPORT_DB_USER",
                  TestDatabase.USER,
                  "DOCPORT_DB_PASSWORD",
                  TestDatabase.PASSWORD,
                  "DOCPORT_OPERATOR_PASSWORD",
                  OPERATOR_PASSWORD),
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

  private void register(Insurer insurer) {
    String letter = insurer.id().substring(insurer.id().length() - 1).toUpperCase();
    var body = HubClient.json().createObjectNode();
    body.put("id", insurer.id());
    body.put("name", "Insurer " + letter);
    body.putObject("identifier").put("system", "urn:docport:bench:insurer").put("value", letter);
    body.putArray("networks").addObject().put("id", NETWORK_ID).put("name", "Gold " + letter);
    body.putObject("connector").put("kind", "fhir-rest").put("baseUrl", insurer.server().baseUrl());
    api.post("/api/operator/insurers", body).expect(201);
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
  public void close() {
    if (hub != null) {
      hub.close();
    }
    insurers.forEach(i -> i.server().close());
    if (db != null) {
      db.close();
    }
  }
}
