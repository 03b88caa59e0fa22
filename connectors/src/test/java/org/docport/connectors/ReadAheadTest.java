package org.docport.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;

/**
 * The registry read once for a claim's jobs ({@link InsurerConnectors#readAhead}): each delivery
 * then sends what was read without asking again, and anything the read could not settle is asked at
 * delivery time as before.
 */
class ReadAheadTest extends ConnectorTestSupport {

  @Test
  void aClaimIsReadInOneQueryAndItsDeliveriesAskTheRegistryNothingMore() {
    List<DoctorSnapshot> doctors =
        List.of(Doctors.doctor(UUID.randomUUID(), 1), Doctors.doctor(UUID.randomUUID(), 1));
    doctors.forEach(d -> subjects.consent(Doctors.ACME, d));

    List<DeliveryJob> jobs =
        connectors.readAhead(
            Doctors.INSURER_ID, doctors.stream().map(d -> job(d.id(), 1, Map.of())).toList());

    assertThat(jobs).allMatch(job -> job.readAhead().isPresent());
    jobs.forEach(
        job -> assertThat(connectors.deliver(job)).isInstanceOf(DeliveryResult.Delivered.class));
    assertThat(subjects.findAlls).hasValue(1);
    assertThat(subjects.finds).hasValue(0);
    assertThat(insurer.all(Practitioner.class)).hasSize(2);
  }

  @Test
  void aDoctorTheReadDidNotFindIsAskedForAgainAtDeliveryAndSkippedIfStillNotConsented() {
    DoctorSnapshot consented = Doctors.doctor(UUID.randomUUID(), 1);
    DoctorSnapshot revoked = Doctors.doctor(UUID.randomUUID(), 1);
    subjects.consent(Doctors.ACME, consented);

    List<DeliveryJob> jobs =
        connectors.readAhead(
            Doctors.INSURER_ID,
            List.of(job(consented.id(), 1, Map.of()), job(revoked.id(), 1, Map.of())));

    assertThat(jobs.get(1).readAhead()).isEmpty();
    assertThat(connectors.deliver(jobs.get(1))).isInstanceOf(DeliveryResult.Skipped.class);
    assertThat(subjects.finds).hasValue(1);
    assertThat(connectors.deliver(jobs.get(0))).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(insurer.all(Practitioner.class)).hasSize(1);
  }

  @Test
  void aFailedReadLeavesEachDeliveryToReadTheRegistryItself() {
    DoctorSnapshot doctor = Doctors.doctor(UUID.randomUUID(), 1);
    subjects.consent(Doctors.ACME, doctor);
    subjects.readsOfSeveralFail = true;

    List<DeliveryJob> jobs =
        connectors.readAhead(Doctors.INSURER_ID, List.of(job(doctor.id(), 1, Map.of())));

    assertThat(jobs.get(0).readAhead()).isEmpty();
    assertThat(connectors.deliver(jobs.get(0))).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(subjects.finds).hasValue(1);
  }

  @Test
  void theInsurersOwnPairIsNotReadAhead() {
    subjects.consent(Doctors.ACME, Doctors.doctor(UUID.randomUUID(), 1));

    List<DeliveryJob> jobs =
        connectors.readAhead(
            Doctors.INSURER_ID, List.of(job(DeliveryJob.INSURERS_OWN, 1, Map.of())));

    assertThat(jobs.get(0).readAhead()).isEmpty();
    assertThat(subjects.findAlls).hasValue(0);
  }

  @Test
  void aJobHandedOutLateDropsWhatWasReadForIt() {
    DoctorSnapshot doctor = Doctors.doctor(UUID.randomUUID(), 1);
    subjects.consent(Doctors.ACME, doctor);
    DeliveryJob read =
        connectors.readAhead(Doctors.INSURER_ID, List.of(job(doctor.id(), 1, Map.of()))).get(0);
    subjects.revoke(Doctors.ACME, doctor.id());

    assertThat(connectors.deliver(read.withoutReadAhead()))
        .isInstanceOf(DeliveryResult.Skipped.class);
    assertThat(insurer.all(Practitioner.class)).isEmpty();
  }
}
