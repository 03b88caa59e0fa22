package org.docport.insurersim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;

class SearchTest extends InsurerServerTestSupport {

  @Test
  void searchByIdentifierFindsOnlyTheMatchingResource() {
    upsert(practitioner("s1", "One"), "s1");
    upsert(practitioner("s2", "Two"), "s2");

    Bundle found =
        client
            .search()
            .forResource(Practitioner.class)
            .where(Practitioner.IDENTIFIER.exactly().systemAndIdentifier(DOCPORT_ID, "s2"))
            .returnBundle(Bundle.class)
            .execute();

    assertThat(families(found)).containsExactly("Two");
  }

  @Test
  void searchById() {
    String id = upsert(practitioner("s3", "Three"), "s3").getId().getIdPart();
    upsert(practitioner("s4", "Four"), "s4");

    Bundle found =
        client
            .search()
            .forResource(Practitioner.class)
            .where(Practitioner.RES_ID.exactly().code(id))
            .returnBundle(Bundle.class)
            .execute();

    assertThat(families(found)).containsExactly("Three");
  }

  @Test
  void searchWithoutParametersListsLiveResourcesOnly() {
    upsert(practitioner("s5", "Five"), "s5");
    String deleted = upsert(practitioner("s6", "Six"), "s6").getId().getIdPart();
    client.delete().resourceById("Practitioner", deleted).execute();

    Bundle found =
        client.search().forResource(Practitioner.class).returnBundle(Bundle.class).execute();

    assertThat(families(found)).containsExactly("Five");
  }

  @Test
  void searchRolesByPractitioner() {
    String mine = upsert(practitioner("s7", "Mine"), "s7").getId().getIdPart();
    String other = upsert(practitioner("s8", "Other"), "s8").getId().getIdPart();
    upsert(role("role-a", mine), "role-a");
    upsert(role("role-b", mine), "role-b");
    upsert(role("role-c", other), "role-c");

    Bundle found =
        client
            .search()
            .forResource(PractitionerRole.class)
            .where(PractitionerRole.PRACTITIONER.hasId("Practitioner/" + mine))
            .returnBundle(Bundle.class)
            .execute();

    assertThat(found.getEntry())
        .extracting(e -> ((PractitionerRole) e.getResource()).getIdentifierFirstRep().getValue())
        .containsExactlyInAnyOrder("role-a", "role-b");
  }

  private static List<String> families(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(BundleEntryComponent::getResource)
        .map(r -> ((Practitioner) r).getNameFirstRep().getFamily())
        .toList();
  }
}
