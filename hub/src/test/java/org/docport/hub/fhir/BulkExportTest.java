package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FHIR Bulk Data export driven as an insurer's system runs it: kick off with {@code Prefer:
 * respond-async}, poll the status URL, read the manifest, download the NDJSON files with the same
 * access token.
 */
class BulkExportTest extends FhirTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void anInsurerExportsItsDirectoryAsNdjsonFilesAndTheDoctorSeesTheDisclosure() {
    Insurer insurer = insurer();
    String doctor = consentedDoctor("Exported", insurer);
    BulkExporter exporter = exporter(insurer, "system/*.read");

    HttpResponse<String> kickOff = exporter.get("/fhir/$export", true);
    assertThat(kickOff.statusCode()).isEqualTo(202);
    String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
    JsonNode manifest = exporter.manifest(status);

    assertThat(manifest.get("transactionTime").asText()).isNotBlank();
    assertThat(manifest.get("request").asText()).contains("/fhir/$export");
    assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
    assertThat(manifest.get("error")).isEmpty();
    assertThat(manifest.get("output").findValuesAsText("type"))
        .contains("Practitioner", "PractitionerRole", "Location", "Organization");
    JsonNode practitioners = output(manifest, "Practitioner");
    List<Resource> exported = exporter.download(practitioners.get("url").asText());
    assertThat(exported).hasSize(practitioners.get("count").asInt()).hasSize(1);
    Practitioner practitioner = (Practitioner) exported.get(0);
    assertThat(practitioner.getNameFirstRep().getFamily()).isEqualTo("Exported");
    assertThat(practitioner.getMeta().getVersionId()).isEqualTo("1");

    JsonNode disclosures = disclosures(doctor);
    JsonNode export = disclosures.get(0);
    assertThat(export.get("interaction").asText()).isEqualTo("export");
    assertThat(export.get("insurerId").asText()).isEqualTo(insurer.id());
    assertThat(export.get("request").asText()).contains("$export");
    assertThat(export.get("resources").asInt()).isEqualTo(1);
    assertThat(auditEvents(insurer))
        .map(AuditEvent::getSubtypeFirstRep)
        .anySatisfy(code -> assertThat(code.getCode()).isEqualTo("operation"));
  }

  @Test
  void typeAndTypeFilterNarrowTheExportAndAnUnknownTypeIs400() {
    Insurer insurer = insurer();
    consentedDoctor("Filtera", insurer);
    consentedDoctor("Filterb", insurer);
    BulkExporter exporter = exporter(insurer, "system/*.read");

    JsonNode filtered =
        exporter.export(
            "/fhir/$export?_type=Practitioner,Location&_typeFilter="
                + encode("Practitioner?family=filtera"));
    assertThat(filtered.get("output").findValuesAsText("type"))
        .containsExactlyInAnyOrder("Practitioner", "Location");
    assertThat(families(exporter.download(output(filtered, "Practitioner").get("url").asText())))
        .containsExactly("Filtera");
    assertThat(output(filtered, "Location").get("count").asInt()).isEqualTo(2);

    JsonNode typeLevel = exporter.export("/fhir/Practitioner/$export");
    assertThat(typeLevel.get("output").findValuesAsText("type")).containsExactly("Practitioner");
    assertThat(families(exporter.download(output(typeLevel, "Practitioner").get("url").asText())))
        .containsExactlyInAnyOrder("Filtera", "Filterb");

    HttpResponse<String> unknown = exporter.get("/fhir/$export?_type=Practitioner,Patient", true);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(outcome(unknown)).contains("Patient");
  }

  @Test
  void sinceExportsWhatChangedAndListsWhatTheInsurerLost() {
    Insurer insurer = insurer();
    String kept = consentedDoctor("Sincekept", insurer);
    String lost = consentedDoctor("Sincelost", insurer);
    BulkExporter exporter = exporter(insurer, "system/*.read");
    JsonNode first = exporter.export("/fhir/$export");
    String lostId = practitionerId(client(insurer, "system/*.read"), "Sincelost");
    String since = first.get("transactionTime").asText();

    String edited = "/api/doctors/" + kept;
    operator()
        .patch(
            edited,
            Map.of("name", Map.of("suffix", "Jr")),
            operator().get(edited).expect(200).etag())
        .expect(200);
    IGenericClient fhir = client(insurer, "system/*.read");
    String keptId = practitionerId(fhir, "Sincekept");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                "2"
                    .equals(
                        fhir.read()
                            .resource(Practitioner.class)
                            .withId(keptId)
                            .execute()
                            .getMeta()
                            .getVersionId()));
    consent(lost, insurer, "REVOKED");

    JsonNode changes = exporter.export("/fhir/$export?_since=" + encode(since));

    assertThat(families(exporter.download(output(changes, "Practitioner").get("url").asText())))
        .containsExactly("Sincekept");
    assertThat(changes.get("deleted")).hasSize(1);
    JsonNode deleted = changes.get("deleted").get(0);
    assertThat(deleted.get("type").asText()).isEqualTo("Bundle");
    List<Resource> bundles = exporter.download(deleted.get("url").asText());
    List<String> deletions =
        bundles.stream()
            .flatMap(b -> ((Bundle) b).getEntry().stream())
            .peek(e -> assertThat(e.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.DELETE))
            .map(e -> e.getRequest().getUrl())
            .toList();
    assertThat(deletions)
        .contains("Practitioner/" + lostId)
        .doesNotContain("Practitioner/" + keptId);
    assertThat(((Bundle) bundles.get(0)).getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
  }

  @Test
  void jobsAndFilesAreTheKickingClientsAloneAndDoctorsOfOtherInsurersNeverAppear() {
    Insurer first = insurer();
    Insurer second = insurer();
    consentedDoctor("Firstonly", first);
    consentedDoctor("Secondonly", second);
    BulkExporter owner = exporter(first, "system/*.read");
    HttpResponse<String> kickOff = owner.get("/fhir/$export", true);
    String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
    String file = output(owner.manifest(status), "Practitioner").get("url").asText();

    for (BulkExporter stranger :
        List.of(exporter(second, "system/*.read"), exporter(first, "system/*.read"))) {
      assertThat(stranger.get(status).statusCode()).isEqualTo(404);
      assertThat(stranger.get(file).statusCode()).isEqualTo(404);
      assertThat(stranger.delete(status).statusCode()).isEqualTo(404);
    }
    assertThat(families(owner.download(file))).containsExactly("Firstonly");

    BulkExporter secondsOwn = exporter(second, "system/*.read");
    JsonNode theirs = secondsOwn.export("/fhir/$export?_type=Practitioner");
    assertThat(families(secondsOwn.download(output(theirs, "Practitioner").get("url").asText())))
        .containsExactly("Secondonly");
  }

  @Test
  void kickOffNeedsPreferRespondAsyncNdjsonAndAToken() {
    Insurer insurer = insurer();
    BulkExporter exporter = exporter(insurer, "system/*.read");

    HttpResponse<String> withoutPrefer = exporter.get("/fhir/$export", false);
    assertThat(withoutPrefer.statusCode()).isEqualTo(400);
    assertThat(outcome(withoutPrefer)).contains("Prefer: respond-async");
    HttpResponse<String> csv = exporter.get("/fhir/$export?_outputFormat=text%2Fcsv", true);
    assertThat(csv.statusCode()).isEqualTo(400);
    assertThat(outcome(csv)).contains("_outputFormat");
    assertThat(new BulkExporter(port, null).get("/fhir/$export", true).statusCode()).isEqualTo(401);
    assertThat(exporter(insurer, "system/Practitioner.read").get("/fhir/$export", true))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(202));
    assertThat(
            exporter(insurer, "system/Practitioner.read")
                .get("/fhir/$export?_type=Location", true)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void aPostKickOffWithTypeAndSinceExportsTheSameFilesAsTheGet() {
    Insurer insurer = insurer();
    consentedDoctor("Postbefore", insurer);
    BulkExporter exporter = exporter(insurer, "system/*.read");
    String since = exporter.export("/fhir/$export").get("transactionTime").asText();
    String after = consentedDoctor("Postafter", insurer);

    JsonNode get =
        exporter.export("/fhir/$export?_type=Practitioner,Location&_since=" + encode(since));
    Parameters asked = new Parameters();
    asked.addParameter("_type", new StringType("Practitioner"));
    asked.addParameter("_type", new StringType("Location"));
    asked.addParameter("_since", new InstantType(since));
    JsonNode post = exporter.exportByPost("/fhir/$export", asked);

    assertThat(post.get("output").findValuesAsText("type"))
        .containsExactlyInAnyOrderElementsOf(get.get("output").findValuesAsText("type"))
        .containsExactlyInAnyOrder("Practitioner", "Location");
    for (String type : List.of("Practitioner", "Location")) {
      assertThat(output(post, type).get("count")).isEqualTo(output(get, type).get("count"));
      assertThat(exporter.downloadText(output(post, type).get("url").asText()))
          .isNotBlank()
          .isEqualTo(exporter.downloadText(output(get, type).get("url").asText()));
    }
    assertThat(families(exporter.download(output(post, "Practitioner").get("url").asText())))
        .containsExactly("Postafter");
    assertThat(post.get("request").asText())
        .contains("/fhir/$export?", "_type=Practitioner", "_type=Location", "_since=");
    assertThat(disclosures(after).get(0).get("request").asText()).contains("_since=");

    Parameters typeLevel = new Parameters();
    typeLevel.addParameter("_since", new InstantType(since));
    JsonNode practitioners = exporter.exportByPost("/fhir/Practitioner/$export", typeLevel);
    assertThat(practitioners.get("output").findValuesAsText("type"))
        .containsExactly("Practitioner");
    Parameters commaList = new Parameters();
    commaList.addParameter("_type", new StringType("Practitioner,Location"));
    commaList.addParameter("_typeFilter", new StringType("Practitioner?family=postbefore"));
    JsonNode filtered = exporter.exportByPost("/fhir/$export", commaList);
    assertThat(families(exporter.download(output(filtered, "Practitioner").get("url").asText())))
        .containsExactly("Postbefore");
  }

  @Test
  void aPostKickOffIsCheckedAsTheGetOneAndABadBodyIs400SayingWhatToSend() {
    Insurer insurer = insurer();
    BulkExporter exporter = exporter(insurer, "system/*.read");

    assertThat(
            postRefused(
                exporter, "/fhir/$export", parameter("_since", new StringType("yesterday"))))
        .contains("'_since'", "yesterday");
    String badInstant =
        "{\"resourceType\": \"Parameters\", \"parameter\": [{\"name\": \"_since\","
            + " \"valueInstant\": \"2026-13-45\"}]}";
    assertThat(refused(exporter.post("/fhir/$export", "application/fhir+json", badInstant, true)))
        .contains("'_since'", "2026-13-45");
    assertThat(
            postRefused(exporter, "/fhir/$export", parameter("_type", new StringType("Patient"))))
        .contains("'_type'", "Patient");
    assertThat(
            postRefused(
                exporter,
                "/fhir/Location/$export",
                parameter("_type", new StringType("Practitioner"))))
        .contains("'_type'", "Practitioner");
    assertThat(
            postRefused(
                exporter, "/fhir/$export", parameter("patient", new StringType("Patient/1"))))
        .contains("'patient'", "not supported");
    assertThat(
            postRefused(
                exporter, "/fhir/$export", parameter("_outputFormat", new StringType("text/csv"))))
        .contains("'_outputFormat'");
    assertThat(
            postRefused(exporter, "/fhir/$export", parameter("_type", new Reference("Location/1"))))
        .contains("'_type'", "valueString");
    assertThat(postRefused(exporter, "/fhir/$export?_type=Location", new Parameters()))
        .contains("'_type'", "Parameters body");

    assertThat(refused(exporter.post("/fhir/$export", "application/fhir+json", "{ not json", true)))
        .contains("$export body", "not a FHIR resource");
    assertThat(refused(exporter.post("/fhir/$export", "application/fhir+json", "", true)))
        .contains("$export body", "empty");
    assertThat(
            refused(
                exporter.post(
                    "/fhir/$export",
                    "application/fhir+json",
                    "{\"resourceType\": \"Patient\"}",
                    true)))
        .contains("$export body", "Patient", "Parameters");
    assertThat(
            refused(
                exporter.post(
                    "/fhir/$export",
                    "application/fhir+json",
                    "{\"resourceType\": \"Parameters\", \"paramter\": [{\"name\": \"_type\"}]}",
                    true)))
        .contains("$export body", "paramter");
    assertThat(refused(exporter.post("/fhir/$export", "text/plain", "_type=Location", true)))
        .contains("$export body", "application/fhir+json");

    String empty = "{\"resourceType\": \"Parameters\"}";
    assertThat(refused(exporter.post("/fhir/$export", "application/fhir+json", empty, false)))
        .contains("Prefer: respond-async");
    assertThat(
            new BulkExporter(port, null)
                .post("/fhir/$export", "application/fhir+json", empty, true)
                .statusCode())
        .isEqualTo(401);
    assertThat(
            exporter(insurer, "system/Practitioner.read")
                .post(
                    "/fhir/$export",
                    "application/fhir+json",
                    FHIR.newJsonParser()
                        .encodeResourceToString(parameter("_type", new StringType("Location"))),
                    true)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void aPollWhileTheManifestIsComputedAnswersProgress() {
    BulkExporter exporter = exporter(insurer(), "system/*.read");
    String status =
        exporter.get("/fhir/$export", true).headers().firstValue("Content-Location").orElseThrow();
    UUID job = UUID.fromString(status.substring(status.indexOf("_jobId=") + 7));

    HttpResponse<String> busy =
        transactions.execute(
            s -> {
              // as another poll computing the manifest holds the job
              jdbc.queryForList("select id from bulk_export where id = ? for update", job);
              return exporter.get(status);
            });

    assertThat(busy.statusCode()).isEqualTo(202);
    assertThat(busy.headers().firstValue("X-Progress")).isPresent();
    assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(exporter.get(status).statusCode()).isEqualTo(200);
  }

  @Test
  void aCancelledExportIsForgotten() {
    BulkExporter exporter = exporter(insurer(), "system/*.read");
    String status =
        exporter.get("/fhir/$export", true).headers().firstValue("Content-Location").orElseThrow();

    assertThat(exporter.delete(status).statusCode()).isEqualTo(202);
    assertThat(exporter.get(status).statusCode()).isEqualTo(404);
  }

  @Test
  void anExportExpiresWithItsFiles() {
    Insurer insurer = insurer();
    consentedDoctor("Expiring", insurer);
    BulkExporter exporter = exporter(insurer, "system/*.read");
    String status =
        exporter.get("/fhir/$export", true).headers().firstValue("Content-Location").orElseThrow();
    String file = output(exporter.manifest(status), "Practitioner").get("url").asText();

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> exporter.get(status).statusCode() == 404);
    HttpResponse<String> expired = exporter.get(file);
    assertThat(expired.statusCode()).isEqualTo(404);
    assertThat(outcome(expired)).contains("expired");
  }

  @Test
  void metadataDeclaresTheBulkDataExportAtSystemLevelAndItsOwnTypeLevelExports() {
    CapabilityStatement metadata =
        unauthenticated().capabilities().ofType(CapabilityStatement.class).execute();

    assertThat(metadata.getInstantiates())
        .extracting(c -> c.getValue())
        .contains("http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data");
    assertThat(metadata.getRestFirstRep().getOperation())
        .anySatisfy(
            o -> {
              assertThat(o.getName()).isEqualTo("export");
              assertThat(o.getDefinition())
                  .isEqualTo("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export");
            });
    // The IG's export is system-level only: a type's export names a definition saying what it is.
    String typeLevel =
        metadata.getRestFirstRep().getResource().stream()
            .filter(r -> r.getType().equals("Practitioner"))
            .flatMap(r -> r.getOperation().stream())
            .filter(o -> o.getName().equals("export"))
            .findFirst()
            .orElseThrow()
            .getDefinition();
    assertThat(typeLevel).doesNotStartWith(BulkExportProvider.BULK_DATA);
    OperationDefinition definition =
        client(insurer(), "system/*.read")
            .read()
            .resource(OperationDefinition.class)
            .withUrl(typeLevel)
            .execute();
    assertThat(definition.getType()).isTrue();
    assertThat(definition.getInstance()).isFalse();
    assertThat(definition.getAffectsState()).isFalse();
    assertThat(definition.getResource()).extracting(c -> c.getValue()).contains("Practitioner");
    assertThat(definition.getParameter())
        .extracting(OperationDefinition.OperationDefinitionParameterComponent::getName)
        .contains("_outputFormat", "_since", "_type", "_typeFilter");
  }

  private BulkExporter exporter(Insurer insurer, String scope) {
    return new BulkExporter(port, InsurerFhirClients.token(operator(), port, insurer.id(), scope));
  }

  private static JsonNode output(JsonNode manifest, String type) {
    return BulkExporter.output(manifest, type);
  }

  private static List<String> families(List<Resource> practitioners) {
    return practitioners.stream()
        .map(p -> ((Practitioner) p).getNameFirstRep().getFamily())
        .toList();
  }

  private static Parameters parameter(String name, Type value) {
    Parameters parameters = new Parameters();
    parameters.addParameter().setName(name).setValue(value);
    return parameters;
  }

  /** The diagnostics of the 400 a POST kick-off with these parameters answers. */
  private static String postRefused(BulkExporter exporter, String path, Parameters parameters) {
    return refused(
        exporter.post(
            path,
            "application/fhir+json",
            FHIR.newJsonParser().encodeResourceToString(parameters),
            true));
  }

  private static String refused(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    return outcome(response);
  }

  private static String outcome(HttpResponse<String> response) {
    return FHIR.newJsonParser()
        .parseResource(OperationOutcome.class, response.body())
        .getIssueFirstRep()
        .getDiagnostics();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
