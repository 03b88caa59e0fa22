package org.docport.hub.fhir;

import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.StringClientParam;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.docport.hub.HubTest;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;

/** A hub test that calls the FHIR API as insurers' systems do: HAPI's client with a SMART token. */
abstract class FhirTest extends HubTest {

  static final FhirContext FHIR = InsurerFhirClients.FHIR;
  static final String PRACTITIONER_SID = "https://docport.org/fhir/sid/practitioner";

  /** Creates a doctor consented to the insurer and waits until its directory view shows them. */
  String consentedDoctor(String family, Insurer insurer) {
    String doctor = createDoctor(family);
    consent(doctor, insurer, "ACTIVE");
    IGenericClient fhir = client(insurer, "system/*.read");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                !fhir.search()
                    .byUrl("Practitioner?identifier=" + PRACTITIONER_SID + "|" + doctor)
                    .returnBundle(Bundle.class)
                    .execute()
                    .getEntry()
                    .isEmpty());
    return doctor;
  }

  static String practitionerId(IGenericClient fhir, String family) {
    return resources(
            fhir.search()
                .forResource(Practitioner.class)
                .where(new StringClientParam("family").matches().value(family))
                .returnBundle(Bundle.class)
                .execute(),
            Practitioner.class)
        .get(0)
        .getIdPart();
  }

  /** A client of the insurer's system with a token for these scopes. */
  IGenericClient client(Insurer insurer, String scope) {
    return InsurerFhirClients.client(operator(), port, insurer.id(), scope);
  }

  IGenericClient unauthenticated() {
    return InsurerFhirClients.unauthenticated(port);
  }

  /** The doctor's disclosures, newest first, as the doctor reads them. */
  JsonNode disclosures(String doctor) {
    return operator()
        .get("/api/doctors/" + doctor + "/disclosures")
        .expect(200)
        .body()
        .get("disclosures");
  }

  /** The disclosures of the insurer's clients, as operators read them. */
  List<AuditEvent> auditEvents(Insurer insurer) {
    Bundle events =
        FHIR.newJsonParser()
            .parseResource(
                Bundle.class,
                operator()
                    .get("/api/operator/audit-events?insurer=" + insurer.id())
                    .expect(200)
                    .body()
                    .toString());
    return resources(events, AuditEvent.class);
  }

  static Bundle search(IGenericClient fhir, String url) {
    return fhir.search().byUrl(url).returnBundle(Bundle.class).execute();
  }

  /** What the CapabilityStatement says of one resource type. */
  static CapabilityStatementRestResourceComponent resource(CapabilityStatement cs, String type) {
    return cs.getRestFirstRep().getResource().stream()
        .filter(r -> r.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }
}
