package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every FHIR answer that carries a doctor's data is on record, for the doctor and operators. */
class DisclosuresTest extends FhirTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void aDoctorSeesWhichInsurerReadAndSearchedTheirDataAndHowMuch() {
    Insurer insurer = insurer();
    Insurer bystander = insurer();
    String doctor = consentedDoctor("Disclosed", insurer);
    IGenericClient fhir = client(insurer, "system/*.read");
    String id = practitionerId(fhir, "Disclosed");
    fhir.read().resource(Practitioner.class).withId(id).execute();
    fhir.search()
        .byUrl(
            "PractitionerRole?practitioner=Practitioner/"
                + id
                + "&_include=PractitionerRole:practitioner")
        .returnBundle(Bundle.class)
        .execute();
    client(bystander, "system/*.read")
        .search()
        .byUrl("Practitioner")
        .returnBundle(Bundle.class)
        .execute();

    JsonNode disclosures = disclosures(doctor);

    assertThat(disclosures.findValuesAsText("insurerId")).containsOnly(insurer.id());
    assertThat(disclosures.findValuesAsText("interaction")).contains("read", "search-type");
    JsonNode search = disclosures.get(0);
    assertThat(search.get("interaction").asText()).isEqualTo("search-type");
    assertThat(search.get("request").asText()).contains("_include=PractitionerRole:practitioner");
    assertThat(search.get("resources").asInt()).isEqualTo(2); // the role and the practitioner
    assertThat(search.get("clientId").asText()).isNotBlank();
  }

  @Test
  void operatorsReadDisclosuresAsAuditEventsAndNobodyCanRewriteThem() {
    Insurer insurer = insurer();
    String doctor = consentedDoctor("Audited", insurer);
    client(insurer, "system/*.read")
        .search()
        .byUrl("Practitioner?family=audited")
        .returnBundle(Bundle.class)
        .execute();

    List<AuditEvent> audit = auditEvents(insurer);
    assertThat(audit).isNotEmpty();
    assertThat(audit)
        .anySatisfy(
            e -> {
              assertThat(e.getEntityFirstRep().getWhat().getIdentifier().getValue())
                  .isEqualTo(doctor);
              assertThat(e.getAgentFirstRep().getName()).contains(insurer.id());
              assertThat(e.getSubtypeFirstRep().getCode()).isEqualTo("search-type");
            });
    assertThat(catchThrowable(() -> jdbc.update("update disclosure set resources = 0")))
        .hasMessageContaining("append-only");
    assertThat(catchThrowable(() -> jdbc.update("delete from disclosure_doctor")))
        .hasMessageContaining("append-only");
  }

  @Test
  void anotherDoctorCannotReadTheDisclosures() {
    String doctor = createDoctor("Private");
    operator()
        .post(
            "/api/accounts",
            Map.of("username", "nosy-doctor", "password", "a long passphrase indeed"));
    assertThat(
            as("nosy-doctor", "a long passphrase indeed")
                .get("/api/doctors/" + doctor + "/disclosures")
                .status())
        .isEqualTo(403);
  }
}
