package org.docport.hub.onboarding;

import java.util.Optional;
import java.util.UUID;
import org.docport.hub.platform.Mailer;
import org.docport.hub.registry.Doctors;
import org.docport.mappings.snapshot.ContactPoint;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.workflows.onboarding.OnboardingProgress;
import org.docport.workflows.onboarding.OnboardingStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * E-mails a doctor whose onboarding waits for them. Without a mail server configured ({@code
 * spring.mail.host}), or for a doctor with no e-mail address, the reminder is only logged.
 */
@Component
class Reminders {

  private static final Logger log = LoggerFactory.getLogger(Reminders.class);

  private final Mailer mail;
  private final Doctors doctors;

  Reminders(Mailer mail, Doctors doctors) {
    this.mail = mail;
    this.doctors = doctors;
  }

  void send(UUID doctorId, OnboardingProgress progress) {
    Optional<DoctorSnapshot> doctor = doctors.find(doctorId);
    Optional<String> address =
        doctor.flatMap(
            d ->
                d.normalized().telecom().stream()
                    .filter(c -> "email".equals(c.system()))
                    .map(ContactPoint::value)
                    .findFirst());
    boolean sent =
        address.isPresent()
            && mail.send(
                address.get(),
                "Your DocPort onboarding is waiting for you",
                text(doctor.get(), progress));
    if (!sent) {
      log.info(
          "Onboarding reminder for doctor {} not e-mailed ({}): {}",
          doctorId,
          address.isEmpty() ? "no e-mail address" : "no mail server configured",
          progress.step());
    }
  }

  static String text(DoctorSnapshot doctor, OnboardingProgress progress) {
    StringBuilder text = new StringBuilder();
    text.append("Dear Dr ").append(doctor.name().family()).append(",\n\n");
    if (progress.step() == OnboardingStep.DRAFT) {
      text.append("your DocPort profile is still a draft. Complete it, upload your licence and")
          .append(" degree certificate, and submit it for review.\n");
    } else {
      text.append("your DocPort onboarding needs a few corrections before it can continue:\n");
      progress.problems().forEach(p -> text.append("  - ").append(p).append('\n'));
      text.append("Fix them and submit again.\n");
    }
    return text.append("\nDocPort").toString();
  }
}
