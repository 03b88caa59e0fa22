package org.docport.workflows.consent;

import io.temporal.activity.ActivityInterface;

/**
 * The registry and connector work of the consent workflows, implemented by the hub. Each is
 * idempotent: it moves the consent only from the state it expects, so a retried or repeated call (a
 * timed-out call may have succeeded) changes nothing twice.
 */
@ActivityInterface
public interface ConsentActivities {

  /** Consent becomes ENROLLING: the doctor's full profile is queued for the insurer. */
  void enrol(ConsentKey key);

  /**
   * Returns once the insurer holds the doctor's profile.
   *
   * @return false when the consent is no longer enrolling (the doctor withdrew meanwhile)
   * @throws io.temporal.failure.ApplicationFailure retryable while the delivery is on its way;
   *     non-retryable when the insurer refused the profile
   */
  boolean confirmEnrolled(ConsentKey key);

  /**
   * Consent becomes ACTIVE: every change flows to the insurer.
   *
   * @return false when the consent is no longer enrolling (the doctor withdrew meanwhile)
   */
  boolean activate(ConsentKey key);

  /**
   * Stops delivery to the insurer at once and takes back what was published there. The compensation
   * of {@link #enrol}.
   *
   * @param ending how the consent will end once withdrawn (kept in the registry, so a withdrawal
   *     resumed after a crash ends the same way)
   */
  void withdraw(ConsentKey key, ConsentStep ending, String reason);

  /** Records how the consent ended, with the reason the doctor sees. */
  void conclude(ConsentKey key, ConsentStep ending, String reason);
}
