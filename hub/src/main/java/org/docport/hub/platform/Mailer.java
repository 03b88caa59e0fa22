package org.docport.hub.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Plain-text e-mail from DocPort (onboarding reminders, insurer credentials), through the SMTP
 * server {@code spring.mail.host} names. Without one, nothing is sent and the caller decides what
 * to do instead.
 */
@Component
public class Mailer {

  private final ObjectProvider<JavaMailSender> mail;
  private final String from;

  Mailer(
      ObjectProvider<JavaMailSender> mail,
      @Value("${docport.onboarding.mail-from:onboarding@docport.local}") String from) {
    this.mail = mail;
    this.from = from;
  }

  /** Sends the message; false when no mail server is configured. */
  public boolean send(String to, String subject, String text) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return false;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(to);
    message.setSubject(subject);
    message.setText(text);
    sender.send(message);
    return true;
  }
}
