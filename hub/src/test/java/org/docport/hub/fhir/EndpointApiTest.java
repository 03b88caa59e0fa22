package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.docport.mappings.BusinessIdentifiers.ENDPOINT;
import static org.docport.mappings.BusinessIdentifiers.PRACTITIONER_ROLE;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.docport.hub.SampleDoctors;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.mappings.PlanNetProfiles;
import org.docport.mappings.PlanNetValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Plan-Net's Endpoint over {@code /fhir} (issue 7): a doctor's technical endpoints are read,
 * searched and included like the doctor's other resources, by exactly the insurers that see the
 * doctor, and delivered by the connector to the insurer's own server.
 */
class EndpointApiTest extends FhirTest {

  @Test
  void anInsurerReadsSearchesAndIncludesTheDoctorsEndpoints() {
    Insurer insurer = insurer();
    Doctor doctor = doctorWithEndpoints("Endpointed", insurer);
    IGenericClient fhir = client(insurer, "system/*.read");

    Endpoint server = fhir.read().resource(Endpoint.class).withId(doctor.fhirServer()).execute();
    assertThat(server.getAddress()).isEqualTo(SampleDoctors.FHIR_SERVER);
    assertThat(server.getConnectionType().getCode()).isEqualTo("hl7-fhir-rest");
    assertThat(server.getMeta().getVersionId()).isEqualTo("1");
    assertThat(PlanNetValidator.errors(server))
        .as(PlanNetValidator.describe(PlanNetValidator.errors(server)))
        .isEmpty();
    assertThat(
            fhir.read()
                .resource(Endpoint.class)
                .withIdAndVersion(doctor.fhirServer(), "1")
                .execute()
                .getAddress())
        .isEqualTo(SampleDoctors.FHIR_SERVER);
    assertThat(
            fhir.history()
                .onInstance(new IdType("Endpoint", doctor.fhirServer()))
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .hasSize(1);

    assertThat(ids(search(fhir, "Endpoint?connection-type=hl7-fhir-rest"), Endpoint.class))
        .contains(doctor.fhirServer())
        .doesNotContain(doctor.direct());
    assertThat(
            ids(
                search(
                    fhir,
                    "Endpoint?connection-type=http://terminology.hl7.org/CodeSystem/"
                        + "endpoint-connection-type|direct-project&name=kavya"),
                Endpoint.class))
        .containsExactly(doctor.direct());

    Bundle roles =
        search(
            fhir,
            "PractitionerRole?practitioner.identifier="
                + PRACTITIONER_SID
                + "|"
                + doctor.id()
                + "&_include=PractitionerRole:endpoint");
    PractitionerRole role = resources(roles, PractitionerRole.class).get(0);
    assertThat(role.getTelecom()).as("the doctor has no telephone").isEmpty();
    assertThat(role.getEndpoint())
        .extracting(Reference::getReference)
        .containsExactlyInAnyOrder(
            "Endpoint/" + doctor.fhirServer(), "Endpoint/" + doctor.direct());
    assertThat(ids(roles, Endpoint.class))
        .containsExactlyInAnyOrder(doctor.fhirServer(), doctor.direct());
    assertThat(
            ids(
                search(fhir, "PractitionerRole?endpoint=Endpoint/" + doctor.direct()),
                PractitionerRole.class))
        .containsExactly(role.getIdPart());
    assertThat(
            ids(
                search(
                    fhir,
                    "Endpoint?_id="
                        + doctor.fhirServer()
                        + "&_revinclude=PractitionerRole:endpoint"),
                PractitionerRole.class))
        .containsExactly(role.getIdPart());
  }

  @Test
  void anInsurerWithoutConsentGets404AndFindsNoEndpointAndARevokedConsentRemovesThem() {
    Insurer consented = insurer();
    Insurer other = insurer();
    Doctor doctor = doctorWithEndpoints("Guarded", consented);
    IGenericClient stranger = client(other, "system/*.read");

    assertThat(
            catchThrowableOfType(
                ResourceNotFoundException.class,
                () -> stranger.read().resource(Endpoint.class).withId(doctor.direct()).execute()))
        .isNotNull();
    assertThat(search(stranger, "Endpoint").getEntry()).isEmpty();
    assertThat(search(stranger, "PractitionerRole?_include=PractitionerRole:endpoint").getEntry())
        .isEmpty();

    consent(doctor.id(), consented, "REVOKED");
    IGenericClient former = client(consented, "system/*.read");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> search(former, "Endpoint").getEntry().isEmpty());
    assertThat(
            catchThrowableOfType(
                ResourceNotFoundException.class,
                () -> former.read().resource(Endpoint.class).withId(doctor.direct()).execute()))
        .as("hidden with the doctor, like the doctor's other resources")
        .isNotNull();
  }

  @Test
  void anEndpointTheDoctorRemovesIsGoneAndNoRoleRefersToIt() {
    Insurer insurer = insurer();
    Doctor doctor = doctorWithEndpoints("Pruned", insurer);
    IGenericClient fhir = client(insurer, "system/*.read");
    JsonNode profile = operator().get("/api/doctors/" + doctor.id()).expect(200).body();

    operator()
        .patch(
            "/api/doctors/" + doctor.id(),
            Map.of("endpoints", List.of(profile.at("/endpoints/0"))),
            "\"" + profile.get("version").asText() + "\"")
        .expect(200);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                catchThrowableOfType(
                        ResourceGoneException.class,
                        () ->
                            fhir.read().resource(Endpoint.class).withId(doctor.direct()).execute())
                    != null);
    assertThat(search(fhir, "PractitionerRole?endpoint=Endpoint/" + doctor.fhirServer()).getEntry())
        .hasSize(1);
    assertThat(search(fhir, "PractitionerRole?endpoint=Endpoint/" + doctor.direct()).getEntry())
        .isEmpty();
  }

  @Test
  void aBulkExportOfEveryTypeOrOfEndpointAloneHoldsTheDoctorsEndpoints() {
    Insurer insurer = insurer();
    Doctor doctor = doctorWithEndpoints("Exported", insurer);
    var exporter =
        new BulkExporter(
            port, InsurerFhirClients.token(operator(), port, insurer.id(), "system/*.read"));

    for (String kickOff : List.of("/fhir/$export", "/fhir/Endpoint/$export")) {
      var endpoints = BulkExporter.output(exporter.export(kickOff), "Endpoint");
      assertThat(exporter.download(endpoints.get("url").asText()))
          .as(kickOff)
          .extracting(Resource::getIdPart)
          .containsExactlyInAnyOrder(doctor.fhirServer(), doctor.direct());
    }
  }

  /** Write order is the connector's (FhirRestDeliveryTest); here the hub's delivery reaches it. */
  @Test
  void theConnectorDeliversTheEndpointsAndTheRoleThatRefersToThem() {
    Insurer insurer = insurer();
    Doctor doctor = doctorWithEndpoints("Delivered", insurer);

    Endpoint delivered =
        delivered(insurer, Endpoint.class, ENDPOINT, doctor.id() + "/" + doctor.directEndpointId());
    PractitionerRole role =
        delivered(
            insurer,
            PractitionerRole.class,
            PRACTITIONER_ROLE,
            doctor.id() + "/" + doctor.locationId() + "/gold");

    assertThat(delivered.getAddress()).isEqualTo("mailto:" + SampleDoctors.DIRECT_ADDRESS);
    assertThat(role.getEndpoint())
        .extracting(Reference::getReference)
        .contains("Endpoint/" + delivered.getIdPart());
  }

  private static <T extends Resource> T delivered(
      Insurer insurer, Class<T> type, String system, String value) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> insurer.server().findByIdentifier(type, system, value), Optional::isPresent)
        .orElseThrow();
  }

  @Test
  void metadataDeclaresEndpointItsSearchesAndTheEndpointIncludes() {
    CapabilityStatement metadata =
        unauthenticated().capabilities().ofType(CapabilityStatement.class).execute();

    CapabilityStatementRestResourceComponent endpoint = resource(metadata, "Endpoint");
    assertThat(endpoint.getSupportedProfile())
        .extracting(p -> p.getValue())
        .containsExactly(PlanNetProfiles.ENDPOINT);
    assertThat(endpoint.getInteraction())
        .extracting(i -> i.getCode().toCode())
        .contains("read", "vread", "search-type", "history-instance");
    assertThat(endpoint.getSearchParam())
        .extracting(p -> p.getName())
        .contains("organization", "connection-type", "_id", "_lastUpdated");
    assertThat(endpoint.getSearchInclude())
        .extracting(i -> i.getValue())
        .contains("Endpoint:organization");
    assertThat(endpoint.getSearchRevInclude())
        .extracting(i -> i.getValue())
        .contains("PractitionerRole:endpoint", "Location:endpoint", "Organization:endpoint");
    for (String type : List.of("PractitionerRole", "Location", "Organization")) {
      assertThat(resource(metadata, type).getSearchParam())
          .extracting(p -> p.getName())
          .as(type)
          .contains("endpoint");
      assertThat(resource(metadata, type).getSearchInclude())
          .extracting(i -> i.getValue())
          .contains(type + ":endpoint");
    }
    assertThat(resource(metadata, "Organization").getSearchRevInclude())
        .extracting(i -> i.getValue())
        .contains("Endpoint:organization");
  }

  /** A consented doctor with no telephone, reachable at a FHIR server and a Direct address. */
  private Doctor doctorWithEndpoints(String family, Insurer insurer) {
    JsonNode created =
        operator().post("/api/doctors", SampleDoctors.withEndpointsOnly(family)).expect(201).body();
    String id = created.get("id").asText();
    consent(id, insurer, "ACTIVE");
    Doctor doctor =
        new Doctor(
            id,
            created.at("/locations/0/id").asText(),
            created.at("/endpoints/0/id").asText(),
            created.at("/endpoints/1/id").asText());
    IGenericClient fhir = client(insurer, "system/*.read");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> !ids(search(fhir, "Endpoint?_id=" + doctor.direct()), Endpoint.class).isEmpty());
    return doctor;
  }

  /** A doctor's registry id, its location id and its endpoints' ids in the registry. */
  private record Doctor(
      String id, String locationId, String fhirServerEndpointId, String directEndpointId) {

    String fhirServer() {
      return logicalId(fhirServerEndpointId);
    }

    String direct() {
      return logicalId(directEndpointId);
    }

    private String logicalId(String endpointId) {
      return BusinessIdentifiers.logicalId(
          BusinessIdentifiers.endpoint(UUID.fromString(id), endpointId));
    }
  }

  private static List<String> ids(Bundle bundle, Class<? extends Resource> type) {
    return resources(bundle, type).stream().map(Resource::getIdPart).toList();
  }
}
