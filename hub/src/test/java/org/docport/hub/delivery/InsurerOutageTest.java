package org.docport.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.delivery.DeliveryDispatcher;
import org.docport.connectors.delivery.DeliveryDispatcher.Circuit;
import org.docport.hub.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An insurer that comes back after an outage is caught up at once, not as each waiting change's own
 * backoff runs out: its circuit opens while it does not answer, probes find it back, and the whole
 * backlog is released.
 */
class InsurerOutageTest extends HubTest {

  private static final int DOCTORS = 20;

  @Autowired DeliveryDispatcher dispatcher;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theBacklogOfATenMinuteOutageIsDeliveredAsSoonAsTheInsurerAnswers() {
    Insurer insurer = insurer();
    insurer.server().failAlways(503);
    List<String> doctors = new ArrayList<>();
    for (int i = 0; i < DOCTORS; i++) {
      String doctor = createDoctor("Outage" + i);
      consent(doctor, insurer, "ACTIVE");
      doctors.add(doctor);
    }

    await().until(() -> circuit(insurer).equals(Circuit.OPEN.name()));
    await().until(() -> waiting(insurer) == DOCTORS);
    int writesWhileOpen = insurer.server().writeCount();
    // Ten minutes down leaves every waiting change at the longest backoff (5 minutes) with many
    // failed attempts behind it: what it would wait out without the circuit.
    jdbc.update(
        """
        update delivery set attempts = 9, next_attempt_at = now() + interval '5 minutes'
        where insurer_id = ? and state = 'PENDING'
        """,
        insurer.id());
    assertThat(insurer.server().writeCount())
        .as("nothing is tried while the circuit is open")
        .isEqualTo(writesWhileOpen);

    insurer.server().healthy();

    await().atMost(Duration.ofSeconds(30)).until(() -> delivered(insurer) == DOCTORS);
    assertThat(circuit(insurer)).isEqualTo(Circuit.CLOSED.name());
    for (String doctor : doctors) {
      assertThat(familyAt(insurer, doctor)).isPresent();
    }
  }

  @Test
  void aRefusedDoctorDoesNotMakeAnInsurerLookDown() {
    Insurer insurer = insurer();
    insurer.server().failWith(422, 6);
    for (int i = 0; i < 6; i++) {
      consent(createDoctor("Refused" + i), insurer, "ACTIVE");
    }

    await().until(() -> status(insurer).get("deadLetters").asLong() == 6);
    assertThat(circuit(insurer)).isEqualTo(Circuit.CLOSED.name());
  }

  private JsonNode status(Insurer insurer) {
    JsonNode all = operator().get("/api/operator/delivery").expect(200).body();
    return StreamSupport.stream(all.spliterator(), false)
        .filter(s -> s.get("insurerId").asText().equals(insurer.id()))
        .findFirst()
        .orElseThrow();
  }

  private String circuit(Insurer insurer) {
    return status(insurer).path("circuit").asText();
  }

  private int waiting(Insurer insurer) {
    return doctorPairs(insurer, "state = 'PENDING' and attempts > 0");
  }

  private int delivered(Insurer insurer) {
    return doctorPairs(insurer, "state = 'DELIVERED'");
  }

  /** The insurer's pairs of doctors (not its own resources' pair) in a state. */
  private int doctorPairs(Insurer insurer, String where) {
    return jdbc.queryForObject(
        "select count(*) from delivery where insurer_id = ? and doctor_id <> ? and " + where,
        Integer.class,
        insurer.id(),
        DeliveryJob.INSURERS_OWN);
  }
}
