package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docport.mappings.PlanNetValidator;
import org.docport.testkit.HubClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The FHIR API driven as an insurer's integration engineer would: HAPI's generic client with a
 * SMART Backend Services access token, reading and searching its own view of the directory.
 */
class FhirApiTest extends FhirTest {

  @Autowired JdbcTemplate jdbc;

  private static final String FAMILY_MEDICINE = "http://nucc.org/provider-taxonomy|207Q00000X";

  @Test
  void anInsurerFindsItsDoctorsBySpecialtyAndCityWithThePractitionerIncluded() {
    Insurer insurer = insurer();
    String doctor = consentedDoctor("Kulkarni", insurer);
    IGenericClient fhir = client(insurer, "system/*.read");

    Bundle roles =
        fhir.search()
            .byUrl(
                "PractitionerRole?specialty="
                    + FAMILY_MEDICINE
                    + "&location.address-city=bengaluru&_include=PractitionerRole:practitioner")
            .returnBundle(Bundle.class)
            .execute();

    assertThat(resources(roles, PractitionerRole.class)).hasSize(1);
    Practitioner practitioner = resources(roles, Practitioner.class).get(0);
    assertThat(practitioner.getNameFirstRep().getFamily()).isEqualTo("Kulkarni");
    assertThat(roles.getEntry())
        .filteredOn(e -> e.getResource() instanceof Practitioner)
        .allMatch(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE);
    assertThat(roles.getEntry())
        .filteredOn(e -> e.getResource() instanceof PractitionerRole)
        .allMatch(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH);

    Practitioner read =
        fhir.read().resource(Practitioner.class).withId(practitioner.getIdPart()).execute();
    assertThat(read.getMeta().getVersionId()).isEqualTo("1");
    assertThat(read.getMeta().getProfile()).isNotEmpty();
    assertThat(
            fhir.search()
                .forResource(Practitioner.class)
                .where(
                    new TokenClientParam("identifier")
                        .exactly()
                        .systemAndCode(PRACTITIONER_SID, doctor))
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .hasSize(1);
  }

  @Test
  void aRoleIsFoundByItsLocationsNewCityWithoutANewVersionOfTheRole() {
    Insurer insurer = insurer();
    String doctor = consentedDoctor("Hegde", insurer);
    IGenericClient fhir = client(insurer, "system/*.read");
    String hers = "&practitioner.identifier=" + PRACTITIONER_SID + "|" + doctor;
    List<PractitionerRole> inBengaluru =
        roles(fhir, "PractitionerRole?location.address-city=bengaluru" + hers);
    assertThat(inBengaluru).hasSize(1);

    HubClient.Response profile = operator().get("/api/doctors/" + doctor).expect(200);
    String location = profile.body().at("/locations/0/id").asText();
    operator()
        .patch(
            "/api/doctors/" + doctor + "/locations/" + location,
            Map.of("address", Map.of("city", "Mysuru")),
            profile.etag())
        .expect(200);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> roles(fhir, "PractitionerRole?location.address-city=mysuru" + hers).size() == 1);
    assertThat(roles(fhir, "PractitionerRole?location.address-city=bengaluru" + hers)).isEmpty();
    PractitionerRole moved =
        roles(fhir, "PractitionerRole?location.address-city=mysuru" + hers).get(0);
    assertThat(moved.getIdPart()).isEqualTo(inBengaluru.get(0).getIdPart());
    assertThat(moved.getMeta().getVersionId())
        .as("the role itself did not change, only the location it refers to")
        .isEqualTo(inBengaluru.get(0).getMeta().getVersionId());
  }

  private static List<PractitionerRole> roles(IGenericClient fhir, String search) {
    return resources(
        fhir.search().byUrl(search).returnBundle(Bundle.class).execute(), PractitionerRole.class);
  }

  @Test
  void anotherInsurerGets404ForTheDoctorAndFindsNothing() {
    Insurer consented = insurer();
    Insurer other = insurer();
    consentedDoctor("Deshpande", consented);
    String id = practitionerId(client(consented, "system/*.read"), "Deshpande");
    IGenericClient stranger = client(other, "system/*.read");

    assertThat(
            catchThrowableOfType(
                ResourceNotFoundException.class,
                () -> stranger.read().resource(Practitioner.class).withId(id).execute()))
        .isNotNull();
    assertThat(
            stranger
                .search()
                .byUrl("PractitionerRole?_include=PractitionerRole:practitioner")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();
    assertThat(
            stranger
                .history()
                .onType(Practitioner.class)
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();
  }

  @Test
  void nextLinksVisitEveryMatchOnceWhileDoctorsChange() {
    Insurer insurer = insurer();
    List<String> doctors = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      doctors.add(consentedDoctor("Paged" + i, insurer));
    }
    IGenericClient fhir = client(insurer, "system/*.read");

    Bundle page =
        fhir.search()
            .byUrl("Practitioner?family=paged&_count=2")
            .returnBundle(Bundle.class)
            .execute();
    Set<String> seen = new HashSet<>();
    int pages = 0;
    while (true) {
      pages++;
      resources(page, Practitioner.class)
          .forEach(p -> assertThat(seen.add(p.getIdPart())).isTrue());
      // an edit between pages changes versions, not the order the pages follow
      String edited = "/api/doctors/" + doctors.get(pages % doctors.size());
      operator()
          .patch(
              edited,
              Map.of("name", Map.of("suffix", "p" + pages)),
              operator().get(edited).expect(200).etag())
          .expect(200);
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        break;
      }
      page = fhir.loadPage().next(page).execute();
    }
    assertThat(seen).hasSize(5);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void aRepeatedSearchKeepsOneStoredSearchWhoseNextLinkOnlyTheSearcherFollows() {
    Insurer insurer = insurer();
    for (int i = 0; i < 3; i++) {
      consentedDoctor("Repeated" + i, insurer);
    }
    IGenericClient fhir = client(insurer, "system/*.read");
    String search = "Practitioner?family=repeated&_count=2";

    Bundle first = fhir.search().byUrl(search).returnBundle(Bundle.class).execute();
    Bundle again = fhir.search().byUrl(search).returnBundle(Bundle.class).execute();

    assertThat(again.getLink(Bundle.LINK_NEXT).getUrl())
        .isEqualTo(first.getLink(Bundle.LINK_NEXT).getUrl());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from fhir_paged_search where insurer_id = ?",
                Long.class,
                insurer.id()))
        .isEqualTo(1);
    assertThat(resources(fhir.loadPage().next(again).execute(), Practitioner.class)).hasSize(1);
    IGenericClient stranger = client(insurer(), "system/*.read");
    assertThat(catchThrowable(() -> stranger.loadPage().next(first).execute()))
        .isInstanceOf(ResourceGoneException.class);
  }

  @Test
  void historyPagesListEveryVersionOnceNewestFirstWhileTheDoctorChanges() {
    Insurer insurer = insurer();
    String doctor = consentedDoctor("Historied", insurer);
    IGenericClient fhir = client(insurer, "system/*.read");
    String id = practitionerId(fhir, "Historied");
    // One edit projected at a time: edits that reach the projection together are one version.
    for (int i = 1; i <= 4; i++) {
      rename(doctor, "h" + i);
      long expected = i + 1;
      await().atMost(Duration.ofSeconds(30)).until(() -> version(fhir, id) == expected);
    }

    Bundle page =
        fhir.history()
            .onInstance("Practitioner/" + id)
            .returnBundle(Bundle.class)
            .count(2)
            .execute();
    List<String> versions = new ArrayList<>();
    while (true) {
      assertThat(page.getType()).isEqualTo(Bundle.BundleType.HISTORY);
      resources(page, Practitioner.class).forEach(p -> versions.add(p.getMeta().getVersionId()));
      assertThat(versions).as("next links that end").hasSizeLessThanOrEqualTo(5);
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        break;
      }
      if (versions.size() == 2) {
        // a version written between pages is newer than every page still to come
        rename(doctor, "h5");
        await().atMost(Duration.ofSeconds(30)).until(() -> version(fhir, id) == 6);
      }
      page = fhir.loadPage().next(page).execute();
    }
    assertThat(versions).containsExactly("5", "4", "3", "2", "1");
  }

  private void rename(String doctor, String suffix) {
    String path = "/api/doctors/" + doctor;
    operator()
        .patch(
            path, Map.of("name", Map.of("suffix", suffix)), operator().get(path).expect(200).etag())
        .expect(200);
  }

  private static long version(IGenericClient fhir, String id) {
    return fhir.read()
        .resource(Practitioner.class)
        .withId(id)
        .execute()
        .getIdElement()
        .getVersionIdPartAsLong();
  }

  /** Behind a proxy, the links an insurer follows name the hub as the insurer reaches it. */
  @Test
  void linksNameTheHubAsTheInsurerReachesItThroughAProxy() throws Exception {
    Insurer insurer = insurer();
    consentedDoctor("Proxied", insurer);
    consentedDoctor("Proxied", insurer);
    String token = InsurerFhirClients.token(operator(), port, insurer.id(), "system/*.read");
    HttpURLConnection http =
        (HttpURLConnection)
            new URL("http://localhost:" + port + "/fhir/Practitioner?family=proxied&_count=1")
                .openConnection();
    http.setRequestProperty("Authorization", "Bearer " + token);
    http.setRequestProperty("X-Forwarded-Proto", "https");
    http.setRequestProperty("X-Forwarded-Host", "directory.acme.example");

    assertThat(http.getResponseCode()).isEqualTo(200);
    try (InputStream body = http.getInputStream()) {
      Bundle page = FHIR.newJsonParser().parseResource(Bundle.class, body);
      assertThat(page.getLink(Bundle.LINK_NEXT).getUrl())
          .startsWith("https://directory.acme.example/fhir?");
      assertThat(page.getEntryFirstRep().getFullUrl())
          .startsWith("https://directory.acme.example/fhir/Practitioner/");
    }
  }

  /** curl and many scripts send the bar of system|code unencoded; Tomcat must let it through. */
  @Test
  void aTokenSearchWithAnUnencodedBarIsAnswered() throws Exception {
    Insurer insurer = insurer();
    String doctor = consentedDoctor("Barred", insurer);
    String token = InsurerFhirClients.token(operator(), port, insurer.id(), "system/*.read");
    // java.net.URI refuses the bar; URL sends the request line as written, as curl does
    HttpURLConnection http =
        (HttpURLConnection)
            new URL(
                    "http://localhost:"
                        + port
                        + "/fhir/Practitioner?identifier="
                        + PRACTITIONER_SID
                        + "|"
                        + doctor)
                .openConnection();
    http.setRequestProperty("Authorization", "Bearer " + token);

    assertThat(http.getResponseCode()).isEqualTo(200);
    try (InputStream body = http.getInputStream()) {
      assertThat(FHIR.newJsonParser().parseResource(Bundle.class, body).getEntry()).hasSize(1);
    }
  }

  @Test
  void anUnknownParameterIs400NamingItUnlessTheClientPrefersLenience() {
    Insurer insurer = insurer();
    IGenericClient fhir = client(insurer, "system/*.read");

    InvalidRequestException refused =
        catchThrowableOfType(
            InvalidRequestException.class,
            () ->
                fhir.search()
                    .byUrl("Practitioner?nickname=asha")
                    .returnBundle(Bundle.class)
                    .execute());

    assertThat(refused.getMessage()).contains("nickname");
    Bundle lenient =
        fhir.search()
            .byUrl("Practitioner?nickname=asha")
            .withAdditionalHeader("Prefer", "handling=lenient")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(lenient).isNotNull();
  }

  @Test
  void aTokenForPractitionersCannotReadLocations() {
    Insurer insurer = insurer();
    IGenericClient fhir = client(insurer, "system/Practitioner.read");

    assertThat(
            catchThrowableOfType(
                ForbiddenOperationException.class,
                () ->
                    fhir.search().forResource(Location.class).returnBundle(Bundle.class).execute()))
        .isNotNull();
    assertThat(fhir.search().forResource(Practitioner.class).returnBundle(Bundle.class).execute())
        .isNotNull();
  }

  /** Issue 7 item 2 on the FHIR side: served with id and meta, still valid Plan-Net. */
  @Test
  void everyResourceServedValidatesAgainstThePlanNetProfileItClaims() {
    Insurer insurer = insurer();
    consentedDoctor("Valid", insurer);
    IGenericClient fhir = client(insurer, "system/*.read");

    List<Resource> served = new ArrayList<>();
    for (String type :
        List.of(
            "Practitioner",
            "PractitionerRole",
            "Location",
            "Organization",
            "HealthcareService",
            "InsurancePlan")) {
      served.addAll(
          resources(
              fhir.search().byUrl(type).returnBundle(Bundle.class).execute(), Resource.class));
    }

    assertThat(served)
        .extracting(Resource::fhirType)
        .contains(
            "Practitioner",
            "PractitionerRole",
            "Location",
            "Organization",
            "HealthcareService",
            "InsurancePlan");
    assertThat(served)
        .allSatisfy(
            resource ->
                assertThat(PlanNetValidator.errors(resource))
                    .as(
                        "%s: %s",
                        resource.getId(),
                        PlanNetValidator.describe(PlanNetValidator.errors(resource)))
                    .isEmpty());
  }

  @Test
  void metadataDeclaresThePlanNetSearchParametersIncludesAndRevincludes() {
    CapabilityStatement metadata =
        unauthenticated().capabilities().ofType(CapabilityStatement.class).execute();

    CapabilityStatementRestResourceComponent roles = resource(metadata, "PractitionerRole");
    assertThat(roles.getSearchParam())
        .extracting(p -> p.getName())
        .contains(
            "specialty",
            "location",
            "network",
            "practitioner",
            "organization",
            "_id",
            "_lastUpdated");
    assertThat(roles.getSearchInclude())
        .extracting(i -> i.getValue())
        .contains("PractitionerRole:practitioner");
    assertThat(resource(metadata, "Practitioner").getSearchRevInclude())
        .extracting(i -> i.getValue())
        .contains("PractitionerRole:practitioner");
    assertThat(resource(metadata, "OperationDefinition").getSearchParam()).isEmpty();
    assertThat(roles.getInteraction())
        .extracting(i -> i.getCode().toCode())
        .contains("read", "vread", "search-type", "history-instance", "history-type");
  }
}
