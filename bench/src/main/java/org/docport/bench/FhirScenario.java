package org.docport.bench;

import static org.docport.bench.Benchmarks.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.docport.bench.DirectorySeed.City;
import org.docport.bench.DirectorySeed.Projected;
import org.docport.bench.DirectorySeed.ProjectedRole;
import org.docport.bench.DirectorySeed.Specialty;
import org.docport.testkit.HubClient;
import org.docport.testkit.TestDatabase;

/**
 * The insurer-facing FHIR API under load (issue 7, item 11): {@code --doctors} doctors consented to
 * one insurer and projected into its directory view, then {@code --clients} closed-loop clients
 * with SMART access tokens read Practitioners by id and search {@code
 * PractitionerRole?specialty=...&location.address-city=...&_include=PractitionerRole:practitioner};
 * then the same reads against a bare HAPI server in this JVM serving the same Practitioners from a
 * map, as the ceiling. Each load runs alone, after a warm-up.
 */
final class FhirScenario implements Scenario {

  private static final String SCOPE = "system/*.read";

  @Override
  public String name() {
    return "fhir";
  }

  @Override
  public Map<String, String> databaseSettings() {
    return StatementProfile.SETTINGS;
  }

  @Override
  public void run(BenchStack stack, Options options, Report report) throws Exception {
    int doctorCount = options.integer("doctors", 100_000);
    int clients = options.integer("clients", 16);
    Duration duration = options.duration("duration", Duration.ofSeconds(60));
    Duration warmup = options.duration("warmup", Duration.ofSeconds(10));
    String insurerId = stack.insurers().get(0).id();
    // Only the projection and the API are measured: pushes to the insurer wait in its queue.
    stack.pause(insurerId);

    List<Projected> practitioners =
        seed(stack, report, doctorCount, options.integer("batch", 2_000), insurerId, options);
    List<String> ids = practitioners.stream().map(Projected::id).toList();
    SmartTokens tokens = SmartTokens.register(stack.api(), insurerId);
    String hubFhir = stack.hub().baseUrl() + "/fhir";
    describeSearch(report, hubFhir, tokens.accessToken(SCOPE));
    CpuUsage hubCpu = new CpuUsage(stack.hub().pid(), stack.postmasterPid());
    StatementProfile statements = StatementProfile.on(stack.db());
    long disclosuresBefore = disclosures(stack.db());
    statements.reset();

    log(
        "hub: %d clients reading Practitioners by id for %s after %s warm-up",
        clients, duration, warmup);
    ClosedLoop.Result read =
        ClosedLoop.run(
            "hub GET /fhir/Practitioner/{id}",
            clients,
            warmup,
            duration,
            new ClosedLoop.Requests(r -> readUri(hubFhir, ids, r), () -> tokens.accessToken(SCOPE)),
            hubCpu);
    log("hub read: %.0f req/s, p99 %.1f ms", read.perSecond(), read.latencies().millisAt(99));
    long readAnswers = disclosures(stack.db()) - disclosuresBefore;
    statements.add(report, "the reads (warm-up included)", readAnswers);
    statements.reset();
    log("hub: %d clients searching by specialty and city", clients);
    ClosedLoop.Result search =
        ClosedLoop.run(
            "hub PractitionerRole search",
            clients,
            warmup,
            duration,
            new ClosedLoop.Requests(r -> searchUri(hubFhir, r), () -> tokens.accessToken(SCOPE)),
            hubCpu);
    log("hub search: %.0f req/s, p99 %.1f ms", search.perSecond(), search.latencies().millisAt(99));
    long audited = disclosures(stack.db()) - disclosuresBefore;
    statements.add(report, "the searches (warm-up included)", audited - readAnswers);

    List<ProjectedRole> roles = DirectorySeed.roles(stack.db(), insurerId);
    log(
        "bare HAPI server: loading %d Practitioners and %d PractitionerRoles into maps",
        practitioners.size(), roles.size());
    ClosedLoop.Result bare;
    ClosedLoop.Result bareSearch;
    try (BareFhirServer server = BareFhirServer.start(practitioners, roles)) {
      compareAnswers(report, hubFhir, tokens.accessToken(SCOPE), server.baseUrl());
      CpuUsage bareCpu =
          new CpuUsage(
              stack.hub().pid(),
              stack.postmasterPid(),
              Map.of("http-nio-" + server.port(), "bare HAPI server (Tomcat threads)"));
      bare =
          ClosedLoop.run(
              "bare HAPI GET /fhir/Practitioner/{id}",
              clients,
              warmup,
              duration,
              new ClosedLoop.Requests(r -> readUri(server.baseUrl(), ids, r), null),
              bareCpu);
      log("bare read: %.0f req/s, p99 %.1f ms", bare.perSecond(), bare.latencies().millisAt(99));
      bareSearch =
          ClosedLoop.run(
              "bare HAPI PractitionerRole search",
              clients,
              warmup,
              duration,
              new ClosedLoop.Requests(r -> searchUri(server.baseUrl(), r), null),
              bareCpu);
      log(
          "bare search: %.0f req/s, p99 %.1f ms",
          bareSearch.perSecond(), bareSearch.latencies().millisAt(99));
    }
    summarize(report, read, search, bare, bareSearch, audited);
  }

  /** Answers recorded in the FHIR API's audit (one row per answer that carried a doctor's data). */
  private static long disclosures(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        var rows = c.createStatement().executeQuery("select count(*) from disclosure")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private List<Projected> seed(
      BenchStack stack, Report report, int count, int batch, String insurerId, Options options)
      throws Exception {
    int viaApi = DirectorySeed.createThroughApi(stack.api(), insurerId);
    log(
        "%d doctors created through the API (one per specialty); bulk-inserting %d more",
        viaApi, count - viaApi);
    CpuUsage cpu = new CpuUsage(stack.hub().pid(), stack.postmasterPid());
    CpuUsage.Snapshot before = cpu.snapshot();
    long start = System.nanoTime();
    DirectorySeed.bulkInsert(stack.db(), viaApi, count, batch, insurerId);
    double insertSeconds = (System.nanoTime() - start) / 1e9;
    log("inserted in %.1f s; waiting for the directory projection", insertSeconds);
    Map<String, Integer> active =
        DirectorySeed.awaitProjected(
            stack.db(), insurerId, count, options.duration("timeout", Duration.ofMinutes(30)));
    double projectedSeconds = (System.nanoTime() - start) / 1e9;
    CpuUsage.Snapshot after = cpu.snapshot();
    DirectorySeed.vacuumAnalyze(stack.db());
    List<Projected> practitioners = DirectorySeed.practitioners(stack.db(), insurerId);
    log(
        "all %d projected %.1f s after the first insert (%.0f doctors/s)",
        practitioners.size(), projectedSeconds, count / projectedSeconds);
    report.table(
        new Table("Seed: doctors in the insurer's directory view", "what", "value")
            .add("doctors consented to " + insurerId, count)
            .add("through the API (one per specialty)", viaApi)
            .add(
                "bulk insert (JDBC, " + batch + " per transaction)",
                String.format("%.1f s", insertSeconds))
            .add(
                "first insert -> directory_pending empty, every Practitioner projected",
                String.format("%.1f s", projectedSeconds))
            .add(
                "projection rate (change capture + DirectoryProjector)",
                String.format("%.0f doctors/s", count / projectedSeconds))
            .add("Practitioners in the view", practitioners.size())
            .add(
                "cities x specialties",
                DirectorySeed.CITIES.size() + " x " + DirectorySeed.SPECIALTIES.size()));
    ObjectNode record = report.record("fhir.seed");
    record.put("doctors", count);
    record.put("insert_s", Latencies.round(insertSeconds));
    record.put("projected_s", Latencies.round(projectedSeconds));
    record.put("projected_per_s", Latencies.round(count / projectedSeconds));
    CpuTable.add(report, cpu.between(before, after), "bulk insert + projection");
    Table statements =
        new Table(
            "PostgreSQL statements seen running during the projection (pg_stat_activity, every"
                + " 250 ms)",
            "statement (first 90 characters)",
            "samples");
    active.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(8)
        .forEach(e -> statements.add(e.getKey(), e.getValue()));
    report.table(statements);
    return practitioners;
  }

  /** One search as an insurer sees it: how many roles match, how big the first page is. */
  private static void describeSearch(Report report, String fhirBase, String token)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = searchUri(fhirBase, ThreadLocalRandom.current());
    JsonNode page = get(http, uri, token);
    JsonNode total = get(http, URI.create(uri + "&_summary=count"), token);
    long[] entries = entries(page);
    report.note(
        String.format(
            "Sample search %s:%n  %d roles match in all; the first page holds %d matches and %d"
                + " included Practitioners; next link: %s",
            uri.getRawQuery(),
            total.path("total").asLong(),
            entries[0],
            entries[1],
            page.path("link").findValuesAsText("relation").contains("next")));
  }

  /**
   * The same search asked of the hub and of the bare server: the ceiling is only one if it answers
   * with as much.
   */
  private static void compareAnswers(Report report, String hubFhir, String token, String bareFhir)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String query = searchUri("", ThreadLocalRandom.current()).toString();
    long[] hub = entries(get(http, URI.create(hubFhir + query), token));
    long[] bare = entries(get(http, URI.create(bareFhir + query), null));
    report.note(
        String.format(
            "The bare server's answer to %s: %d roles and %d Practitioners (the hub's: %d and %d)",
            query, bare[0], bare[1], hub[0], hub[1]));
  }

  /** The roles and the other resources in a search's bundle. */
  private static long[] entries(JsonNode bundle) {
    long[] counts = new long[2];
    for (JsonNode entry : bundle.path("entry")) {
      boolean role =
          "PractitionerRole".equals(entry.path("resource").path("resourceType").asText());
      counts[role ? 0 : 1]++;
    }
    return counts;
  }

  private static JsonNode get(HttpClient http, URI uri, String token)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            (token == null
                    ? HttpRequest.newBuilder(uri)
                    : HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token))
                .header("Accept", "application/fhir+json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(uri + ": " + response.statusCode() + " " + response.body());
    }
    return HubClient.json().readTree(response.body());
  }

  private static URI readUri(String fhirBase, List<String> ids, ThreadLocalRandom random) {
    return URI.create(fhirBase + "/Practitioner/" + ids.get(random.nextInt(ids.size())));
  }

  private static URI searchUri(String fhirBase, ThreadLocalRandom random) {
    Specialty specialty =
        DirectorySeed.SPECIALTIES.get(random.nextInt(DirectorySeed.SPECIALTIES.size()));
    City city = DirectorySeed.CITIES.get(random.nextInt(DirectorySeed.CITIES.size()));
    return URI.create(
        fhirBase
            + "/PractitionerRole?specialty="
            + URLEncoder.encode(specialty.token(), StandardCharsets.UTF_8)
            + "&location.address-city="
            + URLEncoder.encode(city.name(), StandardCharsets.UTF_8)
            + "&_include=PractitionerRole:practitioner");
  }

  private static void summarize(
      Report report,
      ClosedLoop.Result read,
      ClosedLoop.Result search,
      ClosedLoop.Result bare,
      ClosedLoop.Result bareSearch,
      long audited) {
    Table loads = new Table("FHIR API, closed loop (each load alone)", ClosedLoop.Result.headers());
    for (ClosedLoop.Result result : List.of(read, search, bare, bareSearch)) {
      loads.add(result.cells());
      result.into(report.record("fhir.load"));
      result.errorSamples().forEach(e -> report.note("  error: " + e));
    }
    report.table(loads);
    double ratio = read.perSecond() / bare.perSecond();
    report.table(
        new Table("Against the targets (issue 7, item 11)", "target", "measured", "met")
            .add(
                "read >= 2,000 req/s",
                String.format("%.0f req/s", read.perSecond()),
                read.perSecond() >= 2_000 ? "yes" : "no")
            .add(
                "read >= 50 % of the bare HAPI server",
                String.format(
                    "%.1f %% (%.0f / %.0f req/s)", 100 * ratio, read.perSecond(), bare.perSecond()),
                ratio >= 0.5 ? "yes" : "no")
            .add(
                "search p99 <= 100 ms",
                String.format(
                    "%.1f ms (the bare HAPI server's: %.1f ms)",
                    search.latencies().millisAt(99), bareSearch.latencies().millisAt(99)),
                search.latencies().millisAt(99) <= 100 ? "yes" : "no")
            .add(
                "with the audit on",
                String.format(
                    "%,d answers audited during the hub loads (warm-ups included)", audited),
                audited > 0 ? "yes" : "no"));
    Table ceiling =
        new Table(
            "The hub against the bare HAPI server (the ceiling), same load",
            "load",
            "hub req/s",
            "bare req/s",
            "hub / bare",
            "hub p99 ms",
            "bare p99 ms");
    for (ClosedLoop.Result[] pair :
        List.of(
            new ClosedLoop.Result[] {read, bare}, new ClosedLoop.Result[] {search, bareSearch})) {
      ceiling.add(
          pair[0].label().replace("hub ", ""),
          String.format("%.0f", pair[0].perSecond()),
          String.format("%.0f", pair[1].perSecond()),
          String.format("%.1f %%", 100 * pair[0].perSecond() / pair[1].perSecond()),
          String.format("%.1f", pair[0].latencies().millisAt(99)),
          String.format("%.1f", pair[1].latencies().millisAt(99)));
    }
    report.table(ceiling);
    ObjectNode record = report.record("fhir.ratio");
    record.put("hub_read_per_s", Latencies.round(read.perSecond()));
    record.put("bare_read_per_s", Latencies.round(bare.perSecond()));
    record.put("hub_over_bare", Math.round(ratio * 1000) / 1000.0);
    double searchRatio = search.perSecond() / bareSearch.perSecond();
    record.put("hub_search_per_s", Latencies.round(search.perSecond()));
    record.put("bare_search_per_s", Latencies.round(bareSearch.perSecond()));
    record.put("hub_search_over_bare", Math.round(searchRatio * 1000) / 1000.0);
    record.put("audited_answers", audited);
    CpuTable.add(report, read.cpu(), "hub read load");
    CpuTable.add(report, search.cpu(), "hub search load");
    CpuTable.add(report, bare.cpu(), "bare HAPI read load (hub idle)");
    CpuTable.add(report, bareSearch.cpu(), "bare HAPI search load (hub idle)");
  }
}
