package org.docport.workflows.onboarding;

import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.docport.workflows.ActivityPolicies;
import org.docport.workflows.RequestIds;

/** See {@link OnboardingWorkflow}. */
public class OnboardingWorkflowImpl implements OnboardingWorkflow {

  /** Past this many history events, a wait for the doctor continues as a new run. */
  static final int HISTORY_LIMIT = 2_000;

  private final OnboardingActivities registry =
      Workflow.newActivityStub(OnboardingActivities.class, ActivityPolicies.REGISTRY);
  private final OnboardingActivities checks =
      Workflow.newActivityStub(OnboardingActivities.class, ActivityPolicies.REMOTE);

  private OnboardingStep step = OnboardingStep.DRAFT;
  private List<String> problems = List.of();
  private List<String> reviewNotes = List.of();
  private int reminders;
  private boolean submitted;
  private boolean touched;
  private ReviewDecision decision;

  @Override
  public OnboardingProgress onboard(OnboardingRequest request) {
    UUID doctor = request.doctorId();
    if (request.resume() != null) {
      resume(request.resume());
    } else {
      registry.record(doctor, progress());
    }
    while (step != OnboardingStep.ACTIVE) {
      if (step == OnboardingStep.DRAFT || step == OnboardingStep.CORRECTIONS_NEEDED) {
        awaitSubmission(request);
      }
      if (step == OnboardingStep.CHECKING) {
        check(doctor);
      }
      if (step == OnboardingStep.IN_REVIEW) {
        Workflow.await(() -> decision != null);
        conclude(doctor);
      }
    }
    return progress();
  }

  private void awaitSubmission(OnboardingRequest request) {
    while (!submitted) {
      if (Workflow.getInfo().getHistoryLength() > HISTORY_LIMIT) {
        // Reminders and edits add events for as long as the doctor takes: start afresh.
        Workflow.continueAsNew(request.resumingAt(progress()));
      }
      Duration reminder =
          step == OnboardingStep.DRAFT ? request.draftReminder() : request.correctionReminder();
      touched = false;
      boolean woke = Workflow.await(reminder, () -> submitted || touched);
      if (!woke) {
        reminders++;
        registry.remind(request.doctorId(), progress(), RequestIds.next("reminder-request-id"));
        registry.record(request.doctorId(), progress());
      }
    }
    submitted = false;
    step = OnboardingStep.CHECKING;
    problems = List.of();
    registry.record(request.doctorId(), progress());
  }

  private void check(UUID doctor) {
    CredentialReport report = checks.checkCredentials(doctor);
    if (report.passed()) {
      step = OnboardingStep.IN_REVIEW;
      reviewNotes = report.reviewNotes();
    } else {
      step = OnboardingStep.CORRECTIONS_NEEDED;
      problems = report.problems();
    }
    registry.record(doctor, progress());
  }

  private void conclude(UUID doctor) {
    if (decision.approved()) {
      registry.activate(doctor);
      step = OnboardingStep.ACTIVE;
      reviewNotes = List.of();
    } else {
      step = OnboardingStep.CORRECTIONS_NEEDED;
      problems = decision.reasons();
    }
    decision = null;
    registry.record(doctor, progress());
  }

  private void resume(OnboardingProgress from) {
    step = from.step();
    problems = from.problems();
    reviewNotes = from.reviewNotes();
    reminders = from.remindersSent();
  }

  @Override
  public OnboardingProgress submit() {
    submitted = true;
    return new OnboardingProgress(OnboardingStep.CHECKING, List.of(), List.of(), reminders);
  }

  @Override
  public void validateSubmit() {
    if (submitted || (step != OnboardingStep.DRAFT && step != OnboardingStep.CORRECTIONS_NEEDED)) {
      throw new IllegalStateException(
          "nothing to submit: the onboarding is " + (submitted ? OnboardingStep.CHECKING : step));
    }
  }

  @Override
  public OnboardingProgress review(ReviewDecision answer) {
    decision = answer;
    return new OnboardingProgress(
        answer.approved() ? OnboardingStep.ACTIVE : OnboardingStep.CORRECTIONS_NEEDED,
        answer.reasons(),
        List.of(),
        reminders);
  }

  @Override
  public void validateReview(ReviewDecision answer) {
    if (answer == null) {
      throw new IllegalArgumentException("a decision is required");
    }
    if (step != OnboardingStep.IN_REVIEW || decision != null) {
      throw new IllegalStateException(
          "no review is due: the onboarding is "
              + (decision != null ? "being concluded" : step.toString()));
    }
    if (!answer.approved() && answer.reasons().stream().allMatch(r -> r == null || r.isBlank())) {
      throw new IllegalArgumentException(
          "sending an onboarding back needs at least one reason the doctor can act on");
    }
  }

  @Override
  public void touched() {
    touched = true;
  }

  @Override
  public OnboardingProgress progress() {
    return new OnboardingProgress(step, problems, reviewNotes, reminders);
  }
}
