package org.docport.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.docport.testkit.TestDatabase;

/**
 * The hub's delivery receipts, read straight from PostgreSQL: a cheap way to know when delivery has
 * caught up. The insurer simulators stay the judge of what actually arrived.
 */
final class DeliveryTable implements AutoCloseable {

  private final Connection connection;

  DeliveryTable(TestDatabase db) {
    try {
      this.connection = db.connect();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pairs whose receipt is at least the expected version of their doctor. */
  long countDelivered(Map<UUID, Long> expected) {
    long count = 0;
    try (PreparedStatement s =
            connection.prepareStatement(
                "select doctor_id, delivered_version from delivery where delivered_version is not null");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        Long wanted = expected.get(rs.getObject(1, UUID.class));
        if (wanted != null && rs.getLong(2) >= wanted) {
          count++;
        }
      }
      return count;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long countDelivered(String insurerId) {
    return single(
        "select count(*) from delivery where insurer_id = ? and state = 'DELIVERED'", insurerId);
  }

  long countConsents(String insurerId, String status) {
    return single(
        "select count(*) from consent where insurer_id = ? and status = '" + status + "'",
        insurerId);
  }

  /** Doctor id to when (epoch micros) the doctor's consent to the insurer became ACTIVE. */
  Map<UUID, Long> activations(String insurerId) {
    Map<UUID, Long> at = new java.util.HashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "select doctor_id, (extract(epoch from activated_at) * 1000000)::bigint from consent"
                + " where insurer_id = ? and status = 'ACTIVE'")) {
      s.setString(1, insurerId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          at.put(rs.getObject(1, UUID.class), rs.getLong(2));
        }
      }
      return at;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * (Insurer, doctor) pairs of these doctors whose insurer holds the doctor's calendar as it is
   * now: its receipt is at the calendar's current version, and the doctor is not queued for its
   * slots to be generated again. A doctor whose availability was just changed is queued in the
   * change's transaction, so once it is not, its slots were generated at a version this sees.
   */
  long countCalendarsDelivered(UUID[] doctors) {
    try (PreparedStatement s =
        connection.prepareStatement(
            """
            select count(*) from delivery d join doctor_calendar c on c.doctor_id = d.doctor_id
            where d.doctor_id = any(?) and d.calendar_delivered >= c.version
              and not exists (select 1 from calendar_pending p where p.doctor_id = d.doctor_id)
            """)) {
      s.setArray(1, connection.createArrayOf("uuid", doctors));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long countPending() {
    return single("select count(*) from delivery where state = 'PENDING'");
  }

  /**
   * Waits until the hub's directory projection (the FHIR API's view of each insurer) has nothing
   * queued, so that a measurement that follows does not share the machine with its backlog.
   */
  void awaitProjected(Duration timeout) {
    await(
        () -> single("select count(*) from directory_pending") == 0 ? 1 : 0,
        1,
        timeout,
        "directory projection (1 = nothing queued)");
  }

  /** Waits until every consented pair holds its doctor's expected version. */
  void awaitDelivered(Map<UUID, Long> expected, int insurers, Duration timeout, String what) {
    long target = (long) expected.size() * insurers;
    await(() -> countDelivered(expected), target, timeout, what);
  }

  /** Polls {@code progress} every 100 ms until it reaches {@code target}. */
  void await(LongSupplier progress, long target, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long seen = 0;
    while (System.nanoTime() < deadline) {
      seen = progress.getAsLong();
      if (seen >= target) {
        return;
      }
      sleep(100);
    }
    throw new IllegalStateException(
        what
            + ": "
            + seen
            + " of "
            + target
            + " delivered after "
            + timeout.toSeconds()
            + " s; delivery states: "
            + summary());
  }

  /** Counts by insurer and state, dead letters, and a few recent errors. */
  String summary() {
    List<String> parts = new ArrayList<>();
    try (PreparedStatement s =
            connection.prepareStatement(
                "select insurer_id, state, count(*), max(last_error) from delivery"
                    + " group by insurer_id, state order by 1, 2");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        parts.add(
            rs.getString(1)
                + " "
                + rs.getString(2)
                + "="
                + rs.getLong(3)
                + (rs.getString(4) == null ? "" : " (e.g. " + rs.getString(4) + ")"));
      }
      parts.add("dead letters=" + single("select count(*) from dead_letter"));
      return String.join("; ", parts);
    } catch (SQLException e) {
      return "unavailable: " + e.getMessage();
    }
  }

  private long single(String sql, Object... parameters) {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // closing a throwaway connection to a throwaway database
    }
  }
}
