package org.docport.insurersim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;

class DeletionTest extends InsurerServerTestSupport {

  @Test
  void readOfADeletedResourceAnswers410() {
    String id = upsert(practitioner("gone", "Leaving"), "gone").getId().getIdPart();

    client.delete().resourceById("Practitioner", id).execute();

    assertThatThrownBy(() -> client.read().resource(Practitioner.class).withId(id).execute())
        .isInstanceOf(ResourceGoneException.class);
    assertThat(insurer.findByIdentifier(Practitioner.class, DOCPORT_ID, "gone")).isEmpty();
  }

  @Test
  void readOfAnUnknownIdAnswers404() {
    assertThatThrownBy(() -> client.read().resource(Practitioner.class).withId("nope").execute())
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void republishingADeletedIdentifierCreatesAResourceWithANewId() {
    String oldId = upsert(practitioner("back", "Before"), "back").getId().getIdPart();
    client.delete().resourceById("Practitioner", oldId).execute();

    String newId = upsert(practitioner("back", "After"), "back").getId().getIdPart();

    assertThat(newId).isNotEqualTo(oldId);
    assertThatThrownBy(() -> client.read().resource(Practitioner.class).withId(oldId).execute())
        .isInstanceOf(ResourceGoneException.class);
  }

  @Test
  void conditionalDeleteByIdentifierRemovesTheMatch() {
    upsert(practitioner("withdrawn", "Gone"), "withdrawn");

    client
        .delete()
        .resourceConditionalByUrl("Practitioner?identifier=" + DOCPORT_ID + "|withdrawn")
        .execute();

    assertThat(insurer.all(Practitioner.class)).isEmpty();
  }

  @Test
  void deletingTwiceIsHarmless() {
    String id = upsert(practitioner("twice", "Gone"), "twice").getId().getIdPart();

    client.delete().resourceById("Practitioner", id).execute();
    client.delete().resourceById("Practitioner", id).execute();

    assertThat(insurer.writeCount()).isEqualTo(2);
  }
}
