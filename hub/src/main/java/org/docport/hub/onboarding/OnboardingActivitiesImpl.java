package org.docport.hub.onboarding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.docport.hub.platform.ActivityRequests;
import org.docport.hub.registry.Doctors;
import org.docport.workflows.onboarding.CredentialReport;
import org.docport.workflows.onboarding.OnboardingActivities;
import org.docport.workflows.onboarding.OnboardingProgress;
import org.springframework.stereotype.Component;

/** The onboarding workflow's activities, on the registry, the licence registries and e-mail. */
@Component("onboardingActivities")
class OnboardingActivitiesImpl implements OnboardingActivities {

  private final Onboardings onboardings;
  private final Doctors doctors;
  private final DoctorDocuments documents;
  private final LicenceRegistry registry;
  private final Reminders reminders;
  private final OnboardingSettings settings;
  private final ActivityRequests requests;
  private final Clock clock;

  OnboardingActivitiesImpl(
      Onboardings onboardings,
      Doctors doctors,
      DoctorDocuments documents,
      LicenceRegistry registry,
      Reminders reminders,
      OnboardingSettings settings,
      ActivityRequests requests) {
    this.requests = requests;
    this.onboardings = onboardings;
    this.doctors = doctors;
    this.documents = documents;
    this.registry = registry;
    this.reminders = reminders;
    this.settings = settings;
    this.clock = Clock.systemUTC();
  }

  @Override
  public void record(UUID doctorId, OnboardingProgress progress) {
    onboardings.record(doctorId, progress);
  }

  @Override
  public CredentialReport checkCredentials(UUID doctorId) {
    return CredentialChecks.check(
        doctors.get(doctorId),
        documents.kinds(doctorId),
        LocalDate.now(clock),
        settings.licenceFormats(),
        registry::verify);
  }

  @Override
  public void activate(UUID doctorId) {
    onboardings.activate(doctorId, "onboarding");
  }

  @Override
  public void remind(UUID doctorId, OnboardingProgress progress, UUID requestId) {
    if (requests.isDone(requestId)) {
      return;
    }
    reminders.send(doctorId, progress);
    requests.done(requestId, "onboarding-reminder");
  }
}
