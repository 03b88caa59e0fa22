package org.docport.hub.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.docport.connectors.webhook.WebhookKeys;

/**
 * Verifies a partner API request as Standard Webhooks signs a message, the way DocPort's own
 * webhooks are signed ({@link WebhookKeys}): {@code webhook-signature} holds {@code v1,<base64>}
 * (several, space-separated, during the insurer's own rotation), each an HMAC-SHA256 under the
 * key's bytes of {@code webhook-id.webhook-timestamp.body}, the body as sent (empty for a GET). Any
 * live key of the insurer may have signed it, so during DocPort's rotation of the insurer's key the
 * old one verifies until it is retired. A refusal says exactly what is wrong.
 */
final class RequestSignatures {

  static final String ID = "webhook-id";
  static final String TIMESTAMP = "webhook-timestamp";
  static final String SIGNATURE = "webhook-signature";

  /** Visible ASCII, no spaces: what fits in a header and a log line unchanged. */
  private static final Pattern REQUEST_ID = Pattern.compile("[\\x21-\\x7e]{1,255}");

  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");

  /** The headers a request came with; null where one is missing. */
  record Headers(String id, String timestamp, String signature) {}

  /** A verified request: the insurer, the key that signed it, and its id and time. */
  record Verified(String insurerId, String keyId, String requestId, Instant timestamp) {}

  /** Why a request was refused, in words the insurer's developers can act on. */
  static final class Refused extends RuntimeException {
    Refused(String detail) {
      super(detail, null, false, false);
    }
  }

  private final PartnerKeys keys;
  private final Duration tolerance;
  private final Clock clock;

  RequestSignatures(PartnerKeys keys, Duration tolerance, Clock clock) {
    this.keys = keys;
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /**
   * The request, verified as the insurer's.
   *
   * @throws Refused when a header is missing or malformed, the insurer holds no live key, the
   *     timestamp is too far from now, or no live key of the insurer made the signature
   */
  Verified verify(String insurerId, Headers headers, byte[] body) {
    List<String> missing = new ArrayList<>();
    for (String[] header :
        List.of(
            new String[] {ID, headers.id()},
            new String[] {TIMESTAMP, headers.timestamp()},
            new String[] {SIGNATURE, headers.signature()})) {
      if (header[1] == null || header[1].isBlank()) {
        missing.add(header[0]);
      }
    }
    if (!missing.isEmpty()) {
      throw new Refused(
          "The request has no "
              + String.join(", ", missing)
              + " header: sign every request as Standard Webhooks describes (webhook-id,"
              + " webhook-timestamp and webhook-signature).");
    }
    if (!REQUEST_ID.matcher(headers.id()).matches()) {
      throw new Refused(
          "webhook-id must be 1 to 255 visible ASCII characters without spaces, unique per request"
              + " (a UUID will do).");
    }
    Instant timestamp = timestamp(headers.timestamp());
    List<PartnerKeys.LiveKey> live = keys.live(insurerId);
    if (live.isEmpty()) {
      throw new Refused(
          "Unknown insurer '"
              + insurerId
              + "': no insurer with that id holds a partner API key. Check the insurer id in the"
              + " path, or ask DocPort's operators to issue a key.");
    }
    String[] signatures = headers.signature().trim().split(" +");
    if (Arrays.stream(signatures).noneMatch(s -> s.startsWith("v1,"))) {
      throw new Refused(
          "webhook-signature must hold 'v1,' and the base64 signature (several space-separated"
              + " during a rotation), not '"
              + abbreviated(headers.signature())
              + "'.");
    }
    byte[] signed = body == null ? new byte[0] : body;
    for (PartnerKeys.LiveKey key : live) {
      if (WebhookKeys.verifies(
          String.join(" ", signatures),
          headers.id(),
          timestamp.getEpochSecond(),
          signed,
          key.secret())) {
        keys.used(key.id());
        return new Verified(insurerId, key.id(), headers.id(), timestamp);
      }
    }
    throw new Refused(
        "webhook-signature does not verify with any live partner key of insurer '"
            + insurerId
            + "': sign webhook-id + '.' + webhook-timestamp + '.' + the body exactly as sent (empty"
            + " for a GET) with HMAC-SHA256, keyed with the base64-decoded part of the key after"
            + " 'whsec_', and send 'v1,' + the base64 signature.");
  }

  private Instant timestamp(String header) {
    if (!SECONDS.matcher(header).matches()) {
      throw new Refused(
          "webhook-timestamp must be the time of signing in whole seconds since"
              + " 1970-01-01T00:00:00Z, not '"
              + abbreviated(header)
              + "'.");
    }
    Instant timestamp = Instant.ofEpochSecond(Long.parseLong(header));
    Instant now = clock.instant();
    Duration off = Duration.between(timestamp, now).abs();
    if (off.compareTo(tolerance) > 0) {
      throw new Refused(
          "webhook-timestamp "
              + header
              + " ("
              + timestamp
              + ") is "
              + off.toSeconds()
              + " seconds "
              + (timestamp.isBefore(now) ? "before" : "after")
              + " DocPort's clock ("
              + now.getEpochSecond()
              + "); it must be within "
              + tolerance.toSeconds()
              + " seconds. Sign each request (and each retry) when it is sent, with a clock kept"
              + " in time.");
    }
    return timestamp;
  }

  private static String abbreviated(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
