package org.docport.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine and build a run measured, recorded with every result. */
final class Environment {

  private Environment() {}

  /**
   * Records the machine, the hub's JVM and the database server as the run found them. {@code
   * memory} is PostgreSQL's {@code shared_buffers} and whether the server got huge pages for them:
   * on a virtual machine whose page faults are dear (8.6 µs per 4 KiB page seen here, against well
   * under 1 µs on bare metal), every backend pays one fault per buffer page it touches for the
   * first time, so a large {@code shared_buffers} on 4 KiB pages slows every search until the
   * pool's connections have touched it all.
   */
  static void describe(
      Report report, List<String> hubJvmArgs, String synchronousCommit, String[] memory) {
    ObjectNode env = report.record("environment");
    env.put("cores", Runtime.getRuntime().availableProcessors());
    env.put("cpu", cpuModel());
    env.put("memory_gib", Math.round(memTotalKib() / 1024.0 / 1024.0 * 10) / 10.0);
    env.put("java", System.getProperty("java.version"));
    env.put("hub_jvm_args", String.join(" ", hubJvmArgs));
    env.put("commit", commit());
    env.put("postgres_synchronous_commit", synchronousCommit);
    env.put("postgres_shared_buffers", memory[0]);
    env.put("postgres_huge_pages", memory[1]);
    report.table(
        new Table("Environment", "what", "value")
            .add("cores", env.get("cores").asText())
            .add("cpu", env.get("cpu").asText())
            .add("memory", env.get("memory_gib").asText() + " GiB")
            .add("java", env.get("java").asText())
            .add("hub JVM args", env.get("hub_jvm_args").asText())
            .add("PostgreSQL synchronous_commit", synchronousCommit)
            .add("PostgreSQL shared_buffers", memory[0])
            .add("PostgreSQL huge pages", hugePages(memory[1]))
            .add(
                "commit",
                env.get("commit").asText() + " (HEAD; the tree may hold uncommitted work)"));
  }

  private static String hugePages(String status) {
    return status.equals("on")
        ? "on"
        : status
            + " (reserve them before the run: sysctl -w vm.nr_hugepages=<shared_buffers / 2 MiB +"
            + " 10 %>; see docs/benchmarks.md)";
  }

  private static String cpuModel() {
    return lines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).strip())
        .findFirst()
        .orElse("unknown");
  }

  private static long memTotalKib() {
    return lines(Path.of("/proc/meminfo")).stream()
        .filter(l -> l.startsWith("MemTotal:"))
        .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
        .findFirst()
        .orElse(0L);
  }

  private static String commit() {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").start();
      String out = new String(git.getInputStream().readAllBytes()).strip();
      return git.waitFor() == 0 ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
