package org.docport.bench;

import static org.docport.bench.Benchmarks.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.bench.DoctorProfiles.Shape;
import org.docport.testkit.HubClient;
import org.docport.testkit.TestDatabase;

/**
 * The FHIR scenario's registry: doctors consented to one insurer, each with one practice location
 * in one of 50 Indian cities and one of five NUCC specialties from Plan-Net's value set, spread
 * evenly over the 250 (specialty, city) pairs. The first five (one per specialty) go through the
 * API, which refuses specialties outside the value set and profiles without contact information;
 * the rest are bulk-inserted ({@link BulkInsert}) with the same profiles.
 */
final class DirectorySeed {

  record City(String name, String state, String postalCode) {}

  record Specialty(String code, String display) {

    /** The token as a Plan-Net search names it: {@code system|code}. */
    String token() {
      return NUCC + "|" + code;
    }
  }

  /** One projected Practitioner as the directory holds it (content without id and meta). */
  record Projected(String id, long version, java.time.Instant lastUpdated, String content) {}

  /** One projected PractitionerRole with its indexed specialties and its location's cities. */
  record ProjectedRole(Projected role, List<String> specialties, List<String> cities) {}

  static final String NUCC = "http://nucc.org/provider-taxonomy";

  static final List<Specialty> SPECIALTIES =
      List.of(
          new Specialty("207Q00000X", "Family Medicine Physician"),
          new Specialty("207R00000X", "Internal Medicine Physician"),
          new Specialty("208D00000X", "General Practice Physician"),
          new Specialty("207X00000X", "Orthopaedic Surgery Physician"),
          new Specialty("2084N0400X", "Neurology Physician"));

  /** No name is a prefix of another, so a city search (FHIR "starts with") matches one city. */
  static final List<City> CITIES =
      cities(
          "Mumbai MH 400001",
          "Delhi DL 110001",
          "Bengaluru KA 560001",
          "Hyderabad TG 500001",
          "Ahmedabad GJ 380001",
          "Chennai TN 600001",
          "Kolkata WB 700001",
          "Surat GJ 395003",
          "Pune MH 411001",
          "Jaipur RJ 302001",
          "Lucknow UP 226001",
          "Kanpur UP 208001",
          "Nagpur MH 440001",
          "Indore MP 452001",
          "Thane MH 400601",
          "Bhopal MP 462001",
          "Visakhapatnam AP 530001",
          "Patna BR 800001",
          "Vadodara GJ 390001",
          "Ghaziabad UP 201001",
          "Ludhiana PB 141001",
          "Agra UP 282001",
          "Nashik MH 422001",
          "Faridabad HR 121001",
          "Meerut UP 250001",
          "Rajkot GJ 360001",
          "Varanasi UP 221001",
          "Srinagar JK 190001",
          "Aurangabad MH 431001",
          "Dhanbad JH 826001",
          "Amritsar PB 143001",
          "Prayagraj UP 211001",
          "Ranchi JH 834001",
          "Howrah WB 711101",
          "Coimbatore TN 641001",
          "Jabalpur MP 482001",
          "Gwalior MP 474001",
          "Vijayawada AP 520001",
          "Jodhpur RJ 342001",
          "Madurai TN 625001",
          "Raipur CG 492001",
          "Kota RJ 324001",
          "Guwahati AS 781001",
          "Chandigarh CH 160017",
          "Mysuru KA 570001",
          "Tiruchirappalli TN 620001",
          "Thiruvananthapuram KL 695001",
          "Kochi KL 682001",
          "Bhubaneswar OD 751001",
          "Dehradun UK 248001");

  private DirectorySeed() {}

  static Specialty specialtyOf(int index) {
    return SPECIALTIES.get(index % SPECIALTIES.size());
  }

  static City cityOf(int index) {
    return CITIES.get((index / SPECIALTIES.size()) % CITIES.size());
  }

  /** A doctor's profile to POST: the full benchmark profile, placed in its city and specialty. */
  static ObjectNode profile(int index) {
    ObjectNode doctor = DoctorProfiles.profile(index, 1, Shape.FULL);
    Specialty specialty = specialtyOf(index);
    doctor
        .putArray("specialties")
        .addObject()
        .put("system", NUCC)
        .put("code", specialty.code())
        .put("display", specialty.display());
    City city = cityOf(index);
    ObjectNode location = (ObjectNode) doctor.get("locations").get(0);
    location.put("name", "Clinic " + index + ", " + city.name());
    ((ObjectNode) location.get("address"))
        .put("city", city.name())
        .put("state", city.state())
        .put("postalCode", city.postalCode());
    ((ObjectNode) doctor.get("affiliations").get(0)).put("name", city.name() + " General Hospital");
    return doctor;
  }

  /** The profile as the hub stores it after a create. */
  static ObjectNode stored(UUID id, int index) {
    ObjectNode doctor = HubClient.json().createObjectNode();
    doctor.put("id", id.toString());
    doctor.put("version", 1);
    doctor.setAll(profile(index));
    return doctor;
  }

  /**
   * Creates the first doctors through the API, one per specialty, and consents them to the insurer:
   * a 201 is the API's word that the specialties and the profile are acceptable.
   */
  static int createThroughApi(HubClient api, String insurerId) {
    for (int i = 0; i < SPECIALTIES.size(); i++) {
      String id = api.post("/api/doctors", profile(i)).expect(201).body().get("id").asText();
      api.put("/api/operator/consents/" + id + "/" + insurerId, Map.of("status", "ACTIVE"), null)
          .expect(200);
    }
    return SPECIALTIES.size();
  }

  static void bulkInsert(TestDatabase db, int from, int to, int batch, String insurerId)
      throws SQLException {
    BulkInsert.doctors(db, from, to, batch, insurerId, DirectorySeed::stored);
  }

  /**
   * Brings the database to the state autovacuum keeps it in within its next rounds: planner
   * statistics gathered, and the pages the load wrote marked all-visible. Right after a bulk load
   * of tables never analyzed, PostgreSQL can pick the {@code (insurer_id, type, last_updated)}
   * index for a read by id and scan the whole type (seen at 2,000 doctors: 24 ms for one read); and
   * until a vacuum has set the visibility map, an index-only scan of the search index visits the
   * table for every entry it reads (after this vacuum, EXPLAIN shows no heap fetches for the
   * benchmark's search at 100,000 doctors). Either measures the first minutes after a load, not the
   * steady state.
   */
  static void vacuumAnalyze(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("vacuum analyze");
    }
  }

  /**
   * Waits until the insurer's view holds {@code count} Practitioners and nothing is queued. On
   * every poll (every 250 ms) it also notes which statements other sessions are running: a poor
   * man's profile of where PostgreSQL spends the projection.
   *
   * @return how often each statement (its first 90 characters, whitespace collapsed) was seen
   *     active
   */
  static Map<String, Integer> awaitProjected(
      TestDatabase db, String insurerId, int count, Duration timeout) throws SQLException {
    Map<String, Integer> active = new java.util.HashMap<>();
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long lastLog = start;
    try (Connection c = db.connect();
        PreparedStatement projected =
            c.prepareStatement(
                "select count(*) from directory_resource"
                    + " where insurer_id = ? and type = 'Practitioner' and not deleted");
        PreparedStatement pending = c.prepareStatement("select count(*) from directory_pending");
        PreparedStatement activity =
            c.prepareStatement(
                "select query from pg_stat_activity where state = 'active'"
                    + " and pid <> pg_backend_pid() and backend_type = 'client backend'")) {
      projected.setString(1, insurerId);
      while (true) {
        long held = single(projected);
        long queued = single(pending);
        if (held >= count && queued == 0) {
          return active;
        }
        try (ResultSet rs = activity.executeQuery()) {
          while (rs.next()) {
            String query = rs.getString(1).strip().replaceAll("\\s+", " ");
            active.merge(query.substring(0, Math.min(90, query.length())), 1, Integer::sum);
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              held
                  + " of "
                  + count
                  + " Practitioners projected, "
                  + queued
                  + " queued, after "
                  + timeout);
        }
        if (System.nanoTime() - lastLog > 10_000_000_000L) {
          lastLog = System.nanoTime();
          log(
              "directory: %d of %d Practitioners projected, %d doctors queued",
              held, count, queued);
        }
        DeliveryTable.sleep(250);
      }
    }
  }

  /** Every Practitioner in the insurer's view. */
  static List<Projected> practitioners(TestDatabase db, String insurerId) throws SQLException {
    List<Projected> all = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select id, version, last_updated, content from directory_resource"
                    + " where insurer_id = ? and type = 'Practitioner' and not deleted"
                    + " order by id")) {
      s.setString(1, insurerId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          all.add(
              new Projected(
                  rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4)));
        }
      }
    }
    return all;
  }

  /**
   * Every PractitionerRole in the insurer's view, in id order, with the values the view indexes it
   * under for the benchmark's search: its specialties ({@code code} and {@code system|code}) and
   * its location's city (normalized).
   */
  static List<ProjectedRole> roles(TestDatabase db, String insurerId) throws SQLException {
    List<ProjectedRole> all = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                """
                select r.id, r.version, r.last_updated, r.content,
                  array(select v.value from directory_search v where v.insurer_id = r.insurer_id
                          and v.type = r.type and v.id = r.id and v.param = 'specialty'),
                  array(select v.value from directory_search v where v.insurer_id = r.insurer_id
                          and v.type = r.type and v.id = r.id
                          and v.param = 'location.address-city')
                from directory_resource r
                where r.insurer_id = ? and r.type = 'PractitionerRole' and not r.deleted
                order by r.id
                """)) {
      s.setString(1, insurerId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          all.add(
              new ProjectedRole(
                  new Projected(
                      rs.getString(1),
                      rs.getLong(2),
                      rs.getTimestamp(3).toInstant(),
                      rs.getString(4)),
                  List.of((String[]) rs.getArray(5).getArray()),
                  List.of((String[]) rs.getArray(6).getArray())));
        }
      }
    }
    return all;
  }

  private static long single(PreparedStatement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<City> cities(String... specs) {
    return java.util.Arrays.stream(specs)
        .map(s -> s.split(" "))
        .map(p -> new City(p[0], p[1], p[2]))
        .toList();
  }
}
