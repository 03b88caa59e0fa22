package org.docport.hub.insurer;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.docport.connectors.ConnectorKinds;
import org.docport.connectors.ConnectorServices;
import org.docport.connectors.ConnectorSettings;
import org.docport.hub.platform.ActivityRequests;
import org.docport.hub.platform.Mailer;
import org.docport.hub.security.Accounts;
import org.docport.workflows.insurer.ConnectionCheck;
import org.docport.workflows.insurer.InsurerOnboardingActivities;
import org.docport.workflows.insurer.InsurerOnboardingProgress;
import org.docport.workflows.insurer.InsurerOnboardingStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Insurer onboarding's activities: registry status, API credentials, connection test, going live.
 */
@Component("insurerOnboardingActivities")
class InsurerOnboardingActivitiesImpl implements InsurerOnboardingActivities {

  private static final Logger log = LoggerFactory.getLogger(InsurerOnboardingActivitiesImpl.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Insurers insurers;
  private final Accounts accounts;
  private final ConnectorServices services;
  private final Mailer mail;
  private final ApplicationEventPublisher events;
  private final ActivityRequests requests;

  InsurerOnboardingActivitiesImpl(
      Insurers insurers,
      Accounts accounts,
      ConnectorServices services,
      Mailer mail,
      ApplicationEventPublisher events,
      ActivityRequests requests) {
    this.requests = requests;
    this.insurers = insurers;
    this.accounts = accounts;
    this.services = services;
    this.mail = mail;
    this.events = events;
  }

  @Override
  public void record(String insurerId, InsurerOnboardingProgress progress) {
    insurers.setStatus(insurerId, progress.step(), progress.reason());
  }

  @Override
  public String issueCredentials(String insurerId, UUID requestId) {
    InsurerRegistration insurer = insurers.get(insurerId);
    String username = "insurer-" + insurerId;
    if (requests.isDone(requestId)) {
      return username;
    }
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    accounts.issueInsurerAccount(username, password, insurerId);
    boolean sent =
        mail.send(
            insurer.contactEmail(),
            "Your DocPort API credentials",
            "Welcome to DocPort, "
                + insurer.name()
                + ".\n\nYour registration was approved. Your API credentials (HTTP Basic):\n\n"
                + "username: "
                + username
                + "\npassword: "
                + password
                + "\n\nKeep them secret. DocPort now tests the connection to your endpoint."
                + "\n\nDocPort");
    if (!sent) {
      // As with the operator's first password: without a mail server, the log is the only channel.
      log.warn(
          "No mail server configured: API credentials of insurer {} are {} / {}",
          insurerId,
          username,
          password);
    }
    requests.done(requestId, "insurer-credentials");
    return username;
  }

  @Override
  public ConnectionCheck testConnection(String insurerId) {
    ConnectorSettings connector = insurers.get(insurerId).connector();
    Optional<String> problem = ConnectorKinds.connectionProblem(services, insurerId, connector);
    return problem
        .map(p -> new ConnectionCheck(false, p))
        .orElseGet(() -> new ConnectionCheck(true, null));
  }

  @Override
  public void goLive(String insurerId) {
    // Connected first: an insurer shown LIVE has its route and lane (connecting again is harmless).
    events.publishEvent(new InsurerEvent.Registered(insurers.get(insurerId)));
    insurers.setStatus(insurerId, InsurerOnboardingStep.LIVE, null);
  }
}
