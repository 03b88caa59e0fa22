package org.docport.insurersim;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Duration;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One simulator per test class, called over HTTP through HAPI's generic client as DocPort's
 * connector calls an insurer; each test starts from an empty, healthy, open server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InsurerServerTestSupport {

  static final String DOCPORT_ID = "https://docport.example/sid/doctor";
  static final String NETWORK_EXTENSION =
      "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/network-reference";

  InsurerServer insurer;
  IGenericClient client;

  @BeforeAll
  void startInsurer() {
    insurer = InsurerServer.start(0);
    client = newClient();
  }

  @AfterAll
  void stopInsurer() {
    insurer.close();
  }

  @BeforeEach
  void resetInsurer() {
    insurer.reset();
    insurer.healthy();
    insurer.allowAnonymous();
    insurer.setLatency(Duration.ZERO);
  }

  IGenericClient newClient() {
    return FhirContext.forR4Cached().newRestfulGenericClient(insurer.baseUrl());
  }

  /** The connector's write: conditional update by DocPort's business identifier. */
  MethodOutcome upsert(Resource resource, String value) {
    return client
        .update()
        .resource(resource)
        .conditionalByUrl(resource.fhirType() + "?identifier=" + DOCPORT_ID + "|" + value)
        .execute();
  }

  static Practitioner practitioner(String value, String family) {
    Practitioner practitioner = new Practitioner();
    practitioner.addIdentifier().setSystem(DOCPORT_ID).setValue(value);
    practitioner.addName().setFamily(family);
    return practitioner;
  }

  static Organization organization(String value) {
    Organization organization = new Organization();
    organization.addIdentifier().setSystem(DOCPORT_ID).setValue(value);
    organization.setName("Clinic " + value);
    return organization;
  }

  static Location location(String value) {
    Location location = new Location();
    location.addIdentifier().setSystem(DOCPORT_ID).setValue(value);
    location.setName("Room " + value);
    return location;
  }

  static PractitionerRole role(String value, String practitionerId) {
    PractitionerRole role = new PractitionerRole();
    role.addIdentifier().setSystem(DOCPORT_ID).setValue(value);
    role.setPractitioner(new Reference("Practitioner/" + practitionerId));
    return role;
  }
}
