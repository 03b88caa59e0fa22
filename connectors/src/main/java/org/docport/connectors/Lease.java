package org.docport.connectors;

import java.time.Duration;
import java.util.UUID;

/**
 * A worker's hold on one (insurer, doctor) pair. The store fences every outcome with the token, so
 * a worker that lost its claim records nothing; the holder renews the lease while the attempt runs,
 * and a connector starts a write to the insurer only while the lease outlasts it ({@link
 * #ensureLasts}). Together they keep two writes for one pair from ever overlapping at the insurer,
 * which is what keeps an older version from landing after a newer one.
 *
 * <p>Expiry is tracked on this process's monotonic clock from the moment the claim or renewal was
 * sent, which is never later than the database's own {@code now()} for it: the local view expires
 * first.
 */
public final class Lease {

  private final UUID token;
  private volatile long validUntilNanos;

  private Lease(UUID token, long validUntilNanos) {
    this.token = token;
    this.validUntilNanos = validUntilNanos;
  }

  /** A lease taken by a claim sent at {@code sentAtNanos} ({@link System#nanoTime()}). */
  public static Lease taken(UUID token, long sentAtNanos, Duration length) {
    return new Lease(token, sentAtNanos + length.toNanos());
  }

  /** A job built outside a claim (tests, previews): it holds nothing and fences nothing. */
  public static Lease none() {
    return new Lease(null, System.nanoTime());
  }

  public UUID token() {
    return token;
  }

  /** The database renewed the lease in a statement sent at {@code sentAtNanos}. */
  public void renewed(long sentAtNanos, Duration length) {
    validUntilNanos = sentAtNanos + length.toNanos();
  }

  /** Another worker holds the pair now (or nobody does): nothing more may be written. */
  public void lost() {
    validUntilNanos = System.nanoTime();
  }

  /**
   * @throws RetryableDeliveryException when the lease ends within {@code needed} (the longest a
   *     request to the insurer may take): the attempt stops before its next write and the pair is
   *     tried again under a fresh claim
   */
  public void ensureLasts(Duration needed) {
    if (token == null) {
      return;
    }
    if (validUntilNanos - System.nanoTime() < needed.toNanos()) {
      throw new RetryableDeliveryException(
          "the delivery lease ends within " + needed + "; stopping before the next write",
          null,
          null);
    }
  }
}
