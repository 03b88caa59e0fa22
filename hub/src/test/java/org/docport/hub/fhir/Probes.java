package org.docport.hub.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What an insurer may ask of the directory, generated over a world's vocabulary: reads and vreads
 * of every id the world has (and of ids nobody has), searches whose criteria match visible and
 * hidden doctors alike (shared name prefixes, cities, specialties, mixed {@code _id} lists), with
 * chains, {@code _has}, includes and revincludes, and history; and, between them, an operator
 * changing a consent.
 */
final class Probes {

  static final String PRACTITIONER_SID = "https://docport.org/fhir/sid/practitioner";
  static final String NUCC = "http://nucc.org/provider-taxonomy";

  /** One request of one insurer, or an operator's change of one consent. */
  sealed interface Probe {}

  /** A read, or a vread when {@code version} is not null. */
  record Read(String type, String id, Long version) implements Probe {}

  record Search(String type, List<Map.Entry<String, String>> parameters) implements Probe {
    String url() {
      return type
          + "?"
          + parameters.stream()
              .map(p -> p.getKey() + "=" + encode(p.getValue()))
              .collect(Collectors.joining("&"));
    }

    Map<String, String[]> asMap() {
      Map<String, List<String>> grouped = new LinkedHashMap<>();
      parameters.forEach(
          p -> grouped.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue()));
      Map<String, String[]> map = new LinkedHashMap<>();
      grouped.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
      return map;
    }
  }

  /** Instance history ({@code id} set), type history ({@code type} set) or system history. */
  record History(String type, String id) implements Probe {}

  /** The operator sets the consent of doctor {@code doctor} to insurer {@code insurer}. */
  record Change(int doctor, int insurer, String status) implements Probe {}

  /**
   * A bulk export: at system level ({@code level} null) or of one type; of the {@code types} asked
   * (none: all the level serves); of what changed since the insurer's previous export ({@code
   * since}); narrowed by {@code filters}. {@code midway}, if not null, is a consent change the
   * operator makes after the manifest and before the files are downloaded.
   */
  record Export(
      String level, List<String> types, boolean since, List<Filter> filters, Midway midway)
      implements Probe {

    /** The kick-off URL, {@code _since} the given instant when {@link #since}. */
    String url(Instant sinceInstant) {
      List<String> parameters = new ArrayList<>();
      if (!types.isEmpty()) {
        parameters.add("_type=" + String.join(",", types));
      }
      if (since) {
        parameters.add("_since=" + encode(sinceInstant.toString()));
      }
      if (!filters.isEmpty()) {
        parameters.add(
            "_typeFilter="
                + encode(filters.stream().map(Filter::query).collect(Collectors.joining(","))));
      }
      return (level == null ? "/fhir/$export" : "/fhir/" + level + "/$export")
          + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    }

    /** The types exported: those asked, or all the level serves. */
    List<String> exported() {
      return !types.isEmpty() ? types : level != null ? List.of(level) : typeNames();
    }

    /** Whether the doctor's resources of the type pass the export's filters of that type. */
    boolean passes(String type, VisibilityWorld.Doctor doctor) {
      List<Filter> ofType = filters.stream().filter(f -> f.type().equals(type)).toList();
      return ofType.isEmpty() || ofType.stream().anyMatch(f -> f.matches(doctor));
    }

    boolean filtered(String type) {
      return filters.stream().anyMatch(f -> f.type().equals(type));
    }
  }

  /**
   * A change of the exporting insurer's consent of one doctor: for a status that hides, of the
   * {@code rank}-th (modulo their number) doctor the insurer sees, otherwise of one it does not.
   */
  record Midway(int rank, String status) {
    boolean hides() {
      return !status.equals("ACTIVE");
    }
  }

  /**
   * A {@code _typeFilter} search whose matches are a doctor's property: a family name's prefix (a
   * string search's default match, case-insensitive) or a role's specialty code.
   */
  record Filter(String type, String parameter, String value) {
    String query() {
      return type + "?" + parameter + "=" + value;
    }

    boolean matches(VisibilityWorld.Doctor doctor) {
      return parameter.equals("family")
          ? doctor.family().toLowerCase(Locale.ROOT).startsWith(value.toLowerCase(Locale.ROOT))
          : doctor.specialty().equals(value);
    }
  }

  private final VisibilityWorld world;
  private final List<UUID> doctorIds;
  private final Provenance provenance;

  Probes(VisibilityWorld world, List<UUID> doctorIds, Provenance provenance) {
    this.world = world;
    this.doctorIds = doctorIds;
    this.provenance = provenance;
  }

  /** A request of an insurer (by index), or with {@code changes} weight a consent change. */
  Arbitrary<Map.Entry<Integer, Probe>> steps(int changes) {
    Arbitrary<Probe> request =
        Arbitraries.frequencyOf(
            Tuple.of(30, reads()), Tuple.of(45, searches()), Tuple.of(10, histories()));
    Arbitrary<Probe> any =
        changes == 0
            ? request
            : Arbitraries.frequencyOf(
                Tuple.of(100 - changes, request), Tuple.of(changes, changes()));
    return Combinators.combine(insurer(), any).as(Map::entry);
  }

  /** A bulk export of an insurer (by index), or with {@code changes} weight a consent change. */
  Arbitrary<Map.Entry<Integer, Probe>> exportSteps(int changes) {
    return Combinators.combine(
            insurer(),
            Arbitraries.frequencyOf(
                Tuple.of(100 - changes, exports()), Tuple.of(changes, changes())))
        .as(Map::entry);
  }

  /**
   * Exports of every kind: system or type level, all types or some, with {@code _since} or without,
   * with {@code _typeFilter} or without; every other one changes a consent between its manifest and
   * its files.
   */
  Arbitrary<Probe> exports() {
    Arbitrary<List<String>> someTypes =
        Arbitraries.subsetOf(typeNames()).ofMinSize(1).map(set -> set.stream().sorted().toList());
    Arbitrary<List<Filter>> filters =
        Arbitraries.oneOf(
            Arbitraries.just(List.of()),
            prefixes(VisibilityWorld.FAMILIES)
                .map(f -> List.of(new Filter("Practitioner", "family", f))),
            Arbitraries.of(VisibilityWorld.SPECIALTIES)
                .map(c -> List.of(new Filter("PractitionerRole", "specialty", c))));
    return Combinators.combine(
            Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(false)), Tuple.of(1, Arbitraries.just(true))),
            Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(List.<String>of())), Tuple.of(2, someTypes)),
            Arbitraries.of(true, false),
            filters,
            Combinators.combine(Arbitraries.integers().between(0, 99), statuses())
                .as(Midway::new)
                .injectNull(0.5))
        .as(
            (typeLevel, types, since, filter, midway) -> {
              if (typeLevel) {
                return new Export(
                    "Practitioner",
                    types.isEmpty() ? types : List.of("Practitioner"),
                    since,
                    filter.stream().filter(f -> f.type().equals("Practitioner")).toList(),
                    midway);
              }
              List<String> asked = new ArrayList<>(types);
              filter.stream()
                  .map(Filter::type)
                  .filter(t -> !types.isEmpty() && !asked.contains(t))
                  .forEach(asked::add);
              return new Export(null, List.copyOf(asked), since, filter, midway);
            });
  }

  static List<String> typeNames() {
    return Provenance.TYPES.stream().map(c -> c.getSimpleName()).toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** What to ask right after a change: something that would show the doctor if it leaked. */
  Arbitrary<Probe> about(int doctor) {
    String identifier = PRACTITIONER_SID + "|" + doctorIds.get(doctor);
    List<Arbitrary<? extends Probe>> probes = new ArrayList<>();
    provenance.idsOf(doctor, "Practitioner").forEach(id -> probes.add(read("Practitioner", id)));
    provenance.idsOf(doctor, "Location").forEach(id -> probes.add(read("Location", id)));
    provenance
        .idsOf(doctor, "Practitioner")
        .forEach(id -> probes.add(Arbitraries.just(new History("Practitioner", id))));
    probes.add(Arbitraries.just(search("Practitioner", "identifier", identifier)));
    probes.add(
        Arbitraries.just(
            search(
                "PractitionerRole",
                "practitioner.identifier",
                identifier,
                "_include",
                "PractitionerRole:practitioner")));
    probes.add(
        Arbitraries.just(
            search(
                "Location", "_has:PractitionerRole:location:practitioner.identifier", identifier)));
    probes.add(
        Arbitraries.just(
            search(
                "Practitioner",
                "family",
                world.doctors().get(doctor).family(),
                "_revinclude",
                "PractitionerRole:practitioner")));
    return Arbitraries.oneOf(probes);
  }

  private Arbitrary<Integer> insurer() {
    return Arbitraries.integers().between(0, VisibilityWorld.INSURERS - 1);
  }

  private Arbitrary<Integer> doctor() {
    return Arbitraries.integers().between(0, doctorIds.size() - 1);
  }

  private Arbitrary<Probe> changes() {
    return Combinators.combine(doctor(), insurer(), statuses()).as(Change::new);
  }

  /** Statuses an operator sets, revocations the likeliest. */
  private static Arbitrary<String> statuses() {
    return Arbitraries.of("REVOKED", "REVOKED", "REQUESTED", "ACTIVE");
  }

  private Arbitrary<Probe> reads() {
    return Arbitraries.of(typeNames())
        .flatMap(
            type ->
                Arbitraries.frequencyOf(
                        Tuple.of(9, Arbitraries.of(provenance.ids(type))),
                        Tuple.of(1, unknownIds()))
                    .flatMap(id -> read(type, id)));
  }

  private static Arbitrary<Probe> read(String type, String id) {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(new Read(type, id, null))),
        Tuple.of(1, Arbitraries.longs().between(1, 4).map(v -> (Probe) new Read(type, id, v))));
  }

  private Arbitrary<Probe> histories() {
    Arbitrary<String> type = Arbitraries.of(typeNames());
    return Arbitraries.oneOf(
        Arbitraries.just(new History(null, null)),
        type.map(t -> new History(t, null)),
        type.flatMap(t -> Arbitraries.of(provenance.ids(t)).map(id -> new History(t, id))));
  }

  private Arbitrary<Probe> searches() {
    return Arbitraries.oneOf(
        search("Practitioner", practitionerCriteria(), "PractitionerRole:practitioner", List.of()),
        search(
            "PractitionerRole",
            roleCriteria(),
            null,
            List.of(
                "PractitionerRole:practitioner",
                "PractitionerRole:location",
                "PractitionerRole:organization",
                "PractitionerRole:network")),
        search("Location", locationCriteria(), "PractitionerRole:location", List.of()),
        search("Organization", organizationCriteria(), "PractitionerRole:organization", List.of()));
  }

  /**
   * A search of the type: one or two criteria, maybe a revinclude ({@code revinclude} not null) or
   * some includes, a small page size (so next links are followed) and sometimes the total.
   */
  private Arbitrary<Probe> search(
      String type,
      Arbitrary<Map.Entry<String, String>> criteria,
      String revinclude,
      List<String> options) {
    Arbitrary<List<Map.Entry<String, String>>> extras =
        options.isEmpty()
            ? Arbitraries.of(true, false)
                .map(
                    yes ->
                        yes && revinclude != null
                            ? List.of(Map.entry("_revinclude", revinclude))
                            : List.<Map.Entry<String, String>>of())
            : Arbitraries.subsetOf(options)
                .map(s -> s.stream().map(i -> Map.entry("_include", i)).toList());
    return Combinators.combine(
            criteria.list().ofMinSize(1).ofMaxSize(2),
            extras,
            Arbitraries.of("2", "3", "50"),
            Arbitraries.of(true, false))
        .as(
            (where, more, count, total) -> {
              List<Map.Entry<String, String>> parameters = new ArrayList<>(where);
              parameters.addAll(more);
              parameters.add(Map.entry("_count", count));
              if (total) {
                parameters.add(Map.entry("_total", "accurate"));
              }
              return new Search(type, List.copyOf(parameters));
            });
  }

  private static Search search(String type, String... pairs) {
    List<Map.Entry<String, String>> parameters = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.add(Map.entry(pairs[i], pairs[i + 1]));
    }
    return new Search(type, parameters);
  }

  private Arbitrary<Map.Entry<String, String>> practitionerCriteria() {
    return Arbitraries.oneOf(
        Combinators.combine(
                Arbitraries.of("name", "family", "given", "name:contains", "family:exact"), names())
            .as(Map::entry),
        doctor().map(d -> Map.entry("identifier", PRACTITIONER_SID + "|" + doctorIds.get(d))),
        specialty().map(s -> Map.entry("_has:PractitionerRole:practitioner:specialty", s)),
        idList("Practitioner"));
  }

  private Arbitrary<Map.Entry<String, String>> roleCriteria() {
    return Arbitraries.oneOf(
        specialty().map(s -> Map.entry("specialty", s)),
        cities().map(c -> Map.entry("location.address-city", c)),
        names().map(n -> Map.entry("practitioner.name", n)),
        doctor()
            .map(
                d ->
                    Map.entry(
                        "practitioner.identifier", PRACTITIONER_SID + "|" + doctorIds.get(d))),
        Arbitraries.of(provenance.ids("Organization")).map(o -> Map.entry("organization", o)),
        Arbitraries.of(provenance.ids("Organization")).map(o -> Map.entry("network", o)),
        idList("PractitionerRole"));
  }

  private Arbitrary<Map.Entry<String, String>> locationCriteria() {
    return Arbitraries.oneOf(
        cities().map(c -> Map.entry("address-city", c)),
        cities().map(c -> Map.entry("address", c)),
        doctor()
            .map(
                d ->
                    Map.entry(
                        "_has:PractitionerRole:location:practitioner.identifier",
                        PRACTITIONER_SID + "|" + doctorIds.get(d))),
        specialty().map(s -> Map.entry("_has:PractitionerRole:location:specialty", s)),
        idList("Location"));
  }

  private Arbitrary<Map.Entry<String, String>> organizationCriteria() {
    return Arbitraries.oneOf(
        Arbitraries.of("Manipal", "Apollo", "Practice", "Gold").map(n -> Map.entry("name", n)),
        names().map(n -> Map.entry("_has:PractitionerRole:organization:practitioner.name", n)),
        idList("Organization"));
  }

  /** Ids that no resource has (UUIDs, like the real ones), drawn from the seed. */
  static Arbitrary<String> unknownIds() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
        .as((high, low) -> new UUID(high, low).toString());
  }

  /** A prefix (or all) of a family or given name several doctors share. */
  private static Arbitrary<String> names() {
    List<String> all = new ArrayList<>(VisibilityWorld.FAMILIES);
    all.addAll(VisibilityWorld.GIVEN);
    return prefixes(all);
  }

  private static Arbitrary<String> cities() {
    return prefixes(VisibilityWorld.CITIES);
  }

  private static Arbitrary<String> prefixes(List<String> words) {
    return Combinators.combine(Arbitraries.of(words), Arbitraries.integers().between(2, 12))
        .as((w, n) -> w.substring(0, Math.min(n, w.length())));
  }

  private static Arbitrary<String> specialty() {
    return Arbitraries.of(VisibilityWorld.SPECIALTIES)
        .flatMap(code -> Arbitraries.of(code, NUCC + "|" + code));
  }

  /** Ids of the type, visible and hidden mixed, and sometimes one that does not exist. */
  private Arbitrary<Map.Entry<String, String>> idList(String type) {
    Arbitrary<String> id =
        Arbitraries.frequencyOf(
            Tuple.of(9, Arbitraries.of(provenance.ids(type))), Tuple.of(1, unknownIds()));
    return id.list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .uniqueElements()
        .map(ids -> Map.entry("_id", String.join(",", ids)));
  }
}
