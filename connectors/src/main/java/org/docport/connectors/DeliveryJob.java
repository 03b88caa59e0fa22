package org.docport.connectors;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One claimed delivery: bring an insurer up to date with a doctor.
 *
 * @param wantedVersion the registry version that made this delivery due; the connector sends the
 *     doctor's current snapshot, which is this version or newer
 * @param attempts failed attempts so far, for the backoff
 * @param published what the previous successful delivery left at the insurer: DocPort business
 *     identifier ({@code system|value}) to the insurer's reference ({@code Type/id}); lets a
 *     connector remove what the doctor no longer has
 * @param lease the claim on the pair, which fences the outcome and bounds the writes
 * @param calendarHeld the version of the doctor's calendar the insurer holds; null when it holds
 *     none (the delivery sends the whole calendar)
 * @param readAhead the doctor as the registry was read for this job together with the other jobs of
 *     its claim ({@link DeliveryPreparation#readAhead}); empty when the delivery reads it itself
 */
public record DeliveryJob(
    String insurerId,
    UUID doctorId,
    long wantedVersion,
    int attempts,
    Map<String, String> published,
    Lease lease,
    Long calendarHeld,
    Optional<DeliverySubject> readAhead) {

  /**
   * Where a doctor's id would be, the insurer's own resources (its Organization, its networks, its
   * InsurancePlans): they are delivered as a pair of their own, once per change of the insurer
   * rather than once per doctor, with the leases, retries, receipts and dead letters of any pair.
   */
  public static final UUID INSURERS_OWN = new UUID(0, 0);

  public DeliveryJob {
    published = published == null ? Map.of() : Map.copyOf(published);
    lease = lease == null ? Lease.none() : lease;
    readAhead = readAhead == null ? Optional.empty() : readAhead;
  }

  /** This job, reading the registry at delivery time. */
  public DeliveryJob withoutReadAhead() {
    return readAhead.isEmpty() ? this : withReadAhead(Optional.empty());
  }

  /** This job, carrying the doctor as read for it ahead of its delivery. */
  public DeliveryJob withReadAhead(DeliverySubject subject) {
    return withReadAhead(Optional.of(subject));
  }

  private DeliveryJob withReadAhead(Optional<DeliverySubject> read) {
    return new DeliveryJob(
        insurerId, doctorId, wantedVersion, attempts, published, lease, calendarHeld, read);
  }

  /** Whether this is the insurer's own pair rather than a doctor's. */
  public boolean insurersOwn() {
    return INSURERS_OWN.equals(doctorId);
  }

  /** A claimed job for an insurer holding none of the doctor's calendar. */
  public DeliveryJob(
      String insurerId,
      UUID doctorId,
      long wantedVersion,
      int attempts,
      Map<String, String> published,
      Lease lease) {
    this(insurerId, doctorId, wantedVersion, attempts, published, lease, null, Optional.empty());
  }

  /** A job that holds no claim (tests, previews), for an insurer holding none of the calendar. */
  public DeliveryJob(
      String insurerId,
      UUID doctorId,
      long wantedVersion,
      int attempts,
      Map<String, String> published) {
    this(
        insurerId,
        doctorId,
        wantedVersion,
        attempts,
        published,
        Lease.none(),
        null,
        Optional.empty());
  }
}
