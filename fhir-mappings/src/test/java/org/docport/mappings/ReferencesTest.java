package org.docport.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class ReferencesTest {

  private final PublishedResources published = Fixtures.mapped("full-doctor");
  private final PractitionerRole role = published.ofType(PractitionerRole.class).get(0);

  @Test
  void rewritesEveryReferenceTheRolePointsWith() {
    var serverIds =
        Map.of(
            role.getPractitioner().getReference(), "Practitioner/17",
            role.getLocationFirstRep().getReference(), "Location/23",
            role.getOrganization().getReference(), "Organization/5",
            networkReference(role).getReference(), "Organization/2");

    PractitionerRole rewritten = References.rewrite(role, serverIds);

    assertThat(rewritten.getPractitioner().getReference()).isEqualTo("Practitioner/17");
    assertThat(rewritten.getLocationFirstRep().getReference()).isEqualTo("Location/23");
    assertThat(rewritten.getOrganization().getReference()).isEqualTo("Organization/5");
    assertThat(networkReference(rewritten).getReference()).isEqualTo("Organization/2");
    assertThat(networkReference(rewritten).getDisplay()).isEqualTo("Acme Gold Network");
  }

  @Test
  void leavesTheInputUntouched() {
    var before = role.copy();

    References.rewrite(role, Map.of(role.getPractitioner().getReference(), "Practitioner/17"));

    assertThat(role.equalsDeep(before)).isTrue();
  }

  @Test
  void keepsReferencesThatAreNotInTheMap() {
    var rewritten =
        References.rewrite(role, Map.of(role.getPractitioner().getReference(), "Practitioner/17"));

    assertThat(rewritten.getLocationFirstRep().getReference())
        .isEqualTo(role.getLocationFirstRep().getReference());
    assertThat(networkReference(rewritten).getReference())
        .isEqualTo(networkReference(role).getReference());
  }

  @Test
  void rolesReferToTheProducedResourcesByTypeAndId() {
    var practitioner = published.ofType(org.hl7.fhir.r4.model.Practitioner.class).get(0);

    assertThat(role.getPractitioner().getReference())
        .isEqualTo(References.to(practitioner))
        .isEqualTo("Practitioner/" + practitioner.getIdElement().getIdPart());
  }

  private static Reference networkReference(PractitionerRole role) {
    return (Reference)
        role.getExtensionByUrl(PlanNetProfiles.NETWORK_REFERENCE_EXTENSION).getValue();
  }
}
