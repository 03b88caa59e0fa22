package org.docport.connectors.fhirrest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsurerErrorsTest {

  /** RFC 9110 IMF-fixdate, as servers send it: zero-padded day, GMT. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  @Test
  void retryAfterInSeconds() {
    assertThat(InsurerErrors.retryAfter(headers("Retry-After", "120")))
        .isEqualTo(Duration.ofSeconds(120));
    assertThat(InsurerErrors.retryAfter(headers("retry-after", " 0 "))).isEqualTo(Duration.ZERO);
  }

  @Test
  void retryAfterAsAnHttpDate() {
    String inNinetySeconds = HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90));

    Duration wait = InsurerErrors.retryAfter(headers("Retry-After", inNinetySeconds));

    // The date has whole seconds and a little time passes while the test runs.
    assertThat(wait).isBetween(Duration.ofSeconds(85), Duration.ofSeconds(90));
  }

  @Test
  void aRetryAfterDateInThePastMeansNow() {
    assertThat(InsurerErrors.retryAfter(headers("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void anAbsentOrUnreadableRetryAfterIsNoAnswer() {
    assertThat(InsurerErrors.retryAfter(null)).isNull();
    assertThat(InsurerErrors.retryAfter(Map.of())).isNull();
    assertThat(InsurerErrors.retryAfter(headers("Content-Type", "application/fhir+json"))).isNull();
    assertThat(InsurerErrors.retryAfter(headers("Retry-After", "soon"))).isNull();
    assertThat(InsurerErrors.retryAfter(headers("Retry-After", "-5"))).isNull();
  }

  private static Map<String, List<String>> headers(String name, String value) {
    return Map.of(name, List.of(value));
  }
}
