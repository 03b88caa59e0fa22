package org.docport.hub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seals the secrets DocPort keeps in the registry (insurers' connector tokens and client secrets)
 * with AES-256-GCM, so that a database dump or a read-only database user does not reveal them.
 *
 * <p>The key is {@code DOCPORT_SECRETS_KEY} (32 bytes, base64), else the file {@code
 * DOCPORT_SECRETS_KEY_FILE}, generated on first start. The registry records the key's fingerprint:
 * a hub started with another key refuses to start and says so, instead of sending garbage
 * credentials to every insurer.
 */
@Component
@EnableConfigurationProperties(Secrets.Settings.class)
public class Secrets {

  /**
   * Where the key comes from.
   *
   * @param key the key itself, base64 ({@code DOCPORT_SECRETS_KEY}); wins over the file
   * @param keyFile a file holding the key in base64, created when the registry holds no secrets yet
   */
  @ConfigurationProperties("docport.secrets")
  public record Settings(String key, Path keyFile) {}

  private static final Logger log = LoggerFactory.getLogger(Secrets.class);
  private static final String PREFIX = "sealed:v1:";
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  Secrets(Settings settings, JdbcTemplate jdbc) {
    String recorded =
        jdbc.query(
            "select fingerprint from secrets_key where id = 1",
            rs -> rs.next() ? rs.getString(1) : null);
    byte[] bytes =
        settings.key() != null && !settings.key().isBlank()
            ? decode(settings.key(), "DOCPORT_SECRETS_KEY")
            : fromFile(settings.keyFile(), recorded);
    this.key = new SecretKeySpec(bytes, "AES");
    String fingerprint = fingerprint(bytes);
    jdbc.update(
        "insert into secrets_key (id, fingerprint) values (1, ?) on conflict (id) do nothing",
        fingerprint);
    String expected =
        jdbc.queryForObject("select fingerprint from secrets_key where id = 1", String.class);
    if (!fingerprint.equals(expected)) {
      throw new IllegalStateException(
          "The registry's secrets are sealed with the key of fingerprint "
              + expected
              + ", but this hub has key "
              + fingerprint
              + " ("
              + source(settings)
              + "). Start it with the key the registry was first started with"
              + " (DOCPORT_SECRETS_KEY, or DOCPORT_SECRETS_KEY_FILE naming that key's file).");
    }
  }

  /** Seals {@code plain}; {@code context} (e.g. insurer and field) must be the same to open it. */
  public String seal(String plain, String context) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    byte[] sealed;
    try {
      sealed = cipher(Cipher.ENCRYPT_MODE, iv, context).doFinal(bytes(plain));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal the secret of " + context, e);
    }
    ByteBuffer all = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed);
    return PREFIX + Base64.getEncoder().encodeToString(all.array());
  }

  /** Opens what {@link #seal} sealed; a value stored before sealing existed is answered as is. */
  public String open(String value, String context) {
    if (!isSealed(value)) {
      return value;
    }
    byte[] all = Base64.getDecoder().decode(value.substring(PREFIX.length()));
    byte[] iv = Arrays.copyOf(all, IV_BYTES);
    try {
      return new String(
          cipher(Cipher.DECRYPT_MODE, iv, context).doFinal(all, IV_BYTES, all.length - IV_BYTES),
          StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "The secret of " + context + " does not open with this hub's key: it was altered", e);
    }
  }

  public static boolean isSealed(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  private Cipher cipher(int mode, byte[] iv, String context) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(bytes(context));
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  private static byte[] fromFile(Path file, String recorded) {
    if (Files.exists(file)) {
      try {
        return decode(Files.readString(file).trim(), "the key file " + file.toAbsolutePath());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the secrets key file " + file, e);
      }
    }
    if (recorded != null) {
      throw new IllegalStateException(
          "The registry's secrets are sealed with the key of fingerprint "
              + recorded
              + ", and this hub has no key: DOCPORT_SECRETS_KEY is not set and "
              + file.toAbsolutePath()
              + " does not exist. Set DOCPORT_SECRETS_KEY, or DOCPORT_SECRETS_KEY_FILE to that"
              + " key's file.");
    }
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write a new secrets key to " + file, e);
    }
    log.warn(
        "Generated the key that seals connector secrets in {}. Back it up with the database;"
            + " hubs on other machines need the same key (DOCPORT_SECRETS_KEY).",
        file.toAbsolutePath());
    return key;
  }

  private static byte[] decode(String base64, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          source + " must be base64 (e.g. the output of `openssl rand -base64 32`)", e);
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalStateException(
          source
              + " must hold "
              + KEY_BYTES
              + " bytes in base64 (e.g. `openssl rand -base64 32`), not "
              + key.length);
    }
    return key;
  }

  /** Names a key without revealing it: the first 8 bytes of an HMAC of a fixed text. */
  static String fingerprint(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal(bytes("docport secrets key fingerprint"));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  private static String source(Settings settings) {
    return settings.key() != null && !settings.key().isBlank()
        ? "from DOCPORT_SECRETS_KEY"
        : "from " + settings.keyFile().toAbsolutePath();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
