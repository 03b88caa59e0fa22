package org.docport.connectors.delivery;

/**
 * Where the delivery of one doctor to one insurer stands: the {@code delivery.state} column, which
 * only {@link DeliveryStore} writes.
 */
public enum DeliveryState {
  /** A version the insurer does not hold yet is due (now or after a backoff). */
  PENDING,
  /** The insurer holds the wanted version. */
  DELIVERED,
  /** The insurer refused the wanted version; a dead letter waits for an operator. */
  DEAD,
  /** Nothing is to be sent: the doctor is not visible to the insurer (any more). */
  SKIPPED
}
