package org.docport.connectors.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures as Standard Webhooks defines them: a key is {@code whsec_} and 24 to 64 bytes
 * in base64; a message is signed over {@code id.timestamp.body} with HMAC-SHA256, and the {@code
 * webhook-signature} header lists {@code v1,<base64 signature>} once per key, separated by spaces,
 * so a receiver holding either key of a rotation verifies it.
 */
public final class WebhookKeys {

  private static final String PREFIX = "whsec_";

  private WebhookKeys() {}

  /** The key a secret holds, or null when it is not {@code whsec_} and 24 to 64 bytes in base64. */
  public static byte[] key(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      return null;
    }
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
      return key.length >= 24 && key.length <= 64 ? key : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The {@code webhook-signature} header of a message: one {@code v1,...} per secret. */
  public static String signature(String id, long timestamp, byte[] body, List<String> secrets) {
    return secrets.stream()
        .map(secret -> "v1," + sign(key(secret), id, timestamp, body))
        .collect(Collectors.joining(" "));
  }

  /** Whether one of the header's {@code v1} signatures is the message's under {@code secret}. */
  public static boolean verifies(
      String header, String id, long timestamp, byte[] body, String secret) {
    byte[] expected =
        ("v1," + sign(key(secret), id, timestamp, body)).getBytes(StandardCharsets.US_ASCII);
    for (String signature : header.split(" ")) {
      if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }

  private static String sign(byte[] key, String id, long timestamp, byte[] body) {
    if (key == null) {
      throw new IllegalArgumentException("not a webhook signing secret");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
