package org.docport.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookKeysTest {

  // The Standard Webhooks specification's published example: any receiver library that verifies
  // it verifies DocPort's webhooks.
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330;
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

  @Test
  void signsAsTheStandardWebhooksExample() {
    assertThat(WebhookKeys.signature(ID, TIMESTAMP, BODY, List.of(SECRET)))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void duringARotationEitherKeyVerifies() {
    String next = "whsec_" + Base64.getEncoder().encodeToString(new byte[48]);
    String header = WebhookKeys.signature(ID, TIMESTAMP, BODY, List.of(next, SECRET));

    assertThat(header.split(" ")).hasSize(2);
    assertThat(WebhookKeys.verifies(header, ID, TIMESTAMP, BODY, next)).isTrue();
    assertThat(WebhookKeys.verifies(header, ID, TIMESTAMP, BODY, SECRET)).isTrue();
  }

  @Test
  void anAlteredMessageDoesNotVerify() {
    String header = WebhookKeys.signature(ID, TIMESTAMP, BODY, List.of(SECRET));
    byte[] altered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

    assertThat(WebhookKeys.verifies(header, ID, TIMESTAMP, altered, SECRET)).isFalse();
    assertThat(WebhookKeys.verifies(header, ID, TIMESTAMP + 1, BODY, SECRET)).isFalse();
    assertThat(WebhookKeys.verifies(header, "msg_other", TIMESTAMP, BODY, SECRET)).isFalse();
  }

  @Test
  void onlyWhsecKeysOf24To64BytesAreKeys() {
    assertThat(WebhookKeys.key(SECRET)).hasSize(24);
    assertThat(WebhookKeys.key("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isNull();
    assertThat(WebhookKeys.key("whsec_not base64!")).isNull();
    assertThat(WebhookKeys.key("whsec_" + Base64.getEncoder().encodeToString(new byte[16])))
        .isNull();
    assertThat(WebhookKeys.key("whsec_" + Base64.getEncoder().encodeToString(new byte[65])))
        .isNull();
    assertThat(WebhookKeys.key(null)).isNull();
  }
}
