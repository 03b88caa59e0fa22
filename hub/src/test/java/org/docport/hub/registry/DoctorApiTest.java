package org.docport.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.hub.HubTest;
import org.docport.hub.SampleDoctors;
import org.docport.testkit.HubClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DoctorApiTest extends HubTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired Doctors doctors;

  @Test
  void createdDoctorCanBeReadBackWithItsVersionAsETag() {
    HubClient.Response created =
        operator().post("/api/doctors", SampleDoctors.profile("Rao")).expect(201);
    assertThat(created.etag()).isEqualTo("\"1\"");
    String id = created.body().get("id").asText();
    assertThat(created.body().at("/locations/0/id").asText()).startsWith("loc-");

    HubClient.Response read = operator().get("/api/doctors/" + id).expect(200);
    assertThat(read.etag()).isEqualTo("\"1\"");
    assertThat(read.body()).isEqualTo(created.body());
  }

  @Test
  void fullUpdateNeedsTheCurrentVersionInIfMatch() {
    JsonNode doctor =
        operator().post("/api/doctors", SampleDoctors.profile("Iyer")).expect(201).body();
    String path = "/api/doctors/" + doctor.get("id").asText();
    Map<String, Object> changed = new HashMap<>(SampleDoctors.profile("Iyer-Menon"));

    assertThat(operator().put(path, changed, null).expect(428).body().get("detail").asText())
        .contains("If-Match");
    HubClient.Response updated = operator().put(path, changed, "\"1\"").expect(200);
    assertThat(updated.etag()).isEqualTo("\"2\"");
    assertThat(updated.body().at("/name/family").asText()).isEqualTo("Iyer-Menon");

    HubClient.Response stale = operator().put(path, SampleDoctors.profile("Lost"), "\"1\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.body().get("detail").asText()).contains("version 2");
    assertThat(operator().get(path).body().at("/name/family").asText()).isEqualTo("Iyer-Menon");
  }

  @Test
  void mergePatchChangesOnlyTheNamedFields() {
    JsonNode doctor =
        operator().post("/api/doctors", SampleDoctors.profile("Das")).expect(201).body();
    String path = "/api/doctors/" + doctor.get("id").asText();

    JsonNode patched =
        operator()
            .patch(path, Map.of("gender", "other", "name", Map.of("suffix", "MBBS")), "\"1\"")
            .expect(200)
            .body();

    assertThat(patched.get("gender").asText()).isEqualTo("other");
    assertThat(patched.at("/name/suffix").asText()).isEqualTo("MBBS");
    assertThat(patched.at("/name/family").asText()).isEqualTo("Das");
    assertThat(patched.get("locations")).isEqualTo(doctor.get("locations"));
    assertThat(patched.get("version").asLong()).isEqualTo(2);
  }

  @Test
  void practiceLocationsAreSubResourcesThatBumpTheDoctorVersion() {
    JsonNode doctor =
        operator().post("/api/doctors", SampleDoctors.profile("Nair")).expect(201).body();
    String locations = "/api/doctors/" + doctor.get("id").asText() + "/locations";
    Map<String, Object> clinic =
        Map.of("name", "Second Clinic", "address", Map.of("city", "Mysuru", "country", "IN"));

    HubClient.Response added = operator().post(locations, clinic).expect(201);
    assertThat(added.etag()).isEqualTo("\"2\"");
    String second = locations + "/" + added.body().get("id").asText();

    operator().patch(second, Map.of("phone", "+91 821 555 0101"), "\"2\"").expect(200);
    assertThat(operator().get(second).body().get("phone").asText()).isEqualTo("+91 821 555 0101");
    operator().put(second, clinic, "\"3\"").expect(200);
    assertThat(operator().get(second).body().has("phone")).isFalse();

    operator().delete(second).expect(428);
    assertThat(operator().get(locations).body()).hasSize(2);
    assertThat(operator().get(locations + "/loc-nothere").status()).isEqualTo(404);
  }

  @Test
  void malformedJsonIsABadRequestNotAServerError() {
    HubClient.Response response = operator().post("/api/doctors", "{\"name\": {\"family\": \"X\"");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("title").asText()).isEqualTo("Malformed JSON");
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItIsRead() {
    String huge = "{\"name\": {\"family\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
    HubClient.Response response = operator().post("/api/doctors", huge);
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.body().get("title").asText()).isEqualTo("Request too large");
  }

  @Test
  void unknownFieldIsNamed() {
    Map<String, Object> profile = new HashMap<>(SampleDoctors.profile("Sen"));
    profile.put("name", Map.of("family", "Sen", "nickname", "Doc"));
    assertField(operator().post("/api/doctors", profile), "name.nickname");
  }

  @Test
  void invalidValuesAreNamedFieldByField() {
    assertInvalid("gender", "robot", "gender");
    assertInvalid(
        "specialties",
        List.of(Map.of("system", "http://nucc.org/provider-taxonomy", "code", "not-a-code")),
        "specialties[0].code");
    assertInvalid(
        "identifiers",
        List.of(Map.of("system", "urn:x", "value", "1", "validFrom", "2024-13-40")),
        "identifiers[0].validFrom");
    assertInvalid(
        "identifiers",
        List.of(Map.of("system", "http://hl7.org/fhir/sid/us-npi", "value", "1234567890")),
        "identifiers[0].value");
    assertInvalid(
        "identifiers",
        List.of(
            Map.of(
                "system",
                "urn:x",
                "value",
                "1",
                "validFrom",
                "2024-01-01",
                "validTo",
                "2023-01-01")),
        "identifiers[0].validTo");
    assertInvalid("languages", List.of("english!"), "languages[0]");
    assertInvalid("name", Map.of("family", "x".repeat(101)), "name.family");
    assertInvalid("name", Map.of("family", 42), "name.family");
    assertInvalid(
        "locations",
        List.of(Map.of("name", "Clinic", "address", Map.of("city", "Nowhere", "country", "XX"))),
        "locations[0].address.country");
    assertInvalid(
        "telecom", List.of(Map.of("system", "email", "value", "not-an-email")), "telecom[0].value");
  }

  @Test
  void invalidTechnicalEndpointsAreNamedFieldByField() {
    String url = "https://a.example.org";
    assertInvalidEndpoint(
        Map.of("connectionType", "hl7-fhir-rest", "address", "not a url"), "address");
    assertInvalidEndpoint(Map.of("connectionType", "hl7-fhir-rest", "address", "/r4"), "address");
    assertInvalidEndpoint(
        Map.of("connectionType", "carrier-pigeon", "address", url), "connectionType");
    assertInvalidEndpoint(Map.of("address", url), "connectionType");
    assertInvalidEndpoint(Map.of("connectionType", "direct-project", "address", url), "address");
    assertInvalidEndpoint(Map.of("connectionType", "hl7-fhir-rest"), "address");
    assertInvalidEndpoint(
        Map.of("connectionType", "hl7-fhir-rest", "address", url, "mimeTypes", List.of("json")),
        "mimeTypes[0]");
    assertInvalidEndpoint(
        Map.of(
            "connectionType", "hl7-fhir-rest", "address", url, "payloadType", Map.of("code", "x")),
        "payloadType.system");
    assertInvalid(
        "endpoints",
        List.of(
            Map.of("id", "ep-1", "connectionType", "rest-non-fhir", "address", url),
            Map.of("id", "ep-1", "connectionType", "hl7-fhir-rest", "address", url)),
        "endpoints[1]");
  }

  @Test
  void technicalEndpointsGetStableIdsAndReachADoctorWithoutATelephone() {
    JsonNode created =
        operator()
            .post("/api/doctors", SampleDoctors.withEndpointsOnly("Endpointed"))
            .expect(201)
            .body();

    String id = created.at("/endpoints/0/id").asText();
    assertThat(id).matches("ep-[0-9a-f]{8}");
    assertThat(created.at("/endpoints/1/id").asText()).startsWith("ep-").isNotEqualTo(id);
    String path = "/api/doctors/" + created.get("id").asText();
    JsonNode renamed =
        operator()
            .patch(path, Map.of("name", Map.of("family", "Endpointed-Rao")), "\"1\"")
            .expect(200)
            .body();
    assertThat(renamed.get("endpoints")).isEqualTo(created.get("endpoints"));
  }

  @Test
  void aProfileStoredBeforeEndpointsExistedReadsWithNone() {
    var doctor = doctors.parse("{\"name\": {\"family\": \"Old\"}, \"locations\": []}");

    assertThat(doctor.normalized().endpoints()).isEmpty();
  }

  /**
   * What a new user enters first: a name, a specialty and one location, with no way to contact the
   * doctor. Plan-Net (US Core pd-1) requires contact information (or an Endpoint) on every
   * PractitionerRole, so no insurer could receive it: refused, saying what to add. With an e-mail
   * it is accepted.
   */
  @Test
  void aDoctorNobodyCouldContactIsRefusedWithWhatToAdd() {
    Map<String, Object> profile =
        Map.of(
            "name",
            Map.of("family", "Newuser", "given", List.of("Ira")),
            "specialties",
            List.of(
                Map.of(
                    "system", "http://nucc.org/provider-taxonomy",
                    "code", "207Q00000X",
                    "display", "Family Medicine")),
            "locations",
            List.of(
                Map.of("name", "Ira Clinic", "address", Map.of("city", "Pune", "country", "IN"))));

    HubClient.Response refused = operator().post("/api/doctors", profile);

    assertField(refused, "locations[0].phone");
    assertThat(refused.body().toString()).contains("add a telephone or e-mail");
    Map<String, Object> reachable = new HashMap<>(profile);
    reachable.put("telecom", List.of(Map.of("system", "email", "value", "ira@example.org")));
    operator().post("/api/doctors", reachable).expect(201);
  }

  @Test
  void unknownOrMalformedDoctorIdsAreClientErrors() {
    assertThat(operator().get("/api/doctors/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(operator().get("/api/doctors/not-a-uuid").status()).isEqualTo(400);
    assertThat(
            operator()
                .put("/api/doctors/" + UUID.randomUUID(), SampleDoctors.profile("Ghost"), "\"1\"")
                .status())
        .isEqualTo(404);
  }

  @Test
  void aRejectedWriteLeavesNothingBehind() {
    Map<String, Object> profile = SampleDoctors.profile("Kapoor");
    operator().post("/api/doctors", profile).expect(201);
    long doctors = count("doctor");
    // Only creations: sagas of earlier tests may still record consent changes meanwhile.
    long events = count("registry_event where kind = 'DOCTOR_CREATED'");

    HubClient.Response duplicate = operator().post("/api/doctors", profile);

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.body().get("detail").asText()).contains("identifiers[0]");
    assertThat(count("doctor")).isEqualTo(doctors);
    assertThat(count("registry_event where kind = 'DOCTOR_CREATED'")).isEqualTo(events);
  }

  @Test
  void theAuditTrailListsEveryChangeNewestFirstWithWhoMadeIt() {
    Insurer insurer = insurer();
    String id = createDoctor("Audit");
    String path = "/api/doctors/" + id;
    operator().patch(path, Map.of("gender", "other"), "\"1\"").expect(200);
    consent(id, insurer, "ACTIVE");

    JsonNode history = operator().get(path + "/history").expect(200).body();
    JsonNode events = history.get("events");
    assertThat(events)
        .extracting(e -> e.get("kind").asText())
        .containsExactly("CONSENT_CHANGED", "DOCTOR_UPDATED", "DOCTOR_CREATED");
    assertThat(events).extracting(e -> e.get("actor").asText()).containsOnly("operator");
    assertThat(events.get(0).get("insurerId").asText()).isEqualTo(insurer.id());
    assertThat(events.get(1).get("doctorVersion").asLong()).isEqualTo(2);
    assertThat(events.get(2).get("at").asText()).isNotBlank();
    assertThat(history.has("next")).as("no next page").isFalse();

    JsonNode firstPage = operator().get(path + "/history?limit=2").expect(200).body();
    assertThat(firstPage.get("events")).hasSize(2);
    JsonNode lastPage = operator().get(firstPage.get("next").asText()).expect(200).body();
    assertThat(lastPage.get("events"))
        .extracting(e -> e.get("kind").asText())
        .containsExactly("DOCTOR_CREATED");
    assertThat(lastPage.has("next")).as("no next page").isFalse();

    assertField(operator().get(path + "/history?limit=0"), "limit");
    assertField(operator().get(path + "/history?limit=many"), "limit");
    assertField(operator().get(path + "/history?before=-3"), "before");
    operator().get("/api/doctors/" + UUID.randomUUID() + "/history").expect(404);
  }

  @Test
  void aDoctorReachesOnlyTheirOwnRecord() {
    String username = "dr-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "correct horse battery";
    operator()
        .post("/api/accounts", Map.of("username", username, "password", password))
        .expect(201);
    HubClient doctor = as(username, password);

    String own =
        doctor
            .post("/api/doctors", SampleDoctors.profile("Bose"))
            .expect(201)
            .body()
            .get("id")
            .asText();
    doctor.get("/api/doctors/" + own).expect(200);
    assertThat(doctor.post("/api/doctors", SampleDoctors.profile("Bose")).status()).isEqualTo(409);

    String other =
        operator()
            .post("/api/doctors", SampleDoctors.profile("Other"))
            .expect(201)
            .body()
            .get("id")
            .asText();
    assertThat(doctor.get("/api/doctors/" + other).status()).isEqualTo(403);
    assertThat(doctor.get("/api/doctors/" + other + "/history").status()).isEqualTo(403);
    doctor.get("/api/doctors/" + own + "/history").expect(200);
    assertThat(doctor.get("/api/operator/insurers").status()).isEqualTo(403);
    assertThat(as(username, "wrong password!!").get("/api/doctors/" + own).status()).isEqualTo(401);
  }

  @Test
  void weakPasswordsAndTakenUsernamesAreRefused() {
    assertField(
        operator().post("/api/accounts", Map.of("username", "shorty", "password", "short")),
        "password");
    operator()
        .post("/api/accounts", Map.of("username", "taken-name", "password", "long enough password"))
        .expect(201);
    assertThat(
            operator()
                .post(
                    "/api/accounts",
                    Map.of("username", "taken-name", "password", "long enough password"))
                .status())
        .isEqualTo(409);
  }

  @Test
  void openApiDescriptionIsServed() {
    JsonNode api = operator().get("/v3/api-docs").expect(200).body();
    assertThat(api.get("paths").has("/api/doctors/{id}")).isTrue();
    assertThat(api.get("paths").has("/error")).as("the error page is no endpoint").isFalse();
  }

  private void assertInvalid(String field, Object value, String expectedField) {
    Map<String, Object> profile = new HashMap<>(SampleDoctors.profile("Invalid"));
    profile.put(field, value);
    profile.remove("identifiers".equals(field) ? "" : "identifiers");
    assertField(operator().post("/api/doctors", profile), expectedField);
  }

  private void assertInvalidEndpoint(Map<String, Object> endpoint, String field) {
    assertInvalid("endpoints", List.of(endpoint), "endpoints[0]." + field);
  }

  private long count(String rows) {
    return jdbc.queryForObject("select count(*) from " + rows, Long.class);
  }
}
