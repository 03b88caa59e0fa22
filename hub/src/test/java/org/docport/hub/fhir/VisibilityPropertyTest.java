package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.docport.hub.HubTest;
import org.docport.hub.SampleDoctors;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.fhir.DirectoryAskers.Answer;
import org.docport.hub.fhir.DirectoryAskers.Asker;
import org.docport.hub.fhir.DirectoryAskers.Item;
import org.docport.hub.fhir.Probes.Change;
import org.docport.hub.fhir.Probes.Export;
import org.docport.hub.fhir.Probes.History;
import org.docport.hub.fhir.Probes.Midway;
import org.docport.hub.fhir.Probes.Probe;
import org.docport.hub.fhir.Probes.Read;
import org.docport.hub.fhir.Probes.Search;
import org.docport.hub.fhir.Provenance.Affiliated;
import org.docport.hub.fhir.Provenance.Network;
import org.docport.hub.fhir.Provenance.OfDoctor;
import org.docport.hub.fhir.Provenance.Origin;
import org.docport.hub.fhir.Provenance.Participation;
import org.docport.hub.fhir.VisibilityWorld.Grant;
import org.docport.mappings.BusinessIdentifiers;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No leak across insurers: over a generated world of doctors and consents, every answer of the
 * directory to an insurer holds only resources derived from doctors that insurer may see now (the
 * rule the connectors follow, {@link InsurerVisibility}), its own networks and the organisations
 * those doctors are affiliated with; a hidden doctor's resource reads exactly like one that never
 * existed; history shows hidden doctors only as tombstones of what the insurer once saw; and a
 * revoked consent hides the doctor from the very next request.
 *
 * <p>jqwik's generators are driven from JUnit tests (jqwik's engine cannot run inside Spring's
 * extension without jqwik-spring, whose latest release is built against jqwik 1.8): one seeded
 * {@link Random} draws the world and every step, so a failure names its seed and step and replays
 * with {@code -Ddocport.visibility.seed=...}. Nothing shrinks; the step's description says what was
 * asked.
 */
class VisibilityPropertyTest extends HubTest {

  private static final Logger log = LoggerFactory.getLogger(VisibilityPropertyTest.class);

  private static final long SEED = Long.getLong("docport.visibility.seed", 20_251_107L);
  private static final int HTTP_STEPS = Integer.getInteger("docport.visibility.http-steps", 400);
  private static final int DIRECT_STEPS =
      Integer.getInteger("docport.visibility.direct-steps", 3000);

  /**
   * Whether an affiliation may still be shown once none of its doctors is visible: the leak {@link
   * #aRevokedDoctorsOwnPracticeIsHiddenWithTheDoctor} found, fixed by recording the doctors a
   * shared resource is published for (directory_owner). Kept as a switch, off: turning it on shows
   * what the properties tolerated while the leak was open.
   */
  private static final boolean RETAINED_AFFILIATIONS_TOLERATED = false;

  private static final int EXPORT_STEPS = Integer.getInteger("docport.visibility.export-steps", 40);

  /** Per hundred steps, how many change a consent. */
  private static final int CHANGES = 4;

  /** Per hundred steps of the export property, how many change a consent (exports are slower). */
  private static final int EXPORT_CHANGES = 35;

  @Autowired DirectoryQueries directory;
  @Autowired InsurerVisibility visibility;
  @Autowired JdbcTemplate jdbc;

  /** jqwik's generators need a session of its own outside its engine. */
  @BeforeEach
  void startJqwikSession() {
    JqwikSession.start();
  }

  @AfterEach
  void finishJqwikSession() {
    JqwikSession.finish();
  }

  @Test
  void noAnswerOverFhirShowsAnInsurerADoctorItMayNotSee() {
    Built world = build(SEED);
    List<IGenericClient> clients =
        world.insurers().stream()
            .map(i -> InsurerFhirClients.client(operator(), port, i.id(), "system/*.read"))
            .toList();
    explore(world, DirectoryAskers.http(clients), HTTP_STEPS, SEED);
  }

  @Test
  void directoryQueriesNeverReturnAHiddenDoctorsResources() {
    Built world = build(SEED + 1);
    explore(world, DirectoryAskers.direct(directory, world.insurerIds()), DIRECT_STEPS, SEED + 1);
  }

  /**
   * Bulk exports follow consent as every other answer does: each file holds only resources the
   * insurer may see when it is downloaded (a consent revoked after the manifest included), holds
   * every resource of the insurer's view, {@code _since} delivers every doctor who became visible
   * since the insurer's previous export, and {@code deleted[]} lists every doctor it lost since and
   * nothing the insurer never held.
   */
  @Test
  void noBulkExportShowsAnInsurerADoctorItMayNotSee() {
    Built world = build(SEED + 2);
    List<IGenericClient> clients = new ArrayList<>();
    List<BulkExporter> exporters = new ArrayList<>();
    for (Insurer insurer : world.insurers()) {
      clients.add(InsurerFhirClients.client(operator(), port, insurer.id(), "system/*.read"));
      exporters.add(
          new BulkExporter(
              port, InsurerFhirClients.token(operator(), port, insurer.id(), "system/*.read")));
    }
    explore(
        world,
        new Checks(world, DirectoryAskers.http(clients), exporters),
        EXPORT_STEPS,
        SEED + 2,
        probes -> probes.exportSteps(EXPORT_CHANGES),
        (probes, change) -> probes.exports());
  }

  /**
   * A leak this class found (issue 7, item 4): an affiliation is published as a shared
   * Organization, and the projection used to keep shared resources when it withdrew a doctor, so a
   * revoked doctor's own practice, named after them, stayed readable and searchable by the insurer.
   */
  @Test
  void aRevokedDoctorsOwnPracticeIsHiddenWithTheDoctor() {
    Insurer insurer = insurer();
    String practice = "Practice of Dr Leak " + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> profile = new HashMap<>(SampleDoctors.profile("Leak"));
    profile.put("affiliations", List.of(Map.of("name", practice)));
    String doctor = operator().post("/api/doctors", profile).expect(201).body().get("id").asText();
    consent(doctor, insurer, "ACTIVE");
    IGenericClient fhir =
        InsurerFhirClients.client(operator(), port, insurer.id(), "system/*.read");
    String byName = "Organization?name=" + URLEncoder.encode(practice, StandardCharsets.UTF_8);
    await().atMost(Duration.ofSeconds(30)).until(() -> !entries(fhir, byName).isEmpty());
    String organization = entries(fhir, byName).get(0).getResource().getIdElement().getIdPart();
    String practitioner =
        BusinessIdentifiers.logicalId(BusinessIdentifiers.practitioner(UUID.fromString(doctor)));

    consent(doctor, insurer, "REVOKED");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                directory
                    .history(insurer.id(), "Practitioner", practitioner, null, null, null, 10)
                    .versions()
                    .stream()
                    .anyMatch(DirectoryQueries.Stored::deleted));

    assertThat(entries(fhir, byName)).as("the practice found by name").isEmpty();
    assertThat(
            catchThrowable(
                () -> fhir.read().resource(Organization.class).withId(organization).execute()))
        .as("the practice read")
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private static List<Bundle.BundleEntryComponent> entries(IGenericClient fhir, String url) {
    return fhir.search().byUrl(url).returnBundle(Bundle.class).execute().getEntry();
  }

  /** A generated world as registered with the hub. */
  private record Built(
      VisibilityWorld spec, List<Insurer> insurers, List<UUID> doctors, Provenance provenance) {
    List<String> insurerIds() {
      return insurers.stream().map(Insurer::id).toList();
    }
  }

  private Built build(long seed) {
    VisibilityWorld spec = VisibilityWorld.generate(seed);
    List<Insurer> insurers = new ArrayList<>();
    for (int i = 0; i < VisibilityWorld.INSURERS; i++) {
      insurers.add(insurer());
    }
    List<UUID> doctors = new ArrayList<>();
    for (int d = 0; d < spec.doctors().size(); d++) {
      String id =
          operator()
              .post("/api/doctors", spec.doctors().get(d).profile(d))
              .expect(201)
              .body()
              .get("id")
              .asText();
      doctors.add(UUID.fromString(id));
    }
    Built world =
        new Built(
            spec,
            insurers,
            doctors,
            new Provenance(spec, doctors, insurers.stream().map(Insurer::id).toList()));
    log.info("Visibility world of seed {}: {}", seed, spec);
    grant(world, g -> g.everActive(), "ACTIVE");
    awaitProjected(world, g -> g.everActive());
    grant(world, g -> g == Grant.REVOKED_AFTER_ACTIVE, "REVOKED");
    grant(world, g -> g == Grant.REQUESTED, "REQUESTED");
    awaitProjected(world, g -> g == Grant.ACTIVE);
    return world;
  }

  private void grant(Built world, java.util.function.Predicate<Grant> which, String status) {
    for (int d = 0; d < world.doctors().size(); d++) {
      for (int i = 0; i < VisibilityWorld.INSURERS; i++) {
        if (which.test(world.spec().grants().get(d).get(i))) {
          consent(world.doctors().get(d).toString(), world.insurers().get(i), status);
        }
      }
    }
  }

  private void awaitProjected(Built world, java.util.function.Predicate<Grant> which) {
    awaitProjected(world, (d, i) -> which.test(world.spec().grants().get(d).get(i)));
  }

  /**
   * The queue is drained and the Practitioner of each doctor {@code shown} to an insurer (by
   * indices) is in that insurer's view.
   */
  private void awaitProjected(Built world, BiPredicate<Integer, Integer> shown) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Integer pending =
                  jdbc.queryForObject("select count(*) from directory_pending", Integer.class);
              if (pending == null || pending > 0) {
                return false;
              }
              for (int d = 0; d < world.doctors().size(); d++) {
                for (int i = 0; i < VisibilityWorld.INSURERS; i++) {
                  String insurerId = world.insurerIds().get(i);
                  if (shown.test(d, i)
                      && world.provenance().idsOf(d, "Practitioner").stream()
                          .anyMatch(
                              p -> directory.current(insurerId, "Practitioner", p).isEmpty())) {
                    return false;
                  }
                }
              }
              return true;
            });
  }

  private void explore(Built world, Asker asker, int steps, long seed) {
    explore(
        world,
        new Checks(world, asker, List.of()),
        steps,
        seed,
        probes -> probes.steps(CHANGES),
        (probes, change) -> probes.about(change.doctor()));
  }

  /**
   * Runs the steps the seed draws, checking every answer; fails naming the seed and the step.
   *
   * @param after what to ask right after a consent change that may hide its doctor
   */
  private void explore(
      Built world,
      Checks checks,
      int steps,
      long seed,
      Function<Probes, Arbitrary<Map.Entry<Integer, Probe>>> draw,
      BiFunction<Probes, Change, Arbitrary<Probe>> after) {
    Random random = new Random(seed);
    checks.random = random;
    Probes probes = new Probes(world.spec(), world.doctors(), world.provenance());
    RandomGenerator<Map.Entry<Integer, Probe>> generator = draw.apply(probes).generator(100);
    long started = System.nanoTime();
    Map.Entry<Integer, Probe> forced = null;
    for (int step = 0; step < steps; step++) {
      Map.Entry<Integer, Probe> next = forced != null ? forced : generator.next(random).value();
      forced = null;
      try {
        if (next.getValue() instanceof Change change) {
          checks.change(change);
          if (!change.status().equals("ACTIVE")) {
            forced =
                Map.entry(
                    change.insurer(),
                    after.apply(probes, change).generator(100).next(random).value());
          }
        } else {
          checks.ask(next.getKey(), next.getValue());
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "seed "
                + seed
                + ", step "
                + step
                + ", insurer "
                + next.getKey()
                + ": "
                + next.getValue(),
            e);
      }
    }
    log.info(
        "Visibility property, seed {}: {} steps in {} ms; {}",
        seed,
        steps,
        (System.nanoTime() - started) / 1_000_000,
        new TreeMap<>(checks.counts));
  }

  /** An export's transaction time and the doctors visible to each insurer as of then. */
  private record Exported(Instant transactionTime, Set<String> visible) {}

  /** The checks of every answer, against the rule as it stands before and after the request. */
  private final class Checks {
    private final Built world;
    private final Asker asker;
    private final List<BulkExporter> exporters;
    private Random random;
    private final Set<String> everVisible = new HashSet<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private int justHidden = -1;

    /** By insurer: its previous export, or the world as built before its first. */
    private final Map<Integer, Exported> previous = new HashMap<>();

    /**
     * @param exporters one per insurer, for worlds that are asked for bulk exports
     */
    Checks(Built world, Asker asker, List<BulkExporter> exporters) {
      this.world = world;
      this.asker = asker;
      this.exporters = exporters;
      for (int d = 0; d < world.doctors().size(); d++) {
        for (int i = 0; i < VisibilityWorld.INSURERS; i++) {
          if (world.spec().grants().get(d).get(i).everActive()) {
            everVisible.add(pair(i, d));
          }
        }
      }
      if (!exporters.isEmpty()) {
        awaitProjected(world, (d, i) -> world.spec().grants().get(d).get(i) == Grant.ACTIVE);
        Instant built =
            jdbc.queryForObject("select clock_timestamp()", Timestamp.class).toInstant();
        Set<String> visible = visibleNow();
        for (int i = 0; i < VisibilityWorld.INSURERS; i++) {
          previous.put(i, new Exported(built, visible));
        }
      }
    }

    void change(Change change) {
      consent(
          world.doctors().get(change.doctor()).toString(),
          world.insurers().get(change.insurer()),
          change.status());
      justHidden = change.status().equals("REVOKED") ? change.doctor() : -1;
      count("change " + change.status());
    }

    void ask(int insurer, Probe probe) {
      if (probe instanceof Export export) {
        export(insurer, export);
        return;
      }
      Set<String> before = visibleNow();
      Answer answer;
      if (probe instanceof Read read) {
        answer = asker.read(insurer, read);
      } else if (probe instanceof Search search) {
        answer = asker.search(insurer, search);
      } else {
        answer = asker.history(insurer, (History) probe);
      }
      Set<String> after = visibleNow();
      Set<String> allowed = new HashSet<>(before);
      allowed.addAll(after);
      everVisible.addAll(allowed);
      count(probe.getClass().getSimpleName().toLowerCase());
      for (Item item : answer.items()) {
        checkItem(insurer, item, allowed);
      }
      if (probe instanceof Read read) {
        checkRead(insurer, read, answer, allowed);
      }
      if (answer.total() != null) {
        // Not equal to the matches on the pages: the projection may add a newly visible doctor's
        // resources between the count and a page. But never more than the insurer may see.
        String type = ((Search) probe).type();
        long showable =
            world.provenance().ids(type).stream()
                .map(id -> world.provenance().of(type, id).orElseThrow())
                .filter(o -> mayShow(insurer, o, allowed))
                .count();
        assertThat(answer.total().longValue()).as("_total").isLessThanOrEqualTo(showable);
        count("totals checked");
      }
      if (justHidden >= 0) {
        int doctor = justHidden;
        justHidden = -1;
        assertThat(answer.items())
            .as("right after revoking doctor %d", doctor)
            .noneMatch(
                i ->
                    !i.deleted()
                        && world
                            .provenance()
                            .of(i.type(), i.id())
                            .orElseThrow()
                            .equals(new OfDoctor(doctor)));
        count("checked right after a revocation");
      }
    }

    /**
     * Runs the export once the view has caught up with every consent, and checks its files: no
     * resource the insurer may not see when it downloads them, every resource its view holds (for
     * {@code _since}: of every doctor visible now that was not at its previous export), and in
     * {@code deleted[]} every doctor it lost since and only what it once held.
     */
    private void export(int insurer, Export export) {
      String insurerId = world.insurerIds().get(insurer);
      Set<String> visible = visibleNow();
      awaitProjected(world, (d, i) -> visible.contains(pair(i, d)));
      Exported last = previous.get(insurer);
      BulkExporter exporter = exporters.get(insurer);
      JsonNode manifest = exporter.export(export.url(last.transactionTime()));
      Set<String> atKickOff = visibleNow();
      if (export.midway() != null) {
        midway(insurer, export.midway(), atKickOff);
      }
      Set<String> atDownload = visibleNow();
      everVisible.addAll(atKickOff);
      everVisible.addAll(atDownload);
      count(export.since() ? "export since" : "export");
      count(export.midway() != null ? "export changed midway" : "export unchanged midway");

      Map<String, Set<String>> output = new HashMap<>();
      for (JsonNode file : manifest.get("output")) {
        String type = file.get("type").asText();
        assertThat(export.exported()).as("types exported").contains(type);
        for (Resource resource : exporter.download(file.get("url").asText())) {
          assertThat(resource.fhirType()).as("a resource in the %s file", type).isEqualTo(type);
          Item item = new Item(type, resource.getIdElement().getIdPart(), false, true, resource);
          checkItem(insurer, item, atDownload);
          Origin origin = world.provenance().of(type, item.id()).orElseThrow();
          if (origin instanceof OfDoctor o) {
            assertThat(export.passes(type, world.spec().doctors().get(o.doctor())))
                .as("%s/%s passes %s", type, item.id(), export.filters())
                .isTrue();
          }
          output.computeIfAbsent(type, t -> new HashSet<>()).add(item.id());
        }
      }
      Set<String> deleted = new HashSet<>();
      for (JsonNode file : manifest.get("deleted")) {
        for (Resource bundle : exporter.download(file.get("url").asText())) {
          for (Bundle.BundleEntryComponent entry : ((Bundle) bundle).getEntry()) {
            assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.DELETE);
            IdType id = new IdType(entry.getRequest().getUrl());
            assertThat(export.exported()).as("types deleted").contains(id.getResourceType());
            checkItem(
                insurer,
                new Item(id.getResourceType(), id.getIdPart(), true, true, null),
                Set.of());
            deleted.add(entry.getRequest().getUrl());
          }
        }
      }
      if (!export.since()) {
        assertThat(deleted).as("deleted[] without _since").isEmpty();
      }

      for (String type : export.exported()) {
        Set<String> got = output.getOrDefault(type, Set.of());
        for (int d = 0; d < world.doctors().size(); d++) {
          String pair = pair(insurer, d);
          boolean shown = atKickOff.contains(pair) && atDownload.contains(pair);
          if (shown
              && export.passes(type, world.spec().doctors().get(d))
              && (!export.since() || !last.visible().contains(pair))) {
            List<String> own = world.provenance().idsOf(d, type);
            if (type.equals("Practitioner")) {
              assertThat(got).as("doctor %d's Practitioner exported", d).containsAll(own);
              count("doctors exported checked");
            }
            for (String id : own) {
              if (held(insurerId, type, id)) {
                assertThat(got).as("doctor %d's %s/%s exported", d, type, id).contains(id);
              }
            }
          }
          if (export.since()
              && type.equals("Practitioner")
              && last.visible().contains(pair)
              && !atKickOff.contains(pair)
              && !atDownload.contains(pair)) {
            for (String id : world.provenance().idsOf(d, type)) {
              assertThat(deleted).as("doctor %d lost", d).contains(type + "/" + id);
            }
            count("lost doctors in deleted[]");
          }
        }
        if (!export.since() && !export.filtered(type) && export.midway() == null) {
          for (String id : world.provenance().ids(type)) {
            if (held(insurerId, type, id)) {
              assertThat(got).as("%s/%s of the view exported", type, id).contains(id);
            }
          }
          count("view completeness checked");
        }
      }
      previous.put(
          insurer,
          new Exported(Instant.parse(manifest.get("transactionTime").asText()), atKickOff));
    }

    /** Changes the consent of a doctor the insurer sees (to hide it) or does not (to show it). */
    private void midway(int insurer, Midway midway, Set<String> visible) {
      List<Integer> candidates = new ArrayList<>();
      for (int d = 0; d < world.doctors().size(); d++) {
        if (visible.contains(pair(insurer, d)) == midway.hides()) {
          candidates.add(d);
        }
      }
      if (candidates.isEmpty()) {
        return;
      }
      int doctor = candidates.get(midway.rank() % candidates.size());
      change(new Change(doctor, insurer, midway.status()));
      justHidden = -1;
      count(midway.hides() ? "export: hidden midway" : "export: shown midway");
    }

    /** Whether the insurer's view holds the resource, as a read answers it now. */
    private boolean held(String insurerId, String type, String id) {
      return directory.current(insurerId, type, id).filter(s -> !s.deleted()).isPresent();
    }

    private void checkItem(int insurer, Item item, Set<String> allowed) {
      Origin origin =
          world
              .provenance()
              .of(item.type(), item.id())
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "a resource of no known origin: " + item.type() + "/" + item.id()));
      if (item.deleted()) {
        // A tombstone names what the insurer once held: a doctor's resource, or an affiliation
        // withdrawn with the last of its doctors the insurer saw.
        boolean onceHeld =
            origin instanceof OfDoctor o
                ? everVisible.contains(pair(insurer, o.doctor()))
                : affiliation(origin, insurer)
                    .map(name -> affiliatedWith(name, insurer, everVisible))
                    .orElse(false);
        assertThat(onceHeld)
            .as("a tombstone of %s/%s (%s)", item.type(), item.id(), origin)
            .isTrue();
        if (item.content() != null) {
          assertThat(InsurerFhirClients.FHIR.newJsonParser().encodeResourceToString(item.content()))
              .as("tombstone content")
              .doesNotContain("identifier", "name", "address");
        }
        count("tombstones");
        return;
      }
      if (item.content() != null) {
        assertThat(world.provenance().ofContent(item.content()))
            .as("the business identifier of %s/%s", item.type(), item.id())
            .contains(origin);
      }
      assertThat(mayShow(insurer, origin, allowed))
          .as(
              "insurer %d was shown %s/%s, derived from %s; visible pairs %s",
              insurer, item.type(), item.id(), origin, allowed)
          .isTrue();
      if (affiliation(origin, insurer)
          .filter(n -> !affiliatedWith(n, insurer, allowed))
          .isPresent()) {
        count("known leak: affiliation of a doctor no longer visible");
      }
      count("resources shown");
    }

    private boolean mayShow(int insurer, Origin origin, Set<String> allowed) {
      if (origin instanceof OfDoctor d) {
        return allowed.contains(pair(insurer, d.doctor()));
      }
      if (origin instanceof Network n) {
        return n.insurerId().equals(world.insurerIds().get(insurer));
      }
      Optional<String> affiliation = affiliation(origin, insurer);
      if (affiliation.isEmpty()) {
        return false; // another insurer's participation
      }
      String name = affiliation.get();
      if (affiliatedWith(name, insurer, allowed)) {
        return true;
      }
      return RETAINED_AFFILIATIONS_TOLERATED && affiliatedWith(name, insurer, everVisible);
    }

    /**
     * The affiliated organisation's name when the origin is one the insurer may be shown for an
     * affiliated doctor: the organisation itself, or its participation in this insurer's network.
     */
    private Optional<String> affiliation(Origin origin, int insurer) {
      if (origin instanceof Affiliated a) {
        return Optional.of(a.name());
      }
      if (origin instanceof Participation p
          && p.insurerId().equals(world.insurerIds().get(insurer))) {
        return Optional.of(p.name());
      }
      return Optional.empty();
    }

    private boolean affiliatedWith(String name, int insurer, Set<String> visible) {
      for (int d = 0; d < world.doctors().size(); d++) {
        if (visible.contains(pair(insurer, d))
            && world.spec().doctors().get(d).affiliations().contains(name)) {
          return true;
        }
      }
      return false;
    }

    /** A hidden doctor's resource (or an unknown id) answers just as an id nobody has. */
    private void checkRead(int insurer, Read read, Answer answer, Set<String> allowed) {
      boolean hidden =
          world
              .provenance()
              .of(read.type(), read.id())
              .map(o -> o instanceof OfDoctor d && !allowed.contains(pair(insurer, d.doctor())))
              .orElse(true);
      if (!hidden) {
        return;
      }
      String unknown = Probes.unknownIds().generator(100).next(random).value();
      Answer nobody = asker.read(insurer, new Read(read.type(), unknown, read.version()));
      assertThat(answer.status()).as("status of a hidden read").isEqualTo(404);
      assertThat(normalized(answer.body(), read.id()))
          .as("body of a hidden read")
          .isEqualTo(normalized(nobody.body(), unknown));
      count("hidden reads");
    }

    private static String normalized(String body, String id) {
      return body == null ? null : body.replace(id, "{id}");
    }

    private Set<String> visibleNow() {
      Map<UUID, Integer> index = new HashMap<>();
      for (int d = 0; d < world.doctors().size(); d++) {
        index.put(world.doctors().get(d), d);
      }
      return visibility.flowsOf(world.doctors()).stream()
          .filter(f -> world.insurerIds().contains(f.insurerId()))
          .map(f -> pair(world.insurerIds().indexOf(f.insurerId()), index.get(f.doctorId())))
          .collect(Collectors.toSet());
    }

    private void count(String what) {
      counts.merge(what, 1, Integer::sum);
    }
  }

  private static String pair(int insurer, int doctor) {
    return insurer + ":" + doctor;
  }
}
