package org.docport.hub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.docport.hub.HubTest;
import org.docport.hub.SampleDoctors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SyncPlannerTest extends HubTest {

  @Autowired SyncPlanner planner;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aCapturedChangeIsNotPlannedBeforeItsTransactionIsVisible() throws Exception {
    String insurer = insurer().id();
    UUID doctor =
        UUID.fromString(
            operator()
                .post("/api/doctors", SampleDoctors.profile("Varma"))
                .expect(201)
                .body()
                .get("id")
                .asText());
    try (Connection tx = dataSource.getConnection()) {
      tx.setAutoCommit(false);
      long eventId = consentWithoutCommitting(tx, doctor, insurer);
      // As logical decoding may: the commit is handed over before other sessions can see it.
      CapturedEvent event = new CapturedEvent(eventId, doctor, 1, System.currentTimeMillis());

      assertThatThrownBy(() -> planner.plan(List.of(event), Duration.ofMillis(200)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not visible");
      assertThat(deliveries(doctor, insurer)).isZero();

      tx.commit();
      planner.plan(List.of(event), Duration.ofSeconds(10));
      assertThat(deliveries(doctor, insurer)).isOne();
    }
  }

  private static long consentWithoutCommitting(Connection tx, UUID doctor, String insurer)
      throws Exception {
    try (PreparedStatement consent =
        tx.prepareStatement(
            "insert into consent (doctor_id, insurer_id, status, activated_at)"
                + " values (?, ?, 'ACTIVE', now())")) {
      consent.setObject(1, doctor);
      consent.setString(2, insurer);
      consent.executeUpdate();
    }
    try (PreparedStatement event =
        tx.prepareStatement(
            "insert into registry_event (doctor_id, doctor_version, kind, insurer_id, actor)"
                + " values (?, 1, 'CONSENT_CHANGED', ?, 'test') returning id")) {
      event.setObject(1, doctor);
      event.setString(2, insurer);
      try (ResultSet rs = event.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private int deliveries(UUID doctor, String insurer) {
    return jdbc.queryForObject(
        "select count(*) from delivery where doctor_id = ? and insurer_id = ?",
        Integer.class,
        doctor,
        insurer);
  }
}
