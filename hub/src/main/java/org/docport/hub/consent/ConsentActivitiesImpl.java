package org.docport.hub.consent;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.DeliverySubjects;
import org.docport.connectors.InsurerConnectors;
import org.docport.connectors.RejectedDeliveryException;
import org.docport.connectors.RetryableDeliveryException;
import org.docport.connectors.delivery.DeliveryState;
import org.docport.connectors.delivery.DeliveryStore;
import org.docport.workflows.consent.ConsentActivities;
import org.docport.workflows.consent.ConsentKey;
import org.docport.workflows.consent.ConsentStep;
import org.springframework.stereotype.Component;

/**
 * The consent workflows' activities, on the registry and the insurers' connectors. The enrolment
 * itself is an ordinary delivery: once the consent is ENROLLING, change capture plans the doctor's
 * full profile for the insurer like any other change.
 */
@Component("consentActivities")
class ConsentActivitiesImpl implements ConsentActivities {

  /** How long one confirmation attempt watches the delivery before Temporal retries it. */
  private static final Duration WATCH = Duration.ofSeconds(10);

  private static final Duration POLL = Duration.ofMillis(50);

  /** Long enough for the withdrawal requests, short enough to recover from a crash. */
  private static final Duration WITHDRAWAL_LEASE = Duration.ofMinutes(2);

  private final ConsentManagement consents;
  private final DeliveryStore deliveries;
  private final InsurerConnectors connectors;
  private final DeliverySubjects subjects;

  ConsentActivitiesImpl(
      ConsentManagement consents,
      DeliveryStore deliveries,
      InsurerConnectors connectors,
      DeliverySubjects subjects) {
    this.consents = consents;
    this.deliveries = deliveries;
    this.connectors = connectors;
    this.subjects = subjects;
  }

  @Override
  public void enrol(ConsentKey key) {
    consents.enrol(key);
  }

  @Override
  public boolean confirmEnrolled(ConsentKey key) {
    long deadline = System.nanoTime() + WATCH.toNanos();
    while (true) {
      if (consents.status(key).orElse(null) != ConsentStatus.ENROLLING) {
        return false;
      }
      Optional<DeliveryStore.Receipt> receipt = deliveries.receipt(key.insurerId(), key.doctorId());
      // DELIVERED, not just a delivered version: a pair withdrawn earlier may still show one.
      if (receipt.isPresent() && receipt.get().state() == DeliveryState.DELIVERED) {
        return true;
      }
      if (receipt.isPresent() && receipt.get().state() == DeliveryState.DEAD) {
        throw ApplicationFailure.newNonRetryableFailure(
            "the insurer refused the doctor's profile: " + receipt.get().lastError(),
            "EnrolmentRefused");
      }
      if (System.nanoTime() > deadline) {
        throw ApplicationFailure.newFailure(
            "the doctor's profile is still on its way to the insurer"
                + receipt.map(r -> " (" + r.lastError() + ")").orElse(""),
            "NotYetDelivered");
      }
      Activity.getExecutionContext().heartbeat(null);
      sleep(POLL);
    }
  }

  @Override
  public boolean activate(ConsentKey key) {
    return consents.activate(key);
  }

  @Override
  public void withdraw(ConsentKey key, ConsentStep ending, String reason) {
    consents.withdrawing(
        key, reason, ending == null ? ConsentStatus.REVOKED : ConsentStatus.of(ending));
    Optional<DeliveryJob> claimed =
        deliveries.claimPair(key.insurerId(), key.doctorId(), WITHDRAWAL_LEASE);
    if (claimed.isEmpty()) {
      if (deliveries.isLeased(key.insurerId(), key.doctorId())) {
        // An attempt already past its consent check holds the pair: it finishes first, and this
        // activity, retried by Temporal, withdraws after it.
        throw ApplicationFailure.newFailure(
            "a delivery to the insurer is in flight; withdrawing after it", "DeliveryInFlight");
      }
      return; // nothing was ever planned for the insurer, so it holds nothing
    }
    DeliveryJob job = claimed.get();
    Map<String, String> remaining;
    try {
      remaining =
          job.published().isEmpty()
              ? Map.of()
              : connectors.withdraw(
                  subjects.withdrawal(key.insurerId(), key.doctorId(), job.published()));
    } catch (RetryableDeliveryException e) {
      deliveries.release(job);
      throw ApplicationFailure.newFailure(e.getMessage(), "InsurerUnavailable");
    } catch (RejectedDeliveryException e) {
      deliveries.release(job);
      throw ApplicationFailure.newNonRetryableFailure(
          "the insurer refused the withdrawal: " + e.getMessage(), "WithdrawalRefused");
    }
    if (!deliveries.withdrawn(job, remaining, reason)) {
      throw ApplicationFailure.newFailure(
          "the withdrawal outlasted its claim on the delivery; withdrawing again", "ClaimLost");
    }
  }

  @Override
  public void conclude(ConsentKey key, ConsentStep ending, String reason) {
    consents.conclude(key, ConsentStatus.of(ending), reason);
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("interrupted", "Interrupted");
    }
  }
}
