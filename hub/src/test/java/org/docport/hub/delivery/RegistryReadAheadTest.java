package org.docport.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.DeliverySubject;
import org.docport.connectors.DeliverySubjects;
import org.docport.hub.HubTest;
import org.docport.hub.SampleCalendars;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registry read for a whole claim ({@link DeliverySubjects#findAll}) answers for each doctor
 * exactly what the doctor's own read ({@link DeliverySubjects#find}) answers: the same snapshot,
 * insurer, pause flag, mapping and calendar, and nothing for a doctor the insurer may not see.
 */
class RegistryReadAheadTest extends HubTest {

  @Autowired DeliverySubjects subjects;

  @Test
  void aClaimsReadAnswersForEachDoctorWhatTheDoctorsOwnReadAnswers() {
    Insurer insurer = insurer();
    String consented = createDoctor("Consented");
    String withHours = createDoctor("Hours");
    String revoked = createDoctor("Revoked");
    String never = createDoctor("Never");
    consent(consented, insurer, "ACTIVE");
    consent(withHours, insurer, "ACTIVE");
    consent(revoked, insurer, "ACTIVE");
    consent(revoked, insurer, "REVOKED");
    String location = locationOf(withHours);
    operator()
        .put(
            "/api/doctors/" + withHours + "/availability",
            SampleCalendars.consultations(SampleCalendars.hoursOn(location, "09:00", "09:40")),
            "\"0\"")
        .expect(200);
    // The slots are generated from the hours after the answer.
    await()
        .until(
            () ->
                subjects
                        .find(insurer.id(), UUID.fromString(withHours), null)
                        .map(s -> s.calendar().slots().size())
                        .orElse(0)
                    == 2);
    List<DeliveryJob> jobs =
        Stream.of(consented, withHours, revoked, never)
            .map(d -> new DeliveryJob(insurer.id(), UUID.fromString(d), 1, 0, Map.of()))
            .toList();

    Map<UUID, DeliverySubject> together = subjects.findAll(insurer.id(), jobs);

    assertThat(together).containsOnlyKeys(UUID.fromString(consented), UUID.fromString(withHours));
    for (DeliveryJob job : jobs) {
      assertThat(Optional.ofNullable(together.get(job.doctorId())))
          .isEqualTo(subjects.find(insurer.id(), job.doctorId(), null));
    }
    assertThat(together.get(UUID.fromString(withHours)).calendar().slots()).hasSize(2);
  }
}
