package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry schedule of notifications with the defaults: 5 s, doubling, at most an hour apart. */
class SubscriptionSettingsTest {

  private final SubscriptionSettings defaults =
      new SubscriptionSettings(null, null, null, null, null, null, null, null, false);

  @Test
  void retriesWaitFiveSecondsThenDoubleUpToAnHour() {
    assertThat(defaults.backoff(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.backoff(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.backoff(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(defaults.backoff(10)).isEqualTo(Duration.ofSeconds(5 * 512));
    assertThat(defaults.backoff(11)).isEqualTo(Duration.ofHours(1));
    assertThat(defaults.backoff(500)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void anEndpointIsGivenThreeDaysBeforeTheSubscriptionGoesToError() {
    assertThat(defaults.retryFor()).isEqualTo(Duration.ofHours(72));
  }
}
