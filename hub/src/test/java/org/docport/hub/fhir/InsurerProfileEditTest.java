package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docport.mappings.BusinessIdentifiers;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;

/**
 * An operator edits a registered insurer's address and its plans' product types, and what the
 * insurer reads at {@code /fhir} follows: new versions of its Organization and InsurancePlan,
 * written through change capture like any registry change.
 */
class InsurerProfileEditTest extends FhirTest {

  private static final Map<String, Object> PUNE =
      Map.of("lines", List.of("1 MG Road"), "city", "Pune", "country", "IN");

  @Test
  void anEditedAddressAndProductTypeAreServedAsNewVersions() {
    Insurer insurer = insurer();
    consentedDoctor("Profiled", insurer);
    IGenericClient fhir = client(insurer, "system/*.read");
    InsurancePlan before = plan(fhir);
    assertThat(before.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("commppo");
    assertThat(insurerOrganization(fhir, insurer)).isEmpty(); // registered without an address

    JsonNode edited =
        operator()
            .patch(
                "/api/operator/insurers/" + insurer.id(),
                Map.of(
                    "address",
                    PUNE,
                    "networks",
                    List.of(Map.of("id", "gold", "productType", "commhmo"))),
                null)
            .expect(200)
            .body();

    assertThat(edited.at("/address/city").asText()).isEqualTo("Pune");
    assertThat(edited.at("/networks/0/productType").asText()).isEqualTo("commhmo");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> plan(fhir).getTypeFirstRep().getCodingFirstRep().getCode().equals("commhmo"));
    // One edit, one new version: written once for the insurer, not once per doctor it sees.
    assertThat(version(plan(fhir).getMeta().getVersionId()))
        .isEqualTo(version(before.getMeta().getVersionId()) + 1);
    Organization published = insurerOrganization(fhir, insurer).orElseThrow();
    assertThat(published.getAddressFirstRep().getCity()).isEqualTo("Pune");

    operator()
        .patch(
            "/api/operator/insurers/" + insurer.id(),
            Map.of("address", Map.of("city", "Mumbai", "country", "IN")),
            null)
        .expect(200);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                insurerOrganization(fhir, insurer)
                    .map(o -> o.getAddressFirstRep().getCity().equals("Mumbai"))
                    .orElse(false));
    Organization moved = insurerOrganization(fhir, insurer).orElseThrow();
    assertThat(version(moved.getMeta().getVersionId()))
        .isEqualTo(version(published.getMeta().getVersionId()) + 1);
    assertThat(plan(fhir).getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("commhmo");
  }

  @Test
  void badInputIs400NamingTheFieldAndAnUnknownInsurerIs404() {
    Insurer insurer = insurer();
    String path = "/api/operator/insurers/" + insurer.id();

    assertField(
        operator()
            .patch(
                path,
                Map.of("networks", List.of(Map.of("id", "gold", "productType", "ppo"))),
                null),
        "networks[0].productType");
    assertField(
        operator()
            .patch(
                path,
                Map.of("networks", List.of(Map.of("id", "silver", "productType", "qhp"))),
                null),
        "networks[0].id");
    assertField(
        operator().patch(path, Map.of("address", Map.of("city", "Pune")), null), "address.country");
    assertField(
        operator().patch(path, Map.of("address", Map.of("city", "Pune", "country", "XX")), null),
        "address.country");
    assertField(operator().patch(path, Map.of(), null), "address");
    assertThat(operator().get(path).expect(200).body().at("/networks/0/productType").asText())
        .isEqualTo("commppo");

    assertThat(
            operator()
                .patch("/api/operator/insurers/no-such-insurer", Map.of("address", PUNE), null)
                .status())
        .isEqualTo(404);
  }

  private static InsurancePlan plan(IGenericClient fhir) {
    return resources(
            fhir.search().forResource(InsurancePlan.class).returnBundle(Bundle.class).execute(),
            InsurancePlan.class)
        .get(0);
  }

  private static Optional<Organization> insurerOrganization(IGenericClient fhir, Insurer insurer) {
    return resources(
            fhir.search()
                .byUrl(
                    "Organization?identifier=" + BusinessIdentifiers.INSURER + "|" + insurer.id())
                .returnBundle(Bundle.class)
                .execute(),
            Organization.class)
        .stream()
        .findFirst();
  }

  private static long version(String versionId) {
    return Long.parseLong(versionId);
  }
}
