package org.docport.hub.delivery;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.mappings.codes.UnmappedCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The codes an insurer's code maps could not translate, per doctor, as each doctor was last mapped
 * for the insurer: what an operator adds to the code map. Never silently dropped: they were
 * published as the registry holds them.
 */
@Component
class UnmappedCodes {

  /** One code of one doctor that the insurer's code maps cover and do not translate. */
  record UnmappedCodeReport(
      UUID doctorId,
      String field,
      String system,
      String code,
      String display,
      OffsetDateTime seenAt) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  UnmappedCodes(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** Replaces what is known of the doctor for the insurer with what the last mapping found. */
  void record(String insurerId, UUID doctorId, List<UnmappedCode> codes) {
    if (codes.isEmpty()) {
      jdbc.update(
          "delete from unmapped_code where insurer_id = ? and doctor_id = ?", insurerId, doctorId);
      return;
    }
    tx.executeWithoutResult(
        status -> {
          jdbc.update(
              "delete from unmapped_code where insurer_id = ? and doctor_id = ?",
              insurerId,
              doctorId);
          insert(insurerId, codes.stream().map(c -> Map.entry(doctorId, c)).toList());
        });
  }

  /**
   * Replaces what is known of the doctors a roster listed ({@code listed}; every doctor of the
   * insurer when null) with what their mapping found: {@code found} holds those with codes left.
   */
  void recordListed(
      String insurerId, Collection<UUID> listed, Map<UUID, List<UnmappedCode>> found) {
    tx.executeWithoutResult(
        status -> {
          if (listed == null) {
            jdbc.update("delete from unmapped_code where insurer_id = ?", insurerId);
          } else {
            jdbc.update(
                "delete from unmapped_code where insurer_id = ? and doctor_id = any(?)",
                insurerId,
                listed.toArray(UUID[]::new));
          }
          insert(
              insurerId,
              found.entrySet().stream()
                  .flatMap(e -> e.getValue().stream().map(c -> Map.entry(e.getKey(), c)))
                  .toList());
        });
  }

  private void insert(String insurerId, List<Map.Entry<UUID, UnmappedCode>> codes) {
    jdbc.batchUpdate(
        """
        insert into unmapped_code (insurer_id, doctor_id, field, system, code, display)
        values (?, ?, ?, ?, ?, ?) on conflict do nothing
        """,
        codes.stream()
            .map(
                e -> {
                  UnmappedCode c = e.getValue();
                  return new Object[] {
                    insurerId, e.getKey(), c.where(), c.system(), c.code(), c.display()
                  };
                })
            .toList());
  }

  /** Forgets what is known of the insurer's doctors: their next mapping reports again. */
  void forget(String insurerId) {
    jdbc.update("delete from unmapped_code where insurer_id = ?", insurerId);
  }

  long count(String insurerId) {
    Long count =
        jdbc.queryForObject(
            "select count(*) from unmapped_code where insurer_id = ?", Long.class, insurerId);
    return count == null ? 0 : count;
  }

  List<UnmappedCodeReport> of(String insurerId) {
    return jdbc.query(
        """
        select doctor_id, field, system, code, display, seen_at from unmapped_code
        where insurer_id = ? order by system, code, doctor_id
        """,
        (rs, n) ->
            new UnmappedCodeReport(
                rs.getObject("doctor_id", UUID.class),
                rs.getString("field"),
                rs.getString("system"),
                rs.getString("code"),
                rs.getString("display"),
                rs.getObject("seen_at", OffsetDateTime.class)),
        insurerId);
  }
}
