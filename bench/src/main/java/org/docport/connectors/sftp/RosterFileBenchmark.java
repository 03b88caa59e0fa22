package org.docport.connectors.sftp;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.DeliverySubject;
import org.docport.connectors.MappingChoice;
import org.docport.mappings.MappingProfile;
import org.docport.mappings.codes.CodeMap;
import org.docport.mappings.document.RosterRow;
import org.docport.mappings.snapshot.Address;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.ContactPoint;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.Identifier;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.mappings.snapshot.PersonName;
import org.docport.mappings.snapshot.PracticeLocation;
import org.docport.testkit.SftpTestServer;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * How long a full roster of 100,000 doctors takes to build and to upload, against a ceiling
 * measured in the same run: the same bytes written to the same in-process SFTP server with no
 * mapping or CSV work. It drives the roster connector's own pieces ({@link RosterListing}, which
 * maps each doctor as its document with the insurer's code map, {@link RosterFile}, {@link
 * SftpRosterServer}), hence this package; the registry query that lists the doctors is not part of
 * it. The insurer has a code map translating each doctor's specialties. Run on demand ({@code
 * bench/run.sh roster}); nothing here runs in CI.
 *
 * <p>Arguments: {@code --doctors=100000} and {@code --runs=3} (the best run is reported after a
 * warm-up run).
 */
public final class RosterFileBenchmark {

  private static final InsurerContext INSURER =
      new InsurerContext("bench", "Bench Health", null, List.of());

  private static final MappingChoice MAPPING =
      new MappingChoice(MappingProfile.DOCPORT_JSON, CodeMap.of(specialtyMap()));

  private RosterFileBenchmark() {}

  private static ConceptMap specialtyMap() {
    ConceptMap map = new ConceptMap();
    map.setStatus(Enumerations.PublicationStatus.ACTIVE);
    ConceptMap.ConceptMapGroupComponent group = map.addGroup();
    group.setSource("http://nucc.org/provider-taxonomy");
    group.setTarget("https://bench.example/specialties");
    for (String[] code : new String[][] {{"207RC0000X", "CARD"}, {"207R00000X", "GENMED"}}) {
      group
          .addElement()
          .setCode(code[0])
          .addTarget()
          .setCode(code[1])
          .setEquivalence(Enumerations.ConceptMapEquivalence.EQUIVALENT);
    }
    return map;
  }

  public static void main(String[] args) throws Exception {
    int doctors = intFlag(args, "--doctors", 100_000);
    int runs = intFlag(args, "--runs", 3);
    Path root = Files.createTempDirectory("roster-bench");
    Files.createDirectories(root.resolve("rosters"));
    try (SftpTestServer sftp = SftpTestServer.start(root);
        CamelContext camel = new DefaultCamelContext()) {
      camel.start();
      SftpRosterServer server =
          new SftpRosterServer(
              camel,
              ConnectorSettings.sftpRoster(
                  sftp.url("rosters"),
                  new ConnectorSettings.Sftp(
                      SftpTestServer.USER,
                      SftpTestServer.PASSWORD,
                      null,
                      null,
                      sftp.hostKey(),
                      "@daily",
                      null,
                      null,
                      null)));
      System.out.printf(
          "roster file benchmark: %,d synthetic doctors (2 practice locations each), %d runs after"
              + " a warm-up, JVM %s, max heap %d MB%n",
          doctors,
          runs,
          System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() >> 20);
      measure(server, doctors, "warm-up");
      Figures best = null;
      for (int run = 1; run <= runs; run++) {
        Figures f = measure(server, doctors, "run " + run);
        best = best == null || f.total() < best.total() ? f : best;
      }
      System.out.printf(
          "%nbest run: build %.2f s (of which synthetic snapshots %.2f s), upload %.2f s, total"
              + " %.2f s; %,d rows, %.1f MB; peak heap %d MB%n"
              + "ceiling (same bytes, same server, no mapping or CSV): %.2f s; total/ceiling"
              + " %.1fx; build rate %,.0f doctors/s%n",
          best.build,
          best.generate,
          best.upload,
          best.total(),
          best.rows,
          best.bytes / 1e6,
          best.peakHeapMb,
          best.ceiling,
          best.total() / best.ceiling,
          doctors / best.build);
    }
  }

  private record Figures(
      double generate,
      double build,
      double upload,
      double ceiling,
      int rows,
      long bytes,
      long peakHeapMb) {

    double total() {
      return build + upload;
    }
  }

  private static Figures measure(SftpRosterServer server, int doctors, String label)
      throws Exception {
    System.gc();
    long t0 = System.nanoTime();
    long[] sink = {0};
    synthetic(doctors, d -> sink[0] += d.version());
    double generate = seconds(t0);

    System.gc();
    resetPeaks();
    long t1 = System.nanoTime();
    RosterFile.Built built;
    try (RosterFile file = RosterFile.create(RosterColumns.v1())) {
      RosterListing listing = new RosterListing(file, Set.of());
      synthetic(
          doctors, d -> listing.accept(new DeliverySubject(d, INSURER, false, null, MAPPING)));
      built = file.finish();
      double build = seconds(t1);
      long peak = peakHeapMb();

      String name = "bench-" + UUID.randomUUID();
      long t2 = System.nanoTime();
      server.upload(built.path(), name + ".csv");
      server.upload(new byte[512], name + ".manifest.json");
      double upload = seconds(t2);

      // The ceiling: the finished bytes again, to the same server, nothing else to do.
      long t3 = System.nanoTime();
      server.upload(Files.readAllBytes(built.path()), name + "-ceiling.csv");
      double ceiling = seconds(t3);

      Figures f = new Figures(generate, build, upload, ceiling, built.rows(), built.bytes(), peak);
      System.out.printf(
          Locale.ROOT,
          "%-8s build %.2f s, upload %.2f s, ceiling %.2f s, %,d rows, %.1f MB, peak heap %d MB%n",
          label,
          build,
          upload,
          ceiling,
          built.rows(),
          built.bytes() / 1e6,
          peak);
      return f;
    }
  }

  /** Deterministic synthetic doctors, made as they are consumed so none are held. */
  private static void synthetic(int count, Consumer<DoctorSnapshot> each) {
    for (int i = 0; i < count; i++) {
      UUID id = new UUID(0x5eedL, i);
      each.accept(
          new DoctorSnapshot(
              id,
              1L + (i % 7),
              true,
              new PersonName("Family" + i, List.of("Given" + i, "M."), "Dr.", null),
              i % 2 == 0 ? "female" : "male",
              List.of(
                  new Identifier(
                      RosterRow.NPI_SYSTEM,
                      String.valueOf(1_000_000_000L + i),
                      "NPI",
                      null,
                      null,
                      null,
                      null),
                  new Identifier(
                      "https://nmc.org.in/registration",
                      "KA-" + i,
                      "MD",
                      "Karnataka Medical Council",
                      "KA",
                      null,
                      null)),
              List.of(),
              List.of(
                  new Coding("http://nucc.org/provider-taxonomy", "207RC0000X", "Cardiology"),
                  new Coding("http://nucc.org/provider-taxonomy", "207R00000X", "Internal")),
              List.of("en"),
              List.of(
                  new ContactPoint("phone", "+91 80 4000 " + (1000 + i % 9000), "work"),
                  new ContactPoint("email", "doctor" + i + "@example.org", "work")),
              List.of(location(i, 1), location(i, 2)),
              List.of(),
              List.of()));
    }
  }

  private static PracticeLocation location(int doctor, int n) {
    return new PracticeLocation(
        "loc-" + n,
        "Clinic " + doctor + ", branch " + n,
        new Address(
            List.of(n + " Main Road", "Ward " + (doctor % 200)),
            "Bengaluru",
            null,
            "KA",
            "5600" + (10 + doctor % 90),
            "IN"),
        null,
        null);
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeapMb() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum()
        >> 20;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static int intFlag(String[] args, String name, int otherwise) {
    for (String arg : args) {
      if (arg.startsWith(name + "=")) {
        return Integer.parseInt(arg.substring(name.length() + 1));
      }
    }
    return otherwise;
  }
}
