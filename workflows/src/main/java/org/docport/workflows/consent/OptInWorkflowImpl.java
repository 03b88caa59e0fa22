package org.docport.workflows.consent;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.docport.workflows.ActivityPolicies;

/** See {@link OptInWorkflow}. Follows the saga idiom of temporalio/samples-java bookingsaga. */
public class OptInWorkflowImpl implements OptInWorkflow {

  private final ConsentActivities registry =
      Workflow.newActivityStub(ConsentActivities.class, ActivityPolicies.REGISTRY);
  private final ConsentActivities insurer =
      Workflow.newActivityStub(ConsentActivities.class, ActivityPolicies.REMOTE);
  private final Saga saga = new Saga(new Saga.Options.Builder().build());

  static final String WITHDRAWN = "withdrawn by the doctor";

  private ConsentStep step = ConsentStep.REQUESTED;
  private String reason;
  private ConsentStep ending;
  private InsurerDecision decision;
  private String cancelled;

  @Override
  public ConsentProgress optIn(OptInRequest request) {
    ConsentKey key = request.key();
    long started = Workflow.currentTimeMillis();
    try {
      step = ConsentStep.ENROLLING;
      // Registered before the call: a timed-out enrol may still have queued the delivery.
      saga.addCompensation(() -> insurer.withdraw(key, ending, reason));
      registry.enrol(key);
      boolean enrolled =
          Workflow.newActivityStub(
                  ConsentActivities.class,
                  ConsentActivityOptions.confirmation(request.decisionTimeout()))
              .confirmEnrolled(key);
      if (!enrolled || cancelled != null) {
        return end(key, ConsentStep.REVOKED, withdrawnReason());
      }
      step = ConsentStep.AWAITING_DECISION;
      if (!request.autoAccept()) {
        Duration left =
            request.decisionTimeout().minusMillis(Workflow.currentTimeMillis() - started);
        boolean answered =
            Workflow.await(
                left.isNegative() ? Duration.ZERO : left,
                () -> decision != null || cancelled != null);
        if (cancelled != null) {
          return end(key, ConsentStep.REVOKED, withdrawnReason());
        }
        if (!answered) {
          return end(
              key,
              ConsentStep.FAILED,
              "the insurer did not decide within " + describe(request.decisionTimeout()));
        }
        if (!decision.accepted()) {
          return end(key, ConsentStep.REJECTED, decision.reason());
        }
      }
      if (!registry.activate(key)) {
        return end(key, ConsentStep.REVOKED, withdrawnReason());
      }
      step = ConsentStep.ACTIVE;
      return progress();
    } catch (ActivityFailure e) {
      return end(key, ConsentStep.FAILED, reasonOf(e));
    }
  }

  /** Withdraws what was published (the saga's compensations), then records the ending. */
  private ConsentProgress end(ConsentKey key, ConsentStep how, String why) {
    ending = how;
    reason = why;
    step = ConsentStep.WITHDRAWING;
    // Detached, so compensation runs even when the workflow itself is being cancelled.
    Workflow.newDetachedCancellationScope(
            () -> {
              try {
                saga.compensate();
              } catch (TemporalFailure e) {
                reason = why + "; withdrawing the published data failed: " + reasonOf(e);
              }
              registry.conclude(key, ending, reason);
            })
        .run();
    step = ending;
    return progress();
  }

  @Override
  public ConsentProgress decide(InsurerDecision answer) {
    decision = answer;
    return progress();
  }

  @Override
  public void validateDecision(InsurerDecision answer) {
    if (answer == null) {
      throw new IllegalArgumentException("a decision is required");
    }
    if (!answer.accepted() && (answer.reason() == null || answer.reason().isBlank())) {
      throw new IllegalArgumentException("a rejection needs a reason the doctor can act on");
    }
    if (decision != null) {
      throw new IllegalStateException("the insurer has already decided on this enrolment");
    }
    if (step != ConsentStep.ENROLLING && step != ConsentStep.AWAITING_DECISION) {
      throw new IllegalStateException("no enrolment awaits a decision (it is " + step + ")");
    }
  }

  @Override
  public void cancel(String why) {
    if (cancelled == null) {
      cancelled = why == null || why.isBlank() ? WITHDRAWN : why;
    }
  }

  /** The doctor's withdrawal may reach the registry before its signal reaches this workflow. */
  private String withdrawnReason() {
    return cancelled != null ? cancelled : WITHDRAWN;
  }

  @Override
  public ConsentProgress progress() {
    return new ConsentProgress(step, reason);
  }

  static String reasonOf(TemporalFailure failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ApplicationFailure app) {
      return app.getOriginalMessage();
    }
    return cause.getMessage();
  }

  private static String describe(Duration d) {
    return d.toDays() >= 1 && d.toHoursPart() == 0 && d.toMinutesPart() == 0
        ? d.toDays() + " days"
        : d.toString();
  }
}
