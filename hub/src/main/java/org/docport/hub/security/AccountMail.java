package org.docport.hub.security;

import java.time.Duration;
import org.docport.hub.platform.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The links an account's owner receives by e-mail: verify the address, unlock the account. Links
 * point at the web app on {@code DOCPORT_PUBLIC_URL}, else at the address the request came in on.
 * Without a mail server (the embedded default) the link is logged, so a developer can follow it.
 */
@Component
class AccountMail {

  static final Duration VERIFY_FOR = Duration.ofDays(2);
  static final Duration UNLOCK_FOR = Duration.ofDays(1);

  private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

  private final AccountTokens tokens;
  private final Mailer mailer;
  private final JdbcTemplate jdbc;
  private final String publicUrl;

  AccountMail(
      AccountTokens tokens,
      Mailer mailer,
      JdbcTemplate jdbc,
      @Value("${docport.smart.public-url:}") String publicUrl) {
    this.tokens = tokens;
    this.mailer = mailer;
    this.jdbc = jdbc;
    this.publicUrl = publicUrl;
  }

  void sendVerificationLink(String username, String email) {
    String link =
        link(
            "/verify-email",
            tokens.issue(username, AccountTokens.Purpose.VERIFY_EMAIL, VERIFY_FOR));
    send(
        email,
        "Confirm your e-mail address for DocPort",
        "Welcome to DocPort.\n\nTo confirm that this is your address and finish creating your"
            + " account, open this link within "
            + VERIFY_FOR.toDays()
            + " days:\n\n"
            + link
            + "\n\nIf you did not sign up for DocPort, ignore this message.\n");
  }

  /** Mails the owner of a just-locked account a link that unlocks it, if they have an address. */
  void sendUnlockLink(String username) {
    String email =
        jdbc
            .queryForList(
                "select email from account where username = ? and email_verified_at is not null",
                String.class,
                username)
            .stream()
            .filter(e -> e != null)
            .findFirst()
            .orElse(null);
    if (email == null) {
      log.warn(
          "Account '{}' is locked after repeated failed sign-ins and has no verified e-mail:"
              + " an operator must unlock it",
          username);
      return;
    }
    String link = link("/unlock", tokens.issue(username, AccountTokens.Purpose.UNLOCK, UNLOCK_FOR));
    send(
        email,
        "Your DocPort account was locked",
        "Someone, perhaps you, got the password for your DocPort account wrong "
            + SignInGuard.LOCK_AT
            + " times in a row, so we locked the account.\n\nTo unlock it, open this link within "
            + UNLOCK_FOR.toHours()
            + " hours:\n\n"
            + link
            + "\n\nIf it was not you, change your password once you are signed in again.\n");
  }

  private void send(String to, String subject, String text) {
    try {
      if (!mailer.send(to, subject, text)) {
        log.warn(
            "No mail server is configured (spring.mail.host); mail to {}: {}\n{}",
            to,
            subject,
            text);
      }
    } catch (MailException e) {
      // The account's state is already saved; its owner can ask for the link again.
      log.error("Could not send '{}' to {}: {}", subject, to, e.getMessage());
    }
  }

  private String link(String path, String token) {
    String base =
        publicUrl.isBlank()
            ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
            : publicUrl.replaceAll("/+$", "");
    return base + path + "?token=" + token;
  }
}
