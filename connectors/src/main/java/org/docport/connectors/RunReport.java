package org.docport.connectors;

import java.util.List;

/**
 * What one run sent.
 *
 * @param files the files completed on the insurer's server, in the order written; empty when
 *     nothing was sent (nothing due, or the insurer is paused)
 * @param rows the doctors the run's file lists (withdrawn ones included)
 * @param receipted the pairs whose receipt the run recorded
 * @param skipped the pairs the insurer may no longer see, recorded as skipped
 * @param outcome what happened, in words for an operator
 */
public record RunReport(
    String insurerId,
    String run,
    List<String> files,
    int rows,
    int receipted,
    int skipped,
    String outcome) {

  public RunReport {
    files = List.copyOf(files);
  }

  /** A run that sent nothing, and why. */
  public static RunReport nothing(RunRequest request, String why) {
    return new RunReport(request.insurerId(), request.run(), List.of(), 0, 0, 0, why);
  }
}
