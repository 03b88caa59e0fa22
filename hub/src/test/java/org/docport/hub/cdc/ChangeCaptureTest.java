package org.docport.hub.cdc;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.docport.hub.HubTest;
import org.docport.hub.SampleDoctors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ChangeCaptureTest extends HubTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void heartbeatsMoveTheReplicationSlotOnWhileTheRegistryIsIdle() {
    String before = confirmedLsn();
    // Nothing is written to the registry here: only the heartbeat can move the slot.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !confirmedLsn().equals(before) && heartbeats() > 0);
  }

  @Test
  void captureLagIsPublishedAsAMetric() {
    operator().post("/api/doctors", SampleDoctors.profile("Metric")).expect(201);
    String latency = "/actuator/metrics/docport.cdc.capture.latency";
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> operator().get(latency).status() == 200 && count(latency) > 0);
    operator().get("/actuator/metrics/docport.cdc.idle.seconds").expect(200);
  }

  private double count(String metric) {
    for (var m : operator().get(metric).body().get("measurements")) {
      if ("COUNT".equals(m.get("statistic").asText())) {
        return m.get("value").asDouble();
      }
    }
    return 0;
  }

  private String confirmedLsn() {
    return jdbc.queryForObject(
        "select coalesce(confirmed_flush_lsn::text, '') from pg_replication_slots where slot_name = 'docport_cdc'",
        String.class);
  }

  private long heartbeats() {
    return jdbc.queryForObject("select count(*) from cdc_heartbeat", Long.class);
  }
}
