package org.docport.hub.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Slows and then locks an account that keeps failing to sign in, for every check of its secrets:
 * the web app's password and second factor, and the REST API's HTTP Basic alike (OWASP's "account
 * lockout" with an increasing delay first). The state lives in the account row, so every replica
 * enforces the same count.
 *
 * <p>The first {@value #FREE_FAILURES} failures in a row cost nothing: people mistype. Each further
 * failure closes the account to every attempt, right or wrong, for twice as long as the last (1 s,
 * 2 s, 4 s ...); an attempt inside that wait is refused unchecked and not counted. The {@value
 * #LOCK_AT}th failure locks the account until the owner follows the link {@link AccountMail} sends,
 * or an operator unlocks it. A success clears the count.
 */
@Component
public class SignInGuard {

  static final int FREE_FAILURES = 5;
  static final int LOCK_AT = 10;

  /** What the guard knows of an account before its secret is checked. */
  record Standing(int failures, boolean emailVerified, boolean secondFactor) {}

  /** Refused before checking: the account must wait {@code retryAfter}. */
  static final class TooSoon extends AuthenticationException {
    private final transient Duration retryAfter;

    TooSoon(Duration retryAfter) {
      super("Too many failed sign-ins: wait before trying again");
      this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
      return retryAfter;
    }
  }

  private final JdbcTemplate jdbc;
  private final AccountMail mail;

  SignInGuard(JdbcTemplate jdbc, AccountMail mail) {
    this.jdbc = jdbc;
    this.mail = mail;
  }

  /**
   * Before a secret is checked: empty when no such account exists (the check then fails as any
   * wrong password does).
   *
   * @throws LockedException when the account is locked
   * @throws TooSoon when the account must wait before the next attempt
   */
  Optional<Standing> admit(String username) {
    return jdbc
        .query(
            "select failed_sign_ins, next_sign_in_at, locked_at, email_verified_at is not null,"
                + " totp_secret is not null from account where username = ?",
            (rs, n) -> {
              if (rs.getTimestamp(3) != null) {
                throw new LockedException(
                    "This account is locked after " + LOCK_AT + " failed sign-ins in a row.");
              }
              var next = rs.getTimestamp(2);
              if (next != null) {
                Duration wait = Duration.between(Instant.now(), next.toInstant());
                if (!wait.isNegative() && !wait.isZero()) {
                  throw new TooSoon(wait);
                }
              }
              return new Standing(rs.getInt(1), rs.getBoolean(4), rs.getBoolean(5));
            },
            username)
        .stream()
        .findFirst();
  }

  /** After a wrong secret: counts it, and slows or locks the account (mailing the owner). */
  void failed(String username) {
    Integer failures =
        jdbc
            .query(
                """
                update account set
                  failed_sign_ins = failed_sign_ins + 1,
                  next_sign_in_at = case when failed_sign_ins + 1 >= ?
                    then now() + make_interval(secs => power(2, failed_sign_ins + 1 - ?)) end,
                  locked_at = case when failed_sign_ins + 1 >= ? then coalesce(locked_at, now()) end
                where username = ?
                returning failed_sign_ins
                """,
                (rs, n) -> rs.getInt(1),
                FREE_FAILURES,
                FREE_FAILURES,
                LOCK_AT,
                username)
            .stream()
            .findFirst()
            .orElse(0);
    if (failures == LOCK_AT) {
      mail.sendUnlockLink(username);
    }
  }

  /** After a right secret: forgets earlier failures (a write only when there were some). */
  void succeeded(String username, Standing before) {
    if (before.failures() > 0) {
      unlock(username);
    }
  }

  /** Clears the failures and any lock: the owner's unlock link, or an operator. */
  public boolean unlock(String username) {
    return jdbc.update(
            "update account set failed_sign_ins = 0, next_sign_in_at = null, locked_at = null"
                + " where username = ?",
            username)
        == 1;
  }
}
