package org.docport.workflows.insurer;

import io.temporal.activity.ActivityInterface;

/** The registry, account and connector work of insurer onboarding, implemented by the hub. */
@ActivityInterface
public interface InsurerOnboardingActivities {

  /** Records the step (and reason) in the registry for the API to show. */
  void record(String insurerId, InsurerOnboardingProgress progress);

  /**
   * Issues the insurer's API credentials and sends them to its contact address. A repeated call
   * issues fresh ones (the last message sent holds the valid password).
   *
   * @return the account's username
   */
  String issueCredentials(String insurerId);

  /** Calls the insurer's endpoint with its connector settings. */
  ConnectionCheck testConnection(String insurerId);

  /** Connects the insurer: its route and delivery lane start, doctors may opt in. */
  void goLive(String insurerId);
}
