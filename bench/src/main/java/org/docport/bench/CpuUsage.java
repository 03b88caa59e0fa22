package org.docport.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where CPU time goes between two moments, from /proc: the hub process, PostgreSQL (postmaster and
 * its backends, including exited ones), the insurer simulators (their Tomcat threads in this JVM)
 * and the rest of this JVM (load client, GC, JIT), and whatever else kept the machine busy (from
 * /proc/stat: another build or test run shares the cores). Thread names are the first 15 characters
 * of the Java thread name, which Linux keeps as the thread's comm.
 */
final class CpuUsage {

  /** Cumulative CPU ticks at one moment. */
  record Snapshot(
      long nanos,
      long hub,
      long postgres,
      long benchProcess,
      long machineBusy,
      Map<Long, ThreadTicks> hubThreads,
      Map<Long, ThreadTicks> benchThreads,
      Map<Long, ThreadTicks> postgresProcesses) {}

  record ThreadTicks(String name, long ticks) {}

  /** CPU seconds spent by one thing, and as a share of one core over the interval. */
  record Share(String name, double cpuSeconds, double percentOfCore) {}

  /**
   * The CPU use between two snapshots.
   *
   * @param hubJitSeconds the hub's JIT compiler threads, however small a share (they may miss
   *     {@code hubThreads}' top ten)
   */
  record Breakdown(
      double wallSeconds, List<Share> processes, List<Share> hubThreads, double hubJitSeconds) {}

  private static final long TICKS_PER_SECOND = clockTicks();

  /** HotSpot's JIT compiler threads ("C2 CompilerThread0" and "C1 CompilerThre", as grouped). */
  private static final String JIT_THREADS = "C# CompilerThre";

  private final long hubPid;
  private final long postmasterPid;
  private final Map<String, String> benchGroups;

  CpuUsage(long hubPid, long postmasterPid) {
    this(hubPid, postmasterPid, Map.of());
  }

  /**
   * @param benchGroups more groups of this JVM's threads: thread-name prefix to the group's name,
   *     looked at before the built-in ones (e.g. a Tomcat of the scenario's own, by its port)
   */
  CpuUsage(long hubPid, long postmasterPid, Map<String, String> benchGroups) {
    this.hubPid = hubPid;
    this.postmasterPid = postmasterPid;
    this.benchGroups = Map.copyOf(benchGroups);
  }

  Snapshot snapshot() {
    Map<Long, ThreadTicks> postgres = postgresProcesses();
    // PostgreSQL: the postmaster with its reaped children, and its live children.
    long postgresTicks =
        ticks(Path.of("/proc", String.valueOf(postmasterPid), "stat"), true)
            + postgres.values().stream().mapToLong(ThreadTicks::ticks).sum();
    return new Snapshot(
        System.nanoTime(),
        ticks(Path.of("/proc", String.valueOf(hubPid), "stat"), false),
        postgresTicks,
        ticks(Path.of("/proc", "self", "stat"), false),
        machineBusyTicks(),
        threads(hubPid),
        threads(ProcessHandle.current().pid()),
        postgres);
  }

  Breakdown between(Snapshot from, Snapshot to) {
    double wall = (to.nanos() - from.nanos()) / 1e9;
    Map<String, Long> bench = new LinkedHashMap<>();
    benchGroups.values().forEach(group -> bench.put(group, 0L));
    bench.put("insurer sims (Tomcat threads)", 0L);
    bench.put("stub insurer (memory scenario)", 0L);
    bench.put("bench JVM (load client, GC, JIT)", 0L);
    delta(from.benchThreads(), to.benchThreads())
        .forEach((name, ticks) -> bench.merge(benchGroup(name), ticks, Long::sum));
    List<Share> processes = new ArrayList<>();
    processes.add(share("hub (child JVM)", to.hub() - from.hub(), wall));
    processes.add(share("postgres (all backends)", to.postgres() - from.postgres(), wall));
    processes.addAll(postgresRoles(from, to, wall));
    bench.forEach((name, ticks) -> processes.add(share(name, ticks, wall)));
    long ours =
        (to.hub() - from.hub())
            + (to.postgres() - from.postgres())
            + (to.benchProcess() - from.benchProcess());
    processes.add(
        share(
            "other processes on the machine (not this benchmark)",
            Math.max(0, to.machineBusy() - from.machineBusy() - ours),
            wall));
    Map<String, Long> hubGroups = new HashMap<>();
    delta(from.hubThreads(), to.hubThreads())
        .forEach((name, ticks) -> hubGroups.merge(group(name), ticks, Long::sum));
    List<Share> hubThreads =
        hubGroups.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(10)
            .map(e -> share(e.getKey(), e.getValue(), wall))
            .toList();
    long jit =
        hubGroups.entrySet().stream()
            .filter(e -> e.getKey().startsWith(JIT_THREADS))
            .mapToLong(Map.Entry::getValue)
            .sum();
    return new Breakdown(wall, processes, hubThreads, (double) jit / TICKS_PER_SECOND);
  }

  /**
   * PostgreSQL's time by the role of each live process, from its process title, and what is left:
   * processes that exited in between and the postmaster itself.
   */
  private static List<Share> postgresRoles(Snapshot from, Snapshot to, double wall) {
    Map<String, Long> roles = new LinkedHashMap<>();
    delta(from.postgresProcesses(), to.postgresProcesses()).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> roles.put(e.getKey(), e.getValue()));
    long live = roles.values().stream().mapToLong(Long::longValue).sum();
    roles.put("exited processes, postmaster", Math.max(0, to.postgres() - from.postgres() - live));
    List<Share> shares = new ArrayList<>();
    roles.forEach((role, ticks) -> shares.add(share("  postgres: " + role, ticks, wall)));
    return shares;
  }

  /** Per-thread tick deltas, keyed by thread name (threads of one name summed). */
  private static Map<String, Long> delta(Map<Long, ThreadTicks> from, Map<Long, ThreadTicks> to) {
    Map<String, Long> byName = new HashMap<>();
    to.forEach(
        (tid, now) -> {
          ThreadTicks before = from.get(tid);
          long spent = now.ticks() - (before == null ? 0 : before.ticks());
          byName.merge(now.name(), spent, Long::sum);
        });
    return byName;
  }

  private String benchGroup(String name) {
    for (Map.Entry<String, String> group : benchGroups.entrySet()) {
      if (name.startsWith(group.getKey())) {
        return group.getValue();
      }
    }
    if (isSimThread(name)) {
      return "insurer sims (Tomcat threads)";
    }
    return name.startsWith("stub-insurer")
        ? "stub insurer (memory scenario)"
        : "bench JVM (load client, GC, JIT)";
  }

  /**
   * The simulators' embedded Tomcats are the only HTTP servers in this JVM; the load client uses
   * the JDK's HttpClient and HAPI's client, whose threads are named otherwise.
   */
  private static boolean isSimThread(String name) {
    return name.startsWith("http-nio-");
  }

  /** Thread pools number their threads; the group is the name without the numbers. */
  private static String group(String name) {
    return name.replaceAll("\\d+", "#");
  }

  private static Share share(String name, long ticks, double wall) {
    double seconds = (double) ticks / TICKS_PER_SECOND;
    return new Share(name, seconds, wall > 0 ? 100 * seconds / wall : 0);
  }

  /** The postmaster's live children, each named by its role ({@link #role}). */
  private Map<Long, ThreadTicks> postgresProcesses() {
    Map<Long, ThreadTicks> children = new HashMap<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        String[] fields = fields(proc.resolve("stat"));
        if (fields != null && Long.parseLong(fields[1]) == postmasterPid) {
          String title = read(proc.resolve("cmdline"));
          children.put(
              Long.parseLong(proc.getFileName().toString()),
              new ThreadTicks(
                  role(title == null ? "" : title),
                  Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
        }
      }
    } catch (IOException e) {
      // /proc unreadable: the postmaster's own figure only
    }
    return children;
  }

  /**
   * What a PostgreSQL process does, from the title it sets ("postgres: walwriter", "postgres: user
   * db 127.0.0.1(5432) idle"): a connection's title starts with its user, every other role is
   * named.
   */
  static String role(String cmdline) {
    String title = cmdline.replace('\0', ' ').strip().replaceFirst("^postgres:\\s*", "");
    if (title.startsWith("walsender")) {
      return "walsender (change capture)";
    }
    if (title.startsWith("autovacuum worker")) {
      return "autovacuum workers";
    }
    for (String named :
        List.of(
            "checkpointer",
            "background writer",
            "walwriter",
            "autovacuum launcher",
            "logical replication launcher",
            "stats collector")) {
      if (title.startsWith(named)) {
        return named;
      }
    }
    return "connections (hub and benchmark)";
  }

  /**
   * The machine's busy time (all CPUs) from the first line of /proc/stat: user, nice, system, irq,
   * softirq and steal, in the same clock ticks as a process's times.
   */
  private static long machineBusyTicks() {
    String text = read(Path.of("/proc", "stat"));
    if (text == null) {
      return 0;
    }
    String[] f = text.lines().findFirst().orElse("").trim().split("\\s+");
    if (f.length < 9) {
      return 0;
    }
    return Long.parseLong(f[1])
        + Long.parseLong(f[2])
        + Long.parseLong(f[3])
        + Long.parseLong(f[6])
        + Long.parseLong(f[7])
        + Long.parseLong(f[8]);
  }

  private static Map<Long, ThreadTicks> threads(long pid) {
    Map<Long, ThreadTicks> threads = new HashMap<>();
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path task : tasks) {
        String stat = read(task.resolve("stat"));
        if (stat == null) {
          continue;
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        threads.put(
            Long.parseLong(task.getFileName().toString()),
            new ThreadTicks(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
      }
    } catch (IOException e) {
      // the process is gone
    }
    return threads;
  }

  /** utime + stime, plus the reaped children's time when {@code withChildren}. */
  private static long ticks(Path stat, boolean withChildren) {
    String[] fields = fields(stat);
    if (fields == null) {
      return 0;
    }
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    if (withChildren) {
      ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }
    return ticks;
  }

  /** The fields after the command name: [0] state, [1] ppid, [11] utime, [12] stime, ... */
  private static String[] fields(Path stat) {
    String text = read(stat);
    return text == null ? null : text.substring(text.lastIndexOf(')') + 2).split(" ");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return null;
    }
  }

  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes()).strip();
      getconf.waitFor();
      return Long.parseLong(out);
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
