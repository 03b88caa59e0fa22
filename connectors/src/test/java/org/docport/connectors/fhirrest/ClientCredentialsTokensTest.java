package org.docport.connectors.fhirrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.RetryableDeliveryException;
import org.docport.insurersim.InsurerServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Tokens come from the insurer's token endpoint once, and again only when they must. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCredentialsTokensTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private InsurerServer insurer;

  @BeforeAll
  void startInsurer() {
    insurer = InsurerServer.start(0);
    insurer.requireClientCredentials("docport", "client-s3cret");
  }

  @AfterAll
  void stopInsurer() {
    insurer.close();
  }

  @Test
  void aTokenIsReusedUntilTheInsurerRefusesIt() {
    var tokens =
        new ClientCredentialsTokens(auth(insurer.tokenUrl(), "client-s3cret"), TIMEOUT, TIMEOUT);

    String first = tokens.token();
    String again = tokens.token();
    tokens.invalidate();
    String next = tokens.token();

    assertThat(first).isNotBlank().isEqualTo(again);
    assertThat(next).isNotBlank().isNotEqualTo(first);
  }

  @Test
  void refusedCredentialsAreRetriedWithTheEndpointsAnswer() {
    var tokens = new ClientCredentialsTokens(auth(insurer.tokenUrl(), "wrong"), TIMEOUT, TIMEOUT);

    assertThatThrownBy(tokens::token)
        .isInstanceOf(RetryableDeliveryException.class)
        .hasMessageContaining("token endpoint answered 401")
        .hasMessageContaining("invalid_client");
  }

  @Test
  void aTokenEndpointThatNeverAnswersTimesOutAsConfigured() throws Exception {
    // Connections are accepted (the backlog), but nothing ever answers.
    try (ServerSocket silent = new ServerSocket(0)) {
      var tokens =
          new ClientCredentialsTokens(
              auth("http://localhost:" + silent.getLocalPort() + "/oauth/token", "client-s3cret"),
              TIMEOUT,
              Duration.ofMillis(200));
      long started = System.nanoTime();

      assertThatThrownBy(tokens::token)
          .isInstanceOf(RetryableDeliveryException.class)
          .hasMessageContaining("token endpoint unreachable");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
    }
  }

  private static ConnectorSettings.Auth auth(String tokenUrl, String secret) {
    return new ConnectorSettings.Auth(
        "client-credentials", null, tokenUrl, "docport", secret, "system/*.write");
  }
}
