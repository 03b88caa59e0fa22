package org.docport.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.delivery.DeliveryStore;
import org.docport.hub.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DeliveryStoreTest extends HubTest {

  @Autowired DeliveryStore store;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aSkippedAttemptReleasesThePairAndKeepsANewerVersionPending() {
    String insurer = insurer().id();
    // Paused, so the insurer's lane cannot claim the rows while the test looks at them.
    operator().post("/api/operator/insurers/" + insurer + "/pause", Map.of()).expect(200);
    UUID skipped = UUID.randomUUID();
    UUID overtaken = UUID.randomUUID();
    insertLeased(insurer, skipped, 3);
    insertLeased(insurer, overtaken, 5);

    store.skipped(new DeliveryJob(insurer, skipped, 3, 0, Map.of()), "no consent");
    store.skipped(new DeliveryJob(insurer, overtaken, 4, 0, Map.of()), "no consent");

    assertThat(row(insurer, skipped))
        .containsEntry("state", "SKIPPED")
        .containsEntry("last_error", "no consent");
    assertThat(row(insurer, overtaken))
        .containsEntry("state", "PENDING")
        .containsEntry("last_error", null);
    assertThat(row(insurer, skipped).get("lease_until")).isNull();
    assertThat(row(insurer, overtaken).get("lease_until")).isNull();
  }

  private void insertLeased(String insurer, UUID doctor, long wanted) {
    jdbc.update(
        "insert into delivery (insurer_id, doctor_id, wanted_version, state, lease_until)"
            + " values (?, ?, ?, 'PENDING', now() + interval '1 minute')",
        insurer,
        doctor,
        wanted);
  }

  private Map<String, Object> row(String insurer, UUID doctor) {
    return jdbc.queryForMap(
        "select state, last_error, lease_until from delivery where insurer_id = ? and doctor_id = ?",
        insurer,
        doctor);
  }
}
