package org.docport.workflows.onboarding;

import java.util.List;

/**
 * The outcome of the credential checks.
 *
 * @param problems what the doctor must fix; empty when the checks passed
 * @param reviewNotes what an operator must verify by hand
 */
public record CredentialReport(List<String> problems, List<String> reviewNotes) {

  public CredentialReport {
    problems = List.copyOf(problems);
    reviewNotes = List.copyOf(reviewNotes);
  }

  public boolean passed() {
    return problems.isEmpty();
  }
}
