package org.docport.hub.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure a fresh registry has an operator: the password from {@code DOCPORT_OPERATOR_PASSWORD},
 * or a generated one that is logged once, on the start that creates it.
 */
@Component
class OperatorBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

  private final Accounts accounts;
  private final String username;
  private final String password;

  OperatorBootstrap(
      Accounts accounts,
      @Value("${docport.operator.username}") String username,
      @Value("${docport.operator.password:}") String password) {
    this.accounts = accounts;
    this.username = username;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (accounts.anyOperator()) {
      return;
    }
    boolean generated = password == null || password.isBlank();
    String secret = generated ? generate() : password;
    accounts.create(username, secret, DocPortUser.Role.OPERATOR);
    if (generated) {
      log.warn(
          "Created operator account '{}' with generated password: {}  (set DOCPORT_OPERATOR_PASSWORD to choose it)",
          username,
          secret);
    } else {
      log.info("Created operator account '{}'", username);
    }
  }

  private static String generate() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
