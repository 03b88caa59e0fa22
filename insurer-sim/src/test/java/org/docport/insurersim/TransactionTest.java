package org.docport.insurersim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;

/** Transaction Bundles: conditional writes and deletes, applied whole or not at all. */
class TransactionTest extends InsurerServerTestSupport {

  @Test
  void aTransactionWritesEveryEntryAndAnswersEachInRequestOrder() {
    String schedule = upsert(schedule("sc1"), "sc1").getId().toUnqualifiedVersionless().getValue();
    Bundle request = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    put(request, slot("s1", schedule));
    put(request, slot("s2", schedule));

    Bundle response = client.transaction().withBundle(request).execute();

    assertThat(response.getEntry())
        .extracting(e -> e.getResponse().getStatus())
        .containsExactly("201 Created", "201 Created");
    assertThat(insurer.all(Slot.class)).hasSize(2);

    Bundle again = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    put(again, slot("s1", schedule).setComment("moved"));
    delete(again, "Slot", "s2");
    Bundle second = client.transaction().withBundle(again).execute();

    assertThat(second.getEntry())
        .extracting(e -> e.getResponse().getStatus())
        .containsExactly("200 OK", "204 No Content");
    assertThat(insurer.all(Slot.class))
        .singleElement()
        .extracting(Slot::getComment)
        .isEqualTo("moved");
  }

  @Test
  void aFailingEntryLeavesNothingOfTheTransaction() {
    String schedule = upsert(schedule("sc2"), "sc2").getId().toUnqualifiedVersionless().getValue();
    upsert(slot("s3", schedule), "s3");
    int writes = insurer.writeCount();
    Bundle request = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    delete(request, "Slot", "s3");
    put(request, slot("s4", schedule));
    put(request, slot("s5", "Schedule/does-not-exist"));

    assertThatThrownBy(() -> client.transaction().withBundle(request).execute())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Schedule/does-not-exist not found");

    assertThat(insurer.all(Slot.class))
        .singleElement()
        .satisfies(s -> assertThat(s.getIdentifierFirstRep().getValue()).isEqualTo("s3"));
    assertThat(insurer.findByIdentifier(Slot.class, DOCPORT_ID, "s4")).isEmpty();
    assertThat(insurer.writeCount()).isEqualTo(writes);
  }

  @Test
  void aScheduleItsSlotsReferToCannotBeDeletedButGoesWithThemInOneTransaction() {
    String schedule = upsert(schedule("sc3"), "sc3").getId().toUnqualifiedVersionless().getValue();
    upsert(slot("s6", schedule), "s6");
    Bundle alone = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    delete(alone, "Schedule", "sc3");

    assertThatThrownBy(() -> client.transaction().withBundle(alone).execute())
        .isInstanceOf(ResourceVersionConflictException.class);

    Bundle together = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    delete(together, "Slot", "s6");
    delete(together, "Schedule", "sc3");
    client.transaction().withBundle(together).execute();

    assertThat(insurer.all(Slot.class)).isEmpty();
    assertThat(insurer.all(Schedule.class)).isEmpty();
  }

  @Test
  void everyCommitIsToldOnceWithTheWritesItCommitted() {
    List<List<String>> told = Collections.synchronizedList(new ArrayList<>());
    insurer.onCommit(
        entries ->
            told.add(entries.stream().map(e -> e.resourceType() + " " + e.operation()).toList()));
    try {
      String schedule =
          upsert(schedule("sc4"), "sc4").getId().toUnqualifiedVersionless().getValue();
      upsert(slot("s7", schedule), "s7");
      Bundle request = new Bundle().setType(Bundle.BundleType.TRANSACTION);
      delete(request, "Slot", "s7");
      put(request, slot("s8", schedule));
      client.transaction().withBundle(request).execute();
      Bundle failing = new Bundle().setType(Bundle.BundleType.TRANSACTION);
      put(failing, slot("s9", "Schedule/does-not-exist"));
      assertThatThrownBy(() -> client.transaction().withBundle(failing).execute())
          .isInstanceOf(InvalidRequestException.class);
    } finally {
      insurer.onCommit(null);
    }

    assertThat(told)
        .containsExactly(
            List.of("Schedule CREATE"),
            List.of("Slot CREATE"),
            List.of("Slot DELETE", "Slot CREATE"));
  }

  private static Schedule schedule(String value) {
    Schedule schedule = new Schedule();
    schedule.addIdentifier().setSystem(DOCPORT_ID).setValue(value);
    return schedule;
  }

  private static Slot slot(String value, String schedule) {
    Slot slot = new Slot();
    slot.addIdentifier().setSystem(DOCPORT_ID).setValue(value);
    slot.setSchedule(new Reference(schedule));
    slot.setStatus(Slot.SlotStatus.FREE);
    slot.setStart(new Date(0));
    slot.setEnd(new Date(1_200_000));
    return slot;
  }

  private static void put(Bundle bundle, Resource resource) {
    String value =
        ((org.hl7.fhir.r4.model.Identifier)
                resource.getNamedProperty("identifier").getValues().get(0))
            .getValue();
    bundle
        .addEntry()
        .setResource(resource)
        .getRequest()
        .setMethod(HTTPVerb.PUT)
        .setUrl(resource.fhirType() + "?identifier=" + DOCPORT_ID + "|" + value);
  }

  private static void delete(Bundle bundle, String type, String value) {
    bundle
        .addEntry()
        .getRequest()
        .setMethod(HTTPVerb.DELETE)
        .setUrl(type + "?identifier=" + DOCPORT_ID + "|" + value);
  }
}
