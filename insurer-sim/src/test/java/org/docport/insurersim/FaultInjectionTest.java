package org.docport.insurersim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends InsurerServerTestSupport {

  @Test
  void writesFailWith503ForTheInjectedCountThenSucceed() {
    insurer.failWith(503, 2);

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> upsert(practitioner("f1", "Retry"), "f1"))
          .isInstanceOfSatisfying(
              BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
    }
    assertThat(insurer.writeCount()).isZero();

    assertThat(upsert(practitioner("f1", "Retry"), "f1").getCreated()).isTrue();
    assertThat(insurer.writeCount()).isEqualTo(1);
  }

  @Test
  void unavailabilityTellsClientsWhenToRetry() throws Exception {
    insurer.failWith(503, 1);
    HttpRequest put =
        HttpRequest.newBuilder(URI.create(insurer.baseUrl() + "/Practitioner/p-1"))
            .header("Content-Type", "application/fhir+json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Practitioner\"}"))
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"");
  }

  @Test
  void injectedFaultsLeaveReadsAlone() {
    String id = upsert(practitioner("f2", "Readable"), "f2").getId().getIdPart();
    insurer.failAlways(503);

    Practitioner read = client.read().resource(Practitioner.class).withId(id).execute();

    assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Readable");
  }

  @Test
  void failAlwaysLastsUntilHealthy() {
    insurer.failAlways(429);

    for (int attempt = 0; attempt < 5; attempt++) {
      assertThatThrownBy(() -> upsert(practitioner("f3", "Throttled"), "f3"))
          .isInstanceOfSatisfying(
              BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(429));
    }
    insurer.healthy();

    assertThat(upsert(practitioner("f3", "Throttled"), "f3").getCreated()).isTrue();
  }

  @Test
  void timedFaultAppliesWithinItsWindowOnly() {
    insurer.failWithFor(503, Duration.ofMinutes(5));
    assertThatThrownBy(() -> upsert(practitioner("f4", "Window"), "f4"))
        .isInstanceOf(BaseServerResponseException.class);

    insurer.failWithFor(503, Duration.ZERO);

    assertThat(upsert(practitioner("f4", "Window"), "f4").getCreated()).isTrue();
  }

  @Test
  void injected400CarriesAnOperationOutcome() {
    insurer.failWith(400, 1);

    assertThatThrownBy(() -> upsert(practitioner("f5", "Invalid"), "f5"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Injected fault");
  }

  @Test
  void latencyDelaysEveryRequest() {
    upsert(practitioner("f6", "Slow"), "f6");
    insurer.setLatency(Duration.ofMillis(300));

    long started = System.nanoTime();
    client.search().forResource(Practitioner.class).execute();

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }
}
