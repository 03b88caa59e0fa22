package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.docport.hub.HubTest;
import org.docport.hub.fhir.DirectoryQueries.Stored;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The directory an insurer reads over FHIR: projected from change capture, searched by indexed SQL,
 * and hidden the moment a consent stops letting data flow.
 */
class DirectoryQueriesTest extends HubTest {

  @Autowired DirectoryQueries directory;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aConsentedDoctorIsFoundBySpecialtyAndCityWithThePractitionerIncluded() {
    Insurer insurer = insurer();
    String doctor = createDoctor("Searchable");
    consent(doctor, insurer, "ACTIVE");
    await().atMost(Duration.ofSeconds(10)).until(() -> !practitioners(insurer, doctor).isEmpty());

    DirectoryQueries.Page page =
        directory.search(
            insurer.id(),
            search(
                "PractitionerRole",
                "specialty",
                "http://nucc.org/provider-taxonomy|207Q00000X",
                "location.address-city",
                "bengal",
                "_include",
                "PractitionerRole:practitioner"),
            null);

    assertThat(page.matches()).hasSize(1);
    assertThat(page.included())
        .singleElement()
        .satisfies(p -> assertThat(p.content()).contains("Searchable"));
    assertThat(
            directory
                .search(
                    insurer.id(), search("PractitionerRole", "location.address-city", "pune"), null)
                .matches())
        .isEmpty();
  }

  @Test
  void aRoleThatMatchesACriterionTwiceIsOneMatchAndPagesFollowEachOtherInIdOrder() {
    Insurer insurer = insurer();
    List<String> doctors =
        List.of(createDoctor("Paged-One"), createDoctor("Paged-Two"), createDoctor("Paged-Three"));
    doctors.forEach(doctor -> consent(doctor, insurer, "ACTIVE"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> doctors.stream().allMatch(d -> !practitioners(insurer, d).isEmpty()));
    // The role is indexed under both the bare code and system|code: each matches every role.
    String[] criteria = {
      "specialty",
      "207Q00000X,http://nucc.org/provider-taxonomy|207Q00000X",
      "location.address-city",
      "bengal",
      "_count",
      "2"
    };

    DirectoryQueries.Page first =
        directory.search(insurer.id(), search("PractitionerRole", criteria), null);
    DirectoryQueries.Page second =
        directory.search(insurer.id(), search("PractitionerRole", criteria), first.nextCursor());

    assertThat(first.matches()).hasSize(2);
    assertThat(second.matches()).hasSize(1);
    assertThat(second.nextCursor()).isNull();
    List<String> ids =
        Stream.concat(first.matches().stream(), second.matches().stream()).map(Stored::id).toList();
    assertThat(ids).doesNotHaveDuplicates().isSorted();
    assertThat(directory.count(insurer.id(), search("PractitionerRole", criteria))).isEqualTo(3);
  }

  @Test
  void anotherInsurerSeesNothingAndARevokedConsentHidesTheDoctorAtOnce() {
    Insurer consented = insurer();
    Insurer other = insurer();
    String doctor = createDoctor("Hidden");
    consent(doctor, consented, "ACTIVE");
    await().atMost(Duration.ofSeconds(10)).until(() -> !practitioners(consented, doctor).isEmpty());
    String id = practitioners(consented, doctor).get(0).id();

    assertThat(directory.current(other.id(), "Practitioner", id)).isEmpty();
    assertThat(practitioners(other, doctor)).isEmpty();

    consent(doctor, consented, "REVOKED");

    assertThat(directory.current(consented.id(), "Practitioner", id)).isEmpty();
    assertThat(practitioners(consented, doctor)).isEmpty();
    // The view catches up: a tombstone tells the insurer what to drop, and nothing more.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                directory
                    .history(consented.id(), "Practitioner", id, null, null, null, 10)
                    .versions()
                    .stream()
                    .anyMatch(Stored::deleted));
    assertThat(
            directory.history(consented.id(), "Practitioner", id, null, null, null, 10).versions())
        .filteredOn(v -> !v.deleted())
        .isEmpty();
  }

  @Test
  void anEditIsANewVersionAndAnUnchangedResourceKeepsItsVersion() {
    Insurer insurer = insurer();
    String doctor = createDoctor("Versioned");
    consent(doctor, insurer, "ACTIVE");
    await().atMost(Duration.ofSeconds(10)).until(() -> !practitioners(insurer, doctor).isEmpty());
    String id = practitioners(insurer, doctor).get(0).id();
    Stored location = locations(insurer, doctor).get(0);

    operator()
        .patch("/api/doctors/" + doctor, Map.of("name", Map.of("family", "Versioned-Two")), "\"1\"")
        .expect(200);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> directory.current(insurer.id(), "Practitioner", id).orElseThrow().version() == 2);
    assertThat(directory.version(insurer.id(), "Practitioner", id, 1).orElseThrow().content())
        .contains("\"Versioned\"");
    assertThat(directory.current(insurer.id(), "Location", location.id()).orElseThrow().version())
        .isEqualTo(location.version());
  }

  @Test
  void anEditOfNoSearchValueKeepsTheIndexRowsAndAnEditOfOneReplacesThem() {
    Insurer insurer = insurer();
    String doctor = createDoctor("Reindexed");
    consent(doctor, insurer, "ACTIVE");
    await().atMost(Duration.ofSeconds(10)).until(() -> !practitioners(insurer, doctor).isEmpty());
    String id = practitioners(insurer, doctor).get(0).id();
    List<String> rowsBefore = indexRows(insurer, id);

    // A telephone number is no search value of a Practitioner: a new version, the same index.
    operator()
        .patch(
            "/api/doctors/" + doctor,
            Map.of("telecom", List.of(Map.of("system", "phone", "value", "+91 80 4000 9999"))),
            "\"1\"")
        .expect(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> directory.current(insurer.id(), "Practitioner", id).orElseThrow().version() == 2);
    assertThat(indexRows(insurer, id)).isEqualTo(rowsBefore);

    operator()
        .patch("/api/doctors/" + doctor, Map.of("name", Map.of("family", "Renamed")), "\"2\"")
        .expect(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> directory.current(insurer.id(), "Practitioner", id).orElseThrow().version() == 3);
    assertThat(indexRows(insurer, id)).doesNotContainAnyElementsOf(rowsBefore);
    assertThat(
            directory
                .search(insurer.id(), search("Practitioner", "family", "renamed"), null)
                .matches())
        .extracting(Stored::id)
        .containsExactly(id);
    assertThat(
            directory
                .search(insurer.id(), search("Practitioner", "family", "reindexed"), null)
                .matches())
        .isEmpty();
  }

  /** The resource's index rows, each as its physical row and the transaction that wrote it. */
  private List<String> indexRows(Insurer insurer, String practitionerId) {
    return jdbc.queryForList(
        "select ctid::text || '/' || xmin::text from directory_search"
            + " where insurer_id = ? and type = 'Practitioner' and id = ? order by 1",
        String.class,
        insurer.id(),
        practitionerId);
  }

  private List<Stored> practitioners(Insurer insurer, String doctor) {
    return directory
        .search(
            insurer.id(),
            search(
                "Practitioner",
                "identifier",
                "https://docport.org/fhir/sid/practitioner|" + doctor),
            null)
        .matches();
  }

  private List<Stored> locations(Insurer insurer, String doctor) {
    return directory
        .search(
            insurer.id(),
            search(
                "Location",
                "_has:PractitionerRole:location:practitioner.identifier",
                "https://docport.org/fhir/sid/practitioner|" + doctor),
            null)
        .matches();
  }

  private static DirectorySearch search(String type, String... pairs) {
    Map<String, String[]> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      String[] before = parameters.getOrDefault(pairs[i], new String[0]);
      String[] after = Arrays.copyOf(before, before.length + 1);
      after[before.length] = pairs[i + 1];
      parameters.put(pairs[i], after);
    }
    return DirectorySearch.parse(type, parameters, false);
  }
}
