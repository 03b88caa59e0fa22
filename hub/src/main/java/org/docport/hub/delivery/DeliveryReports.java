package org.docport.hub.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.docport.connectors.delivery.DeliveryDispatcher;
import org.docport.connectors.delivery.DeliveryState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What operators see of delivery: per insurer backlog and lag, receipts, dead letters. */
@Component
class DeliveryReports {

  /**
   * An insurer's delivery health at a glance.
   *
   * @param circuit whether the insurer answers, as this hub's delivery lane sees it: {@code OPEN}
   *     while it does not (changes wait and the insurer is probed), {@code HALF_OPEN} while a probe
   *     asks; null when this hub runs no lane for it (not live)
   * @param kind the insurer's connector kind ({@code fhir-rest}, {@code webhook}, ...)
   * @param unmappedCodes doctors' codes the insurer's code maps cover and do not translate (see
   *     {@code /unmapped-codes})
   */
  record InsurerStatus(
      String insurerId,
      String kind,
      boolean paused,
      DeliveryDispatcher.Circuit circuit,
      long backlog,
      long retrying,
      long deadLetters,
      long unmappedCodes,
      OffsetDateTime lastSuccessAt,
      Double oldestPendingSeconds,
      String lastError) {}

  /** What version of a doctor an insurer holds, and where the pair stands. */
  record Receipt(
      UUID doctorId,
      long wantedVersion,
      Long deliveredVersion,
      OffsetDateTime deliveredAt,
      DeliveryState state,
      int attempts,
      String lastError) {}

  /** A delivery an insurer refused. */
  record DeadLetter(
      long id,
      String insurerId,
      UUID doctorId,
      long doctorVersion,
      Integer httpStatus,
      String reason,
      String operationOutcome,
      OffsetDateTime createdAt,
      OffsetDateTime replayedAt) {}

  private final JdbcTemplate jdbc;
  private final DeliveryDispatcher dispatcher;

  DeliveryReports(JdbcTemplate jdbc, DeliveryDispatcher dispatcher) {
    this.jdbc = jdbc;
    this.dispatcher = dispatcher;
  }

  /** Every insurer's status, by id; reads only what it needs of the insurers (no secrets). */
  List<InsurerStatus> statuses() {
    return jdbc
        .query(
            "select id, connector_kind, paused from insurer order by id",
            (rs, n) ->
                new InsurerRow(
                    rs.getString("id"), rs.getString("connector_kind"), rs.getBoolean("paused")))
        .stream()
        .map(insurer -> status(insurer.id(), insurer.kind(), insurer.paused()))
        .toList();
  }

  private record InsurerRow(String id, String kind, boolean paused) {}

  InsurerStatus status(String insurerId, String kind, boolean paused) {
    return jdbc.queryForObject(
        """
        select count(*) filter (where state = 'PENDING') as backlog,
               count(*) filter (where state = 'PENDING' and attempts > 0) as retrying,
               max(delivered_at) as last_success,
               extract(epoch from now() - min(enqueued_at) filter (where state = 'PENDING'))::float8 as oldest,
               (select count(*) from dead_letter dl
                where dl.insurer_id = ? and dl.replayed_at is null) as dead,
               (select count(*) from unmapped_code u where u.insurer_id = ?) as unmapped,
               (select last_error from delivery e where e.insurer_id = ? and e.last_error is not null
                  and e.state in ('PENDING', 'DEAD') order by e.next_attempt_at desc limit 1) as last_error
        from delivery where insurer_id = ?
        """,
        (rs, n) ->
            new InsurerStatus(
                insurerId,
                kind,
                paused,
                dispatcher.circuit(insurerId).orElse(null),
                rs.getLong("backlog"),
                rs.getLong("retrying"),
                rs.getLong("dead"),
                rs.getLong("unmapped"),
                rs.getObject("last_success", OffsetDateTime.class),
                (Double) rs.getObject("oldest", Double.class),
                rs.getString("last_error")),
        insurerId,
        insurerId,
        insurerId,
        insurerId);
  }

  private static final String RECEIPTS =
      """
      select doctor_id, wanted_version, delivered_version, delivered_at, state, attempts,
             last_error
      from delivery where insurer_id = ?
      """;

  List<Receipt> receipts(String insurerId, int limit) {
    return jdbc.query(
        RECEIPTS + " order by doctor_id limit ?", DeliveryReports::receipt, insurerId, limit);
  }

  /** One pair's receipt, looked up by its key rather than by scanning the insurer's receipts. */
  Optional<Receipt> receipt(String insurerId, UUID doctorId) {
    return jdbc
        .query(RECEIPTS + " and doctor_id = ?", DeliveryReports::receipt, insurerId, doctorId)
        .stream()
        .findFirst();
  }

  private static Receipt receipt(ResultSet rs, int row) throws SQLException {
    return new Receipt(
        rs.getObject(1, UUID.class),
        rs.getLong(2),
        (Long) rs.getObject(3, Long.class),
        rs.getObject(4, OffsetDateTime.class),
        DeliveryState.valueOf(rs.getString(5)),
        rs.getInt(6),
        rs.getString(7));
  }

  List<DeadLetter> deadLetters(String insurerId, boolean includeReplayed) {
    return jdbc.query(
        "select * from dead_letter where insurer_id = ?"
            + (includeReplayed ? "" : " and replayed_at is null")
            + " order by id",
        (rs, n) ->
            new DeadLetter(
                rs.getLong("id"),
                rs.getString("insurer_id"),
                rs.getObject("doctor_id", UUID.class),
                rs.getLong("doctor_version"),
                (Integer) rs.getObject("http_status", Integer.class),
                rs.getString("reason"),
                rs.getString("operation_outcome"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("replayed_at", OffsetDateTime.class)),
        insurerId);
  }
}
