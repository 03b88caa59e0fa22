package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.docport.hub.SampleDoctors;
import org.docport.insurersim.InsurerServer;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.mappings.PlanNetProfiles;
import org.docport.mappings.PlanNetValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plan-Net's InsurancePlan, OrganizationAffiliation and HealthcareService, and the insurer's own
 * Organization, read and searched by insurers over {@code /fhir}: each insurer sees its own plans
 * and affiliations only, and a doctor's services and affiliations leave its view with the consent.
 */
class PlanNetTypesApiTest extends FhirTest {

  private static final String HOSPITAL = "Manipal Hospital Whitefield";

  private final List<InsurerServer> servers = new ArrayList<>();
  private final List<String> registered = new ArrayList<>();

  @Test
  void anInsurerReadsAndSearchesItsPlansAffiliationsAndServicesWithIncludes() {
    Insurer insurer = insurerWithAddress("commhmo");
    String doctor = affiliatedDoctor("Shetty", insurer);
    IGenericClient fhir = client(insurer, "system/*.read");
    String payer = "Organization/" + payerId(insurer);

    Bundle plans =
        search(fhir, "InsurancePlan?owned-by=" + payer + "&_include=InsurancePlan:administered-by");
    InsurancePlan plan = resources(plans, InsurancePlan.class).get(0);
    assertThat(resources(plans, InsurancePlan.class)).hasSize(1);
    assertThat(plan.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("commhmo");
    assertThat(plan.getAdministeredBy().getReference()).isEqualTo(payer);
    assertThat(resources(plans, Organization.class))
        .singleElement()
        .satisfies(o -> assertThat(o.getMeta().hasProfile(PlanNetProfiles.ORGANIZATION)).isTrue());
    assertThat(resources(search(fhir, "InsurancePlan?name=gold&type=commhmo"), InsurancePlan.class))
        .hasSize(1);

    Bundle affiliations =
        search(
            fhir,
            "OrganizationAffiliation?participating-organization.name=manipal"
                + "&primary-organization="
                + payer
                + "&_include=OrganizationAffiliation:participating-organization");
    OrganizationAffiliation affiliation =
        resources(affiliations, OrganizationAffiliation.class).get(0);
    assertThat(affiliation.getNetworkFirstRep().getReference())
        .isEqualTo(plan.getNetworkFirstRep().getReference());
    assertThat(resources(affiliations, Organization.class))
        .extracting(Organization::getName)
        .containsExactly(HOSPITAL);

    Bundle services =
        search(
            fhir,
            "HealthcareService?location.address-city=bengaluru&specialty=207Q00000X"
                + "&service-category=outpat&_revinclude=PractitionerRole:service");
    HealthcareService service = resources(services, HealthcareService.class).get(0);
    PractitionerRole role = resources(services, PractitionerRole.class).get(0);
    assertThat(role.getHealthcareServiceFirstRep().getReference())
        .isEqualTo("HealthcareService/" + service.getIdPart());
    assertThat(
            resources(
                search(
                    fhir,
                    "PractitionerRole?service.service-category=outpat&practitioner.identifier="
                        + PRACTITIONER_SID
                        + "|"
                        + doctor
                        + "&_include=PractitionerRole:service"),
                HealthcareService.class))
        .extracting(Resource::getIdPart)
        .containsExactly(service.getIdPart());

    for (Resource resource :
        List.of(
            read(fhir, InsurancePlan.class, plan.getIdPart()),
            read(fhir, OrganizationAffiliation.class, affiliation.getIdPart()),
            read(fhir, HealthcareService.class, service.getIdPart()),
            read(fhir, Organization.class, payerId(insurer)))) {
      assertThat(resource.getMeta().getVersionId()).isEqualTo("1");
      assertThat(PlanNetValidator.errors(resource))
          .as("%s%n%s", resource.getIdElement(), describe(resource))
          .isEmpty();
    }
  }

  @Test
  void aSecondInsurerSeesOnlyItsOwnPlansAndAffiliations() {
    Insurer first = insurerWithAddress("commppo");
    Insurer second = insurer();
    String doctor = affiliatedDoctor("Bhat", first);
    consent(doctor, second, "ACTIVE");
    IGenericClient mine = client(first, "system/*.read");
    IGenericClient theirs = client(second, "system/*.read");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> !all(theirs, "OrganizationAffiliation").isEmpty());

    List<InsurancePlan> theirPlans =
        resources(search(theirs, "InsurancePlan"), InsurancePlan.class);
    assertThat(theirPlans)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getIdentifierFirstRep().getValue()).startsWith(second.id() + "/");
              // No address registered: the insurer is named, not referenced.
              assertThat(p.getOwnedBy().getIdentifier().getValue()).isEqualTo(second.id());
            });
    assertThat(all(theirs, "OrganizationAffiliation"))
        .allMatch(id -> !all(mine, "OrganizationAffiliation").contains(id));
    String myPlan =
        resources(search(mine, "InsurancePlan"), InsurancePlan.class).get(0).getIdPart();
    assertThat(
            catchThrowableOfType(
                ResourceNotFoundException.class,
                () -> theirs.read().resource(InsurancePlan.class).withId(myPlan).execute()))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                ResourceNotFoundException.class,
                () -> theirs.read().resource(Organization.class).withId(payerId(first)).execute()))
        .isNotNull();
  }

  @Test
  void revokingConsentRemovesTheDoctorsAffiliationsAndServicesButNotThePlans() {
    Insurer insurer = insurerWithAddress("commppo");
    String doctor = affiliatedDoctor("Naik", insurer);
    IGenericClient fhir = client(insurer, "system/*.read");
    List<String> services = all(fhir, "HealthcareService");
    List<String> affiliations = all(fhir, "OrganizationAffiliation");
    assertThat(services).hasSize(1);
    assertThat(affiliations).hasSize(1);

    consent(doctor, insurer, "REVOKED");

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                all(fhir, "HealthcareService").isEmpty()
                    && all(fhir, "OrganizationAffiliation").isEmpty());
    assertThat(
            catchThrowableOfType(
                ResourceNotFoundException.class,
                () ->
                    fhir.read()
                        .resource(OrganizationAffiliation.class)
                        .withId(affiliations.get(0))
                        .execute()))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                ResourceNotFoundException.class,
                () ->
                    fhir.read()
                        .resource(HealthcareService.class)
                        .withId(services.get(0))
                        .execute()))
        .isNotNull();
    assertThat(all(fhir, "InsurancePlan")).hasSize(1);
  }

  @Test
  void anUnknownProductTypeIsRefusedNamingTheField() {
    Map<String, Object> registration =
        registration(
            "ins-" + UUID.randomUUID().toString().substring(0, 8),
            "medical",
            "http://localhost:1/fhir");

    assertField(operator().post("/api/operator/insurers", registration), "networks[0].productType");
  }

  /**
   * Plain JSON answers are written from the stored versions ({@link StoredJson}); HAPI encodes
   * every other. For every type, a read, a vread, a search with includes and its next page answer
   * the same headers and the same content either way (here HAPI's way is asked for with {@code
   * _pretty=true}), gzipped when the client accepts it.
   */
  @Test
  void everyTypeAnswersAsHapiEncodesItWhenServedFromStoredJson() throws Exception {
    Insurer insurer = insurerWithAddress("commppo");
    affiliatedDoctor("Rao", insurer);
    affiliatedDoctor("Iyer", insurer);
    String token = InsurerFhirClients.token(operator(), port, insurer.id(), "system/*.read");
    CapabilityStatement metadata =
        unauthenticated().capabilities().ofType(CapabilityStatement.class).execute();
    List<String> types =
        metadata.getRestFirstRep().getResource().stream()
            .filter(CapabilityStatementRestResourceComponent::hasSupportedProfile)
            .map(CapabilityStatementRestResourceComponent::getType)
            .toList();
    assertThat(types).hasSize(8);
    for (String type : types) {
      StringBuilder query = new StringBuilder(type + "?_count=1");
      resource(metadata, type).getSearchInclude().forEach(i -> query.append("&_include=" + i));
      resource(metadata, type)
          .getSearchRevInclude()
          .forEach(i -> query.append("&_revinclude=" + i));
      Answer search = Answer.both(port, token, query.toString());
      search.assertSameContentExcept("/id", "/meta", "/link");
      assertThat(search.stored().body().get("entry")).as(query.toString()).isNotEmpty();
      JsonNode first = search.stored().body().at("/entry/0/resource");
      String id = first.get("id").asText();
      Answer.both(port, token, type + "/" + id).assertSame();
      Answer.both(
              port, token, type + "/" + id + "/_history/" + first.at("/meta/versionId").asText())
          .assertSame();
      Answer.gzipped(port, token, type + "/" + id).assertSame();
      JsonNode next = link(search.stored().body(), "next");
      if (next != null) {
        String url = next.get("url").asText();
        Answer.both(port, token, url.substring(url.indexOf("/fhir") + "/fhir".length()))
            .assertSameContentExcept("/meta", "/link");
      }
    }
  }

  private static JsonNode link(JsonNode bundle, String relation) {
    for (JsonNode link : bundle.path("link")) {
      if (link.get("relation").asText().equals(relation)) {
        return link;
      }
    }
    return null;
  }

  /** One request answered from stored JSON and as HAPI encodes it. */
  private record Answer(Http stored, Http hapi) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HEADERS =
        List.of("Content-Type", "ETag", "Last-Modified", "Content-Location", "Content-Encoding");

    /**
     * @param path what follows {@code /fhir/}, or a query on {@code /fhir} itself
     */
    static Answer both(int port, String token, String path) throws Exception {
      String pretty = path + (path.contains("?") ? "&" : "?") + "_pretty=true";
      return new Answer(get(port, token, path, false), get(port, token, pretty, false));
    }

    static Answer gzipped(int port, String token, String path) throws Exception {
      String pretty = path + (path.contains("?") ? "&" : "?") + "_pretty=true";
      return new Answer(get(port, token, path, true), get(port, token, pretty, true));
    }

    void assertSame() {
      assertThat(stored.status()).as(stored.path()).isEqualTo(200);
      HEADERS.forEach(
          h -> assertThat(stored.header(h)).as(stored.path() + " " + h).isEqualTo(hapi.header(h)));
      assertThat(stored.body()).as(stored.path()).isEqualTo(hapi.body());
    }

    /** The same status, headers and content, but for the fields that name a search's run. */
    void assertSameContentExcept(String... pointers) {
      assertThat(stored.status()).as(stored.path() + " " + stored.body()).isEqualTo(200);
      HEADERS.stream()
          .filter(h -> !h.equals("Last-Modified"))
          .forEach(
              h ->
                  assertThat(stored.header(h))
                      .as(stored.path() + " " + h)
                      .isEqualTo(hapi.header(h)));
      assertThat(without(stored.body(), pointers))
          .as(stored.path())
          .isEqualTo(without(hapi.body(), pointers));
      assertThat(stored.body().get("link").size()).isEqualTo(hapi.body().get("link").size());
    }

    private static JsonNode without(JsonNode body, String... pointers) {
      ObjectNode copy = body.deepCopy();
      for (String pointer : pointers) {
        copy.remove(pointer.substring(1));
      }
      return copy;
    }

    private static Http get(int port, String token, String path, boolean gzip) throws Exception {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://localhost:"
                          + port
                          + "/fhir"
                          + (path.startsWith("?") ? "" : "/")
                          + path))
              .header("Authorization", "Bearer " + token)
              .header("Accept", "application/fhir+json");
      if (gzip) {
        request.header("Accept-Encoding", "gzip");
      }
      HttpResponse<byte[]> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] bytes = response.body();
      if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
        bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
      }
      return new Http(path, response.statusCode(), response.headers(), JSON.readTree(bytes));
    }
  }

  private record Http(String path, int status, HttpHeaders headers, JsonNode body) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  @Test
  void metadataDeclaresTheNewTypesTheirProfilesAndSearches() {
    CapabilityStatement metadata =
        unauthenticated().capabilities().ofType(CapabilityStatement.class).execute();

    assertThat(resource(metadata, "Organization").getSupportedProfile())
        .extracting(p -> p.getValue())
        .containsExactlyInAnyOrder(PlanNetProfiles.NETWORK, PlanNetProfiles.ORGANIZATION);
    assertThat(resource(metadata, "InsurancePlan").getSearchParam())
        .extracting(p -> p.getName())
        .contains("administered-by", "owned-by", "name", "plan-type", "identifier");
    assertThat(resource(metadata, "InsurancePlan").getSearchInclude())
        .extracting(i -> i.getValue())
        .contains("InsurancePlan:administered-by", "InsurancePlan:owned-by");
    assertThat(resource(metadata, "OrganizationAffiliation").getSearchParam())
        .extracting(p -> p.getName())
        .contains("primary-organization", "participating-organization", "network", "specialty");
    assertThat(resource(metadata, "OrganizationAffiliation").getSearchInclude())
        .extracting(i -> i.getValue())
        .contains("OrganizationAffiliation:participating-organization");
    assertThat(resource(metadata, "HealthcareService").getSearchParam())
        .extracting(p -> p.getName())
        .contains(
            "organization", "location", "name", "service-category", "service-type", "specialty");
    assertThat(resource(metadata, "HealthcareService").getSearchRevInclude())
        .extracting(i -> i.getValue())
        .contains("PractitionerRole:service", "OrganizationAffiliation:service");
    assertThat(resource(metadata, "Organization").getSearchRevInclude())
        .extracting(i -> i.getValue())
        .contains(
            "InsurancePlan:administered-by", "OrganizationAffiliation:participating-organization");
    assertThat(metadata.getRestFirstRep().getResource())
        .extracting(CapabilityStatementRestResourceComponent::getType)
        .contains("Endpoint");
  }

  @AfterEach
  void removeRegistered() {
    registered.forEach(id -> operator().delete("/api/operator/insurers/" + id));
    servers.forEach(InsurerServer::close);
  }

  /** An insurer registered with its address, so its own Organization is published. */
  private Insurer insurerWithAddress(String productType) {
    InsurerServer server = InsurerServer.start(0);
    servers.add(server);
    String id = "ins-" + UUID.randomUUID().toString().substring(0, 8);
    operator()
        .post("/api/operator/insurers", registration(id, productType, server.baseUrl()))
        .expect(201);
    registered.add(id);
    assertThat(
            operator()
                .get("/api/operator/insurers/" + id)
                .expect(200)
                .body()
                .at("/address/city")
                .asText())
        .isEqualTo("Bengaluru");
    return new Insurer(id, server);
  }

  private static Map<String, Object> registration(String id, String productType, String baseUrl) {
    return Map.of(
        "id",
        id,
        "name",
        "Insurer " + id,
        "identifier",
        Map.of("system", "urn:test:insurer", "value", id),
        "address",
        Map.of("lines", List.of("1 Residency Road"), "city", "Bengaluru", "country", "IN"),
        "networks",
        List.of(Map.of("id", "gold", "name", "Gold", "productType", productType)),
        "connector",
        Map.of("kind", "fhir-rest", "baseUrl", baseUrl));
  }

  /**
   * A sample doctor affiliated with {@value #HOSPITAL}, with a FHIR server endpoint, consented to
   * the insurer and shown.
   */
  private String affiliatedDoctor(String family, Insurer insurer) {
    Map<String, Object> profile = new HashMap<>(SampleDoctors.profile(family));
    profile.put("affiliations", List.of(Map.of("name", HOSPITAL)));
    profile.put(
        "endpoints",
        List.of(
            Map.of("connectionType", "hl7-fhir-rest", "address", "https://fhir.example.org/r4")));
    String doctor = operator().post("/api/doctors", profile).expect(201).body().get("id").asText();
    consent(doctor, insurer, "ACTIVE");
    IGenericClient fhir = client(insurer, "system/*.read");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> !all(fhir, "OrganizationAffiliation").isEmpty());
    return doctor;
  }

  private static String payerId(Insurer insurer) {
    return BusinessIdentifiers.logicalId(BusinessIdentifiers.insurer(insurer.id()));
  }

  /** The ids of every resource of the type in the insurer's view. */
  private static List<String> all(IGenericClient fhir, String type) {
    return search(fhir, type).getEntry().stream()
        .map(e -> e.getResource().getIdElement().getIdPart())
        .toList();
  }

  private static <T extends Resource> T read(IGenericClient fhir, Class<T> type, String id) {
    return fhir.read().resource(type).withId(id).execute();
  }

  private static String describe(Resource resource) {
    return PlanNetValidator.describe(PlanNetValidator.errors(resource));
  }
}
