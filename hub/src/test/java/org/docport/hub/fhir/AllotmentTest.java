package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.docport.testkit.HubClient;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;

/**
 * Slots a doctor reserves for one insurer: only that insurer sees, books and receives them; the
 * rest stay open to all; and once the insurer may no longer see the doctor, they are open to all.
 */
class AllotmentTest extends BookingTest {

  private static final Duration SOON = Duration.ofSeconds(20);

  @Test
  void aReservedSlotIsOnlyItsInsurersToSeeBookAndReceiveUntilItsConsentEnds() {
    Insurer favoured = insurer();
    Insurer other = insurer();
    String doctor = bookableDoctor("Allotted", favoured, other);
    IGenericClient favouredFhir = booking(favoured);
    IGenericClient otherFhir = booking(other);

    // Half of each day's two slots: one, for the favoured insurer.
    allot(doctor, Map.of("insurerId", favoured.id(), "percent", 50)).expect(200);

    await().atMost(SOON).until(() -> freeSlots(otherFhir, "Allotted").size() == 1);
    List<String> all = freeSlots(favouredFhir, "Allotted");
    assertThat(all).hasSize(2);
    String reserved =
        all.stream().filter(s -> !freeSlots(otherFhir, "Allotted").contains(s)).findFirst().get();
    assertThatThrownBy(() -> slotResource(otherFhir, reserved))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> create(otherFhir, reserved))
        .isInstanceOf(ResourceNotFoundException.class);
    // Pushed the same way: the other insurer's server loses the reserved slot.
    await().atMost(SOON).until(() -> other.server().all(Slot.class).size() == 1);
    assertThat(favoured.server().all(Slot.class)).hasSize(2);

    // The favoured insurer's consent ends: its reservation is open to all again.
    consent(doctor, favoured, "REVOKED");
    await().atMost(SOON).until(() -> freeSlots(otherFhir, "Allotted").size() == 2);
    await().atMost(SOON).until(() -> other.server().all(Slot.class).size() == 2);
    create(otherFhir, reserved);
  }

  @Test
  void aWrongAllotmentIsRefusedNamingWhatToFix() {
    Insurer insurer = insurer();
    String doctor = bookableDoctor("Misallotted", insurer);

    HubClient.Response response =
        allot(
            doctor,
            Map.of("insurerId", "no-such-insurer", "percent", 30),
            Map.of("insurerId", insurer.id(), "service", "surgery", "percent", 80, "perDay", 2));

    assertField(response, "allotments[0].insurerId");
    assertField(response, "allotments[1].service");
    assertField(response, "allotments[1]");
    HubClient.Response tooMuch =
        allot(
            doctor,
            Map.of("insurerId", insurer.id(), "percent", 80),
            Map.of("insurerId", insurer.id(), "service", "consult", "percent", 30));
    assertField(tooMuch, "allotments");
  }

  private HubClient.Response allot(String doctor, Map<?, ?>... allotments) {
    String path = "/api/doctors/" + doctor + "/availability";
    HubClient.Response current = operator().get(path).expect(200);
    ObjectNode availability = (ObjectNode) current.body();
    availability.putPOJO("allotments", List.of(allotments));
    return operator().put(path, availability, current.etag());
  }
}
