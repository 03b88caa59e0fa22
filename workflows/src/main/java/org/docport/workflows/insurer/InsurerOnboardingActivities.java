package org.docport.workflows.insurer;

import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/** The registry, account and connector work of insurer onboarding, implemented by the hub. */
@ActivityInterface
public interface InsurerOnboardingActivities {

  /** Records the step (and reason) in the registry for the API to show. */
  void record(String insurerId, InsurerOnboardingProgress progress);

  /**
   * Issues the insurer's API credentials and sends them to its contact address, once per {@code
   * requestId}: a retry of a call that got through issues nothing new.
   *
   * @return the account's username
   */
  String issueCredentials(String insurerId, UUID requestId);

  /** Calls the insurer's endpoint with its connector settings. */
  ConnectionCheck testConnection(String insurerId);

  /** Connects the insurer: its route and delivery lane start, doctors may opt in. */
  void goLive(String insurerId);
}
