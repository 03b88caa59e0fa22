package org.docport.hub.onboarding;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Onboarding settings ({@code docport.onboarding.*}).
 *
 * @param draftReminder a draft untouched this long gets a reminder e-mail
 * @param correctionReminder a request for corrections unanswered this long gets a reminder
 * @param licenceRegistries per issuing authority (as doctors write it in an identifier's {@code
 *     issuer}), the URL that verifies a number, with {@code {number}} where the number goes; an
 *     authority without one is checked by the reviewer
 * @param licenceFormats per issuing authority, the regular expression its numbers match
 */
@ConfigurationProperties("docport.onboarding")
public record OnboardingSettings(
    Duration draftReminder,
    Duration correctionReminder,
    Map<String, String> licenceRegistries,
    Map<String, String> licenceFormats) {

  public OnboardingSettings {
    draftReminder = draftReminder == null ? Duration.ofDays(3) : draftReminder;
    correctionReminder = correctionReminder == null ? Duration.ofDays(7) : correctionReminder;
    licenceRegistries = licenceRegistries == null ? Map.of() : Map.copyOf(licenceRegistries);
    licenceFormats = licenceFormats == null ? Map.of() : Map.copyOf(licenceFormats);
  }
}
