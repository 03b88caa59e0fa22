package org.docport.connectors.delivery;

/**
 * What sends one insurer's due pairs: a lane for kinds that deliver per pair, a schedule of runs
 * for kinds that send them in batches.
 */
interface InsurerDriver extends AutoCloseable {

  /** Deliveries may be due now; a schedule of runs waits for its next run. */
  void wake();

  /** Stops; whatever is in flight finishes first. */
  @Override
  void close();
}
