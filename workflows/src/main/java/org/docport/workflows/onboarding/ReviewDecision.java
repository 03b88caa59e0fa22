package org.docport.workflows.onboarding;

import java.util.List;

/** An operator's review: approve, or send back with what to fix. */
public record ReviewDecision(boolean approved, List<String> reasons) {

  public ReviewDecision {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  public static ReviewDecision approve() {
    return new ReviewDecision(true, List.of());
  }

  public static ReviewDecision reject(String... reasons) {
    return new ReviewDecision(false, List.of(reasons));
  }
}
