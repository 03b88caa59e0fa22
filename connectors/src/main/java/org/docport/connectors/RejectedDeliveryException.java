package org.docport.connectors;

/**
 * The insurer refused the delivery in a way retrying will not fix (a 4xx other than 429): the
 * delivery goes to the dead-letter store with the insurer's OperationOutcome for an operator.
 */
public class RejectedDeliveryException extends RuntimeException {

  /** The status of a refusal that did not come from the insurer (e.g. unmappable data). */
  public static final int NOT_HTTP = 0;

  private final int status;
  private final String operationOutcome;

  public RejectedDeliveryException(
      String message, int status, String operationOutcome, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.operationOutcome = operationOutcome;
  }

  /** The HTTP status the insurer answered, or {@link #NOT_HTTP}. */
  public int status() {
    return status;
  }

  /** The insurer's OperationOutcome as JSON, or null when it sent none. */
  public String operationOutcome() {
    return operationOutcome;
  }
}
