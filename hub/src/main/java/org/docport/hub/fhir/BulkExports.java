package org.docport.hub.fhir;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bulk exports insurers' clients kicked off, and the files of their manifests. The only writer
 * of {@code bulk_export} and {@code bulk_export_file}.
 */
@Component
class BulkExports {

  /** Where a job is: its manifest is computed once, by the first poll that gets to it. */
  enum Status {
    IN_PROGRESS("in-progress"),
    COMPLETE("complete");

    final String code;

    Status(String code) {
      this.code = code;
    }

    static Status of(String code) {
      return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst().orElseThrow();
    }
  }

  /** An export as kicked off; {@code since} may be null. */
  record Job(
      UUID id,
      String insurerId,
      String clientId,
      String request,
      BulkExportRequest asked,
      Instant transactionTime,
      Status status,
      Instant expiresAt) {

    boolean expired() {
      return expiresAt.isBefore(Instant.now());
    }
  }

  /** One file of a manifest: the resources of one type, or ({@code deleted}) the deletions. */
  record File(String type, boolean deleted, long resources) {}

  /** How long expired jobs still answer "expired" rather than "unknown". */
  private static final Duration REMEMBER_EXPIRED = Duration.ofDays(1);

  private final JdbcTemplate jdbc;

  BulkExports(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a new job, as of now; also forgets jobs expired long ago. */
  Job create(Caller caller, String request, BulkExportRequest asked, Duration expiry) {
    jdbc.update(
        "delete from bulk_export where expires_at < ?",
        Timestamp.from(Instant.now().minus(REMEMBER_EXPIRED)));
    return jdbc.queryForObject(
        """
        insert into bulk_export (id, insurer_id, client_id, request, types, since, type_filters,
                                 transaction_time, status, expires_at)
        values (?, ?, ?, ?, ?, ?, ?, clock_timestamp(), ?, clock_timestamp() + ?::interval)
        returning *
        """,
        BulkExports::job,
        UUID.randomUUID(),
        caller.insurerId(),
        caller.clientId(),
        request,
        String.join(",", asked.types()),
        asked.since() == null ? null : Timestamp.from(asked.since()),
        asked.typeFilters().isEmpty() ? null : String.join("\n", asked.typeFilters()),
        Status.IN_PROGRESS.code,
        expiry.toMillis() + " milliseconds");
  }

  Optional<Job> find(UUID id) {
    return jdbc.query("select * from bulk_export where id = ?", BulkExports::job, id).stream()
        .findFirst();
  }

  /**
   * The job, locked until the transaction ends, if it is still in progress and no other request
   * holds it; call inside a transaction.
   */
  Optional<Job> lockInProgress(UUID id) {
    return jdbc
        .query(
            "select * from bulk_export where id = ? and status = ? for update skip locked",
            BulkExports::job,
            id,
            Status.IN_PROGRESS.code)
        .stream()
        .findFirst();
  }

  /** Marks the job complete with the files of its manifest. */
  void complete(UUID id, List<File> files) {
    jdbc.batchUpdate(
        "insert into bulk_export_file (job_id, type, deleted, resources) values (?, ?, ?, ?)",
        files.stream().map(f -> new Object[] {id, f.type(), f.deleted(), f.resources()}).toList());
    jdbc.update("update bulk_export set status = ? where id = ?", Status.COMPLETE.code, id);
  }

  /** The files of a complete job's manifest, outputs by type then the deletions. */
  List<File> files(UUID id) {
    return jdbc.query(
        "select type, deleted, resources from bulk_export_file where job_id = ?"
            + " order by deleted, type",
        (rs, row) -> new File(rs.getString(1), rs.getBoolean(2), rs.getLong(3)),
        id);
  }

  /** Forgets the job and its files (cancelled or deleted by its client). */
  void forget(UUID id) {
    jdbc.update("delete from bulk_export where id = ?", id);
  }

  private static Job job(ResultSet rs, int row) throws SQLException {
    Timestamp since = rs.getTimestamp("since");
    String filters = rs.getString("type_filters");
    return new Job(
        rs.getObject("id", UUID.class),
        rs.getString("insurer_id"),
        rs.getString("client_id"),
        rs.getString("request"),
        new BulkExportRequest(
            List.of(rs.getString("types").split(",")),
            since == null ? null : since.toInstant(),
            filters == null ? List.of() : List.of(filters.split("\n"))),
        rs.getTimestamp("transaction_time").toInstant(),
        Status.of(rs.getString("status")),
        rs.getTimestamp("expires_at").toInstant());
  }
}
