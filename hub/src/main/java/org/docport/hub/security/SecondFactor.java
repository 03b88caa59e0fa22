package org.docport.hub.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;
import org.docport.hub.platform.Digests;
import org.docport.hub.platform.Secrets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor: time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps, as
 * every authenticator app reads an {@code otpauth://} QR code) and ten single-use recovery codes
 * for a lost phone. The TOTP key is sealed like every other secret in the registry; recovery codes
 * are kept only as hashes.
 */
@Component
public class SecondFactor {

  /** What the doctor's authenticator app needs: the key, as a QR code and as text. */
  public record AuthenticatorKey(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String secret,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String otpauthUri,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String qrCode) {}

  static final String ISSUER = "DocPort";
  static final int RECOVERY_CODES = 10;
  private static final Duration STEP = TimeBasedOneTimePasswordGenerator.DEFAULT_TIME_STEP;

  /** Codes one step either side of now are accepted: phones' clocks drift. */
  private static final int DRIFT_STEPS = 1;

  private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final Secrets secrets;

  SecondFactor(JdbcTemplate jdbc, Secrets secrets) {
    this.jdbc = jdbc;
    this.secrets = secrets;
  }

  public boolean enabled(String username) {
    return Boolean.TRUE.equals(
        jdbc
            .queryForList(
                "select totp_secret is not null from account where username = ?",
                Boolean.class,
                username)
            .stream()
            .findFirst()
            .orElse(false));
  }

  /** Starts (or restarts) enrolment with a new key; the current second factor stays until then. */
  public AuthenticatorKey begin(String username) {
    byte[] key = new byte[20];
    RANDOM.nextBytes(key);
    String secret = Base32.toBase32String(key);
    jdbc.update(
        "update account set totp_pending_secret = ? where username = ?",
        secrets.seal(secret, sealedAs(username)),
        username);
    String uri =
        "otpauth://totp/"
            + encode(ISSUER)
            + ":"
            + encode(username)
            + "?secret="
            + secret
            + "&issuer="
            + ISSUER
            + "&algorithm=SHA1&digits=6&period="
            + STEP.toSeconds();
    return new AuthenticatorKey(secret, uri, QrCodes.svgDataUri(uri));
  }

  /**
   * Finishes enrolment when {@code code} comes from the pending key: the key becomes the account's
   * second factor, and the returned recovery codes replace any earlier ones.
   *
   * @return the new recovery codes, or empty when the code is wrong or no enrolment is pending
   */
  @Transactional
  public List<String> confirm(String username, String code) {
    String pending =
        jdbc
            .queryForList(
                "select totp_pending_secret from account where username = ? for update",
                String.class,
                username)
            .stream()
            .filter(s -> s != null)
            .findFirst()
            .orElse(null);
    if (pending == null) {
      return List.of();
    }
    String secret = secrets.open(pending, sealedAs(username));
    long step = matchingStep(secret, code, Long.MIN_VALUE);
    if (step == Long.MIN_VALUE) {
      return List.of();
    }
    jdbc.update(
        "update account set totp_secret = totp_pending_secret, totp_pending_secret = null,"
            + " totp_last_step = ? where username = ?",
        step,
        username);
    return newRecoveryCodes(username);
  }

  /** Whether {@code code} is a current TOTP code or an unused recovery code (then used up). */
  @Transactional
  public boolean verify(String username, String code) {
    String normalized = code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    if (normalized.matches("\\d{6}")) {
      return verifyTotp(username, normalized);
    }
    return normalized.length() == 12
        && jdbc.update(
                "update account_recovery_code set used_at = now()"
                    + " where username = ? and code_hash = ? and used_at is null",
                username,
                Digests.sha256Hex(normalized))
            == 1;
  }

  private boolean verifyTotp(String username, String code) {
    var row =
        jdbc.queryForList(
            "select totp_secret, coalesce(totp_last_step, -1) as last from account"
                + " where username = ? and totp_secret is not null for update",
            username);
    if (row.isEmpty()) {
      return false;
    }
    String secret = secrets.open((String) row.get(0).get("totp_secret"), sealedAs(username));
    long step = matchingStep(secret, code, ((Number) row.get(0).get("last")).longValue());
    if (step == Long.MIN_VALUE) {
      return false;
    }
    jdbc.update("update account set totp_last_step = ? where username = ?", step, username);
    return true;
  }

  /** Replaces the account's recovery codes with ten new ones, returned once in the clear. */
  @Transactional
  public List<String> newRecoveryCodes(String username) {
    jdbc.update("delete from account_recovery_code where username = ?", username);
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      String code = recoveryCode();
      jdbc.update(
          "insert into account_recovery_code (username, code_hash) values (?, ?)",
          username,
          Digests.sha256Hex(code));
      codes.add(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8));
    }
    return codes;
  }

  /** Turns the second factor off and forgets its recovery codes. */
  @Transactional
  public void disable(String username) {
    jdbc.update(
        "update account set totp_secret = null, totp_pending_secret = null, totp_last_step = null"
            + " where username = ?",
        username);
    jdbc.update("delete from account_recovery_code where username = ?", username);
  }

  /**
   * The time step whose code is {@code code}, among those around now and after {@code lastUsed} (a
   * code is good once), or {@link Long#MIN_VALUE} when none matches.
   */
  static long matchingStep(String base32Secret, String code, long lastUsed) {
    if (code == null || !code.matches("\\d{6}")) {
      return Long.MIN_VALUE;
    }
    var generator = new TimeBasedOneTimePasswordGenerator(STEP);
    var key = new SecretKeySpec(Base32.decode(base32Secret), "HmacSHA1");
    long now = Instant.now().getEpochSecond() / STEP.toSeconds();
    for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
      if (step <= lastUsed) {
        continue;
      }
      try {
        String expected =
            generator.generateOneTimePasswordString(
                key, Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
        if (java.security.MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            code.getBytes(StandardCharsets.US_ASCII))) {
          return step;
        }
      } catch (InvalidKeyException e) {
        throw new IllegalStateException(e);
      }
    }
    return Long.MIN_VALUE;
  }

  private static String recoveryCode() {
    StringBuilder code = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
    }
    return code.toString();
  }

  private static String sealedAs(String username) {
    return "account:" + username + ":totp";
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
