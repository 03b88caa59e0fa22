package org.docport.hub.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.docport.hub.platform.Digests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The single-use secrets in the links DocPort e-mails (verify an address, unlock an account). Only
 * a SHA-256 of each token is stored: 256 random bits need no slow hash, and a database dump does
 * not hand out working links.
 */
@Repository
class AccountTokens {

  enum Purpose {
    VERIFY_EMAIL,
    UNLOCK
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;

  AccountTokens(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A new token for the account; earlier unused ones for the same purpose stop working. */
  String issue(String username, Purpose purpose, Duration validFor) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.update(
        "delete from account_token where username = ? and purpose = ? and used_at is null",
        username,
        purpose.name());
    jdbc.update(
        "insert into account_token (token_hash, username, purpose, expires_at) values (?, ?, ?, ?)",
        Digests.sha256Hex(token),
        username,
        purpose.name(),
        Timestamp.from(Instant.now().plus(validFor)));
    return token;
  }

  /** Uses the token up: the account it was issued to, or empty if unknown, used or expired. */
  Optional<String> redeem(String token, Purpose purpose) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc
        .queryForList(
            "update account_token set used_at = now() where token_hash = ? and purpose = ?"
                + " and used_at is null and expires_at > now() returning username",
            String.class,
            Digests.sha256Hex(token),
            purpose.name())
        .stream()
        .findFirst();
  }
}
