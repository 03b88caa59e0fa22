package org.docport.insurersim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class ReferentialIntegrityTest extends InsurerServerTestSupport {

  @Test
  void roleWhoseTargetsExistIsAccepted() {
    String practitionerId = upsert(practitioner("p1", "Adeyemi"), "p1").getId().getIdPart();
    String orgId = upsert(organization("o1"), "o1").getId().getIdPart();
    String locationId = upsert(location("l1"), "l1").getId().getIdPart();
    PractitionerRole role = role("r1", practitionerId);
    role.setOrganization(new Reference("Organization/" + orgId));
    role.addLocation(new Reference("Location/" + locationId));
    role.addExtension(NETWORK_EXTENSION, new Reference("Organization/" + orgId));

    upsert(role, "r1");

    assertThat(insurer.all(PractitionerRole.class)).hasSize(1);
  }

  @Test
  void roleReferencingAMissingPractitionerIsRejectedWith400() {
    assertThatThrownBy(() -> upsert(role("r2", "does-not-exist"), "r2"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Practitioner/does-not-exist not found");
    assertThat(insurer.writeCount()).isZero();
  }

  @Test
  void roleReferencingAMissingNetworkInAnExtensionIsRejectedWith400() {
    String practitionerId = upsert(practitioner("p3", "Eze"), "p3").getId().getIdPart();
    PractitionerRole role = role("r3", practitionerId);
    role.addExtension(NETWORK_EXTENSION, new Reference("Organization/no-such-network"));

    assertThatThrownBy(() -> upsert(role, "r3"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Organization/no-such-network not found");
  }

  @Test
  void roleReferencingADeletedLocationIsRejectedWith400() {
    String practitionerId = upsert(practitioner("p4", "Musa"), "p4").getId().getIdPart();
    String locationId = upsert(location("l4"), "l4").getId().getIdPart();
    client.delete().resourceById("Location", locationId).execute();
    PractitionerRole role = role("r4", practitionerId);
    role.addLocation(new Reference("Location/" + locationId));

    assertThatThrownBy(() -> upsert(role, "r4")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void absoluteReferencesAreRejectedAsExternal() {
    PractitionerRole role = role("r5", "ignored");
    role.setPractitioner(new Reference("https://docport.example/fhir/Practitioner/1"));

    assertThatThrownBy(() -> upsert(role, "r5"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("external reference");
  }

  @Test
  void deletingAReferencedPractitionerIsAConflictUntilItsRoleIsGone() {
    String practitionerId = upsert(practitioner("p6", "Bello"), "p6").getId().getIdPart();
    String roleId = upsert(role("r6", practitionerId), "r6").getId().getIdPart();

    assertThatThrownBy(() -> client.delete().resourceById("Practitioner", practitionerId).execute())
        .isInstanceOf(ResourceVersionConflictException.class)
        .hasMessageContaining("PractitionerRole/" + roleId);

    client.delete().resourceById("PractitionerRole", roleId).execute();
    client.delete().resourceById("Practitioner", practitionerId).execute();
    assertThat(insurer.all(Practitioner.class)).isEmpty();
  }

  @Test
  void repointingARoleReleasesItsOldTarget() {
    String first = upsert(practitioner("p7a", "First"), "p7a").getId().getIdPart();
    String second = upsert(practitioner("p7b", "Second"), "p7b").getId().getIdPart();
    upsert(role("r7", first), "r7");

    upsert(role("r7", second), "r7");
    client.delete().resourceById("Practitioner", first).execute();

    assertThat(insurer.all(Practitioner.class))
        .extracting(p -> p.getIdElement().getIdPart())
        .containsExactly(second);
  }
}
