package org.docport.hub.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.docport.hub.SampleDoctors;

/**
 * A generated directory: doctors whose names, cities and specialties overlap (so one search matches
 * several of them, visible and hidden alike) and, for each doctor and each of {@link #INSURERS}
 * insurers, how the doctor's consent got where it is. Pure data; {@code VisibilityPropertyTest}
 * registers it with the hub.
 */
record VisibilityWorld(List<Doctor> doctors, List<List<Grant>> grants) {

  static final int INSURERS = 3;

  /** Plan-Net specialties the registry accepts. */
  static final List<String> SPECIALTIES =
      List.of("207Q00000X", "207R00000X", "208D00000X", "2084N0400X");

  static final List<String> FAMILIES =
      List.of("Rao", "Rama", "Raman", "Ramanathan", "Iyer", "Iyengar", "Shah", "Shahani");
  static final List<String> GIVEN = List.of("Asha", "Ashok", "Meera", "Meena", "Ravi");
  static final List<String> CITIES = List.of("Bengaluru", "Belagavi", "Mysuru", "Pune");
  static final List<String> SHARED_AFFILIATIONS = List.of("Manipal Hospital", "Apollo Clinic");

  /** How a doctor's consent to one insurer was set by an operator. */
  enum Grant {
    NONE,
    ACTIVE,
    REQUESTED,
    REVOKED_AFTER_ACTIVE;

    /** The insurer saw the doctor at some point while the world was built. */
    boolean everActive() {
      return this == ACTIVE || this == REVOKED_AFTER_ACTIVE;
    }
  }

  record Place(String id, String name, String city) {}

  /**
   * @param affiliations organisation names; one may be unique to the doctor (a private practice)
   */
  record Doctor(
      String family,
      String given,
      String specialty,
      List<Place> places,
      List<String> affiliations) {

    /** The profile as the registry's API takes it: {@link SampleDoctors} with these values. */
    Map<String, Object> profile(int index) {
      Map<String, Object> profile = new HashMap<>(SampleDoctors.profile(family));
      profile.put("name", Map.of("family", family, "given", List.of(given), "prefix", "Dr"));
      profile.put(
          "specialties",
          List.of(Map.of("system", "http://nucc.org/provider-taxonomy", "code", specialty)));
      profile.put(
          "telecom",
          List.of(
              Map.of(
                  "system", "email", "value", "doctor" + index + "@example.org", "use", "work")));
      profile.put(
          "locations",
          places.stream()
              .map(
                  p ->
                      Map.of(
                          "id",
                          p.id(),
                          "name",
                          p.name(),
                          "address",
                          Map.of(
                              "lines", List.of("1 Main Road"), "city", p.city(), "country", "IN"),
                          "phone",
                          "+91 80 1234 5678"))
              .toList());
      profile.put("affiliations", affiliations.stream().map(a -> Map.of("name", a)).toList());
      return profile;
    }
  }

  static Arbitrary<VisibilityWorld> worlds() {
    return anyDoctor()
        .list()
        .ofMinSize(6)
        .ofMaxSize(10)
        .flatMap(
            doctors ->
                Arbitraries.of(Grant.class)
                    .list()
                    .ofSize(INSURERS)
                    .list()
                    .ofSize(doctors.size())
                    .map(grants -> new VisibilityWorld(doctors, grants)));
  }

  /** The world the seed gives: the same seed, the same world. */
  static VisibilityWorld generate(long seed) {
    return worlds().generator(100).next(new Random(seed)).value();
  }

  private static Arbitrary<Doctor> anyDoctor() {
    Arbitrary<String> family = Arbitraries.of(FAMILIES);
    Arbitrary<List<Place>> places =
        Combinators.combine(Arbitraries.of(CITIES), Arbitraries.of(CITIES), Arbitraries.of(1, 2))
            .as(
                (first, second, count) -> {
                  List<Place> list = new ArrayList<>();
                  list.add(new Place("loc-a", "Clinic in " + first, first));
                  if (count == 2) {
                    list.add(new Place("loc-b", "Clinic in " + second, second));
                  }
                  return list;
                });
    return Combinators.combine(
            family,
            Arbitraries.of(GIVEN),
            Arbitraries.of(SPECIALTIES),
            places,
            Arbitraries.of(SHARED_AFFILIATIONS).set().ofMaxSize(2),
            Arbitraries.of(true, false))
        .as(
            (fam, given, specialty, where, shared, ownPractice) -> {
              List<String> affiliations = new ArrayList<>(shared);
              if (ownPractice) {
                affiliations.add("Practice of Dr " + given + " " + fam);
              }
              return new Doctor(fam, given, specialty, where, List.copyOf(affiliations));
            });
  }
}
