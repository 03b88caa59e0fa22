package org.docport.hub.fhir;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header on every notification: {@code t=<unix seconds>,sha256=<hex>}, the
 * HMAC-SHA256, keyed with the subscription's signing secret, of {@code t + "." + body}. The
 * subscriber recomputes it to know the notification came from DocPort and was not altered; the
 * timestamp inside the signed text lets it refuse a replayed old notification.
 */
final class NotificationSignature {

  static final String HEADER = "X-DocPort-Signature";

  private NotificationSignature() {}

  static String header(String secret, byte[] body, Instant at) {
    long t = at.getEpochSecond();
    return "t=" + t + ",sha256=" + hmac(secret, t, body);
  }

  static String hmac(String secret, long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
