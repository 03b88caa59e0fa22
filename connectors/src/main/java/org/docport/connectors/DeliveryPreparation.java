package org.docport.connectors;

import org.docport.mappings.PlanNetMapper;

/**
 * The first step of every connector route: re-check consent and load the doctor's current snapshot
 * at delivery time, then map it. Answers {@link DeliveryResult.Skipped} when the doctor must not
 * (or no longer) be published to this insurer.
 */
public final class DeliveryPreparation {

  private final DeliverySubjects subjects;

  public DeliveryPreparation(DeliverySubjects subjects) {
    this.subjects = subjects;
  }

  /** Returns a {@link PreparedDelivery} or a {@link DeliveryResult.Skipped}. */
  public Object prepare(DeliveryJob job) {
    return subjects
        .find(job.insurerId(), job.doctorId())
        .<Object>map(
            subject ->
                new PreparedDelivery(
                    job,
                    subject.doctor().version(),
                    PlanNetMapper.map(subject.doctor(), subject.insurer())))
        .orElseGet(() -> new DeliveryResult.Skipped("no active consent at delivery time"));
  }
}
