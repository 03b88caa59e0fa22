package org.docport.connectors;

import org.docport.mappings.PlanNetMapper;

/**
 * The first step of every connector route: re-check consent and load the doctor's current snapshot
 * at delivery time, then map it; for the insurer's own pair ({@link DeliveryJob#INSURERS_OWN}),
 * re-check that the insurer sees a doctor and map its current profile. Answers {@link
 * DeliveryResult.Skipped} when the doctor must not (or no longer) be published to this insurer, and
 * {@link DeliveryResult.Held} when an operator has paused the insurer since the pair was claimed.
 */
public final class DeliveryPreparation {

  private final DeliverySubjects subjects;

  public DeliveryPreparation(DeliverySubjects subjects) {
    this.subjects = subjects;
  }

  private static org.docport.mappings.PublishedResources map(DeliveryJob job, DeliverySubject s) {
    try {
      return PlanNetMapper.map(s.doctor(), s.insurer());
    } catch (IllegalArgumentException e) {
      // Retrying cannot fix data the mapping refuses: park it for an operator.
      throw new RejectedDeliveryException(
          "doctor "
              + job.doctorId()
              + " cannot be mapped for "
              + job.insurerId()
              + ": "
              + e.getMessage(),
          RejectedDeliveryException.NOT_HTTP,
          null,
          e);
    }
  }

  /** Returns a {@link PreparedDelivery}, or a {@link DeliveryResult} when nothing is to be sent. */
  public Object prepare(DeliveryJob job) {
    if (job.insurersOwn()) {
      return prepareInsurer(job);
    }
    return subjects
        .find(job.insurerId(), job.doctorId())
        .<Object>map(
            subject ->
                subject.insurerPaused()
                    ? new DeliveryResult.Held("insurer paused at delivery time")
                    : new PreparedDelivery(job, subject.doctor().version(), map(job, subject)))
        .orElseGet(() -> new DeliveryResult.Skipped("no active consent at delivery time"));
  }

  private Object prepareInsurer(DeliveryJob job) {
    return subjects
        .insurer(job.insurerId())
        .<Object>map(
            subject ->
                subject.insurerPaused()
                    ? new DeliveryResult.Held("insurer paused at delivery time")
                    : new PreparedDelivery(job, subject.version(), mapInsurer(job, subject)))
        .orElseGet(() -> new DeliveryResult.Skipped("the insurer sees no doctor at delivery time"));
  }

  private static org.docport.mappings.PublishedResources mapInsurer(
      DeliveryJob job, InsurerSubject s) {
    try {
      return PlanNetMapper.insurer(s.insurer());
    } catch (IllegalArgumentException e) {
      throw new RejectedDeliveryException(
          "insurer " + job.insurerId() + " cannot be mapped: " + e.getMessage(),
          RejectedDeliveryException.NOT_HTTP,
          null,
          e);
    }
  }
}
