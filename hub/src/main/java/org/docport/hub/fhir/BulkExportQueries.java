package org.docport.hub.fhir;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * What a bulk export holds: the insurer's directory view as of the job's transaction time, each
 * resource in the version it had then, with the live visibility rule ({@link
 * DirectoryQueries#visible}) applied as every read applies it, so a doctor whose consent ended is
 * not exported. Rows are streamed ({@link #FETCH_SIZE} at a time, inside the caller's transaction),
 * so a file of 100,000 doctors never sits in memory.
 *
 * <p>{@code _typeFilter} criteria are the search's own SQL ({@link DirectoryQueries#criteria});
 * they match the resources' current index values, which differ from the exported version only for a
 * resource changed since the transaction time.
 */
@Component
class BulkExportQueries {

  static final int FETCH_SIZE = 500;

  private static final String COLUMNS =
      "h.type, h.id, h.version, h.last_updated, h.deleted, h.content, h.doctor_id";

  /** Each resource of the insurer's view ({@code r}) in its version as of a time ({@code h}). */
  private static final String AS_OF =
      """
       from directory_resource r cross join lateral (
         select * from directory_history h
         where h.insurer_id = r.insurer_id and h.type = r.type and h.id = r.id
           and h.last_updated <= ?
         order by h.version desc limit 1) h
       where r.insurer_id = ?""";

  private final JdbcTemplate streaming;
  private final DirectoryQueries directory;

  BulkExportQueries(DataSource dataSource, DirectoryQueries directory) {
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(FETCH_SIZE);
    this.directory = directory;
  }

  /** How many resources of the type the export holds. */
  long count(BulkExports.Job job, String type) {
    Statement statement = output(job, type, "select count(*)");
    Long count = streaming.queryForObject(statement.sql, Long.class, statement.args.toArray());
    return count == null ? 0 : count;
  }

  /** The resources of the type the export holds, by id. */
  void forEach(BulkExports.Job job, String type, Consumer<DirectoryQueries.Stored> each) {
    Statement statement = output(job, type, "select " + COLUMNS);
    statement.sql += " order by r.id";
    stream(statement, each);
  }

  /** How many resources the insurer lost since the job's {@code _since}. */
  long countDeleted(BulkExports.Job job) {
    Statement statement = deleted(job, "select count(*)");
    Long count = streaming.queryForObject(statement.sql, Long.class, statement.args.toArray());
    return count == null ? 0 : count;
  }

  /** The resources the insurer lost since the job's {@code _since}, by type and id. */
  void forEachDeleted(BulkExports.Job job, Consumer<DirectoryQueries.Stored> each) {
    Statement statement = deleted(job, "select " + COLUMNS);
    statement.sql += " order by r.type, r.id";
    stream(statement, each);
  }

  private void stream(Statement statement, Consumer<DirectoryQueries.Stored> each) {
    streaming.query(
        statement.sql,
        (RowCallbackHandler) rs -> each.accept(DirectoryQueries.stored(rs, 0)),
        statement.args.toArray());
  }

  private Statement output(BulkExports.Job job, String type, String select) {
    Statement statement = asOf(job, select);
    statement.and("r.type = ?", type);
    statement.and("not h.deleted and " + directory.visible("r"));
    if (job.asked().since() != null) {
      statement.and("h.last_updated > ?", Timestamp.from(job.asked().since()));
    }
    List<DirectorySearch> filters = job.asked().filters().getOrDefault(type, List.of());
    if (!filters.isEmpty()) {
      List<String> any = new ArrayList<>();
      for (DirectorySearch filter : filters) {
        DirectoryQueries.Condition condition = directory.criteria("r", filter);
        any.add(condition.sql());
        statement.args.addAll(condition.args());
      }
      statement.sql += " and (" + String.join(" or ", any) + ")";
    }
    return statement;
  }

  /**
   * Lost since {@code _since}: deleted in the view since then (consent revoked, doctor
   * deactivated), or still there but hidden by the live rule (revoked before the view caught up,
   * which may also be before {@code _since}: deleting what is already gone is harmless).
   */
  private Statement deleted(BulkExports.Job job, String select) {
    Statement statement = asOf(job, select);
    statement.and("r.type = any(?)", (Object) job.asked().types().toArray(String[]::new));
    statement.and(
        "((h.deleted and h.last_updated > ?) or (not h.deleted and not "
            + directory.visible("r")
            + "))",
        Timestamp.from(job.asked().since()));
    return statement;
  }

  private static Statement asOf(BulkExports.Job job, String select) {
    Statement statement = new Statement(select + " " + AS_OF);
    statement.args.add(Timestamp.from(job.transactionTime()));
    statement.args.add(job.insurerId());
    return statement;
  }

  /** A statement built up with its arguments in order. */
  private static final class Statement {
    private String sql;
    private final List<Object> args = new ArrayList<>();

    Statement(String sql) {
      this.sql = sql;
    }

    void and(String condition, Object... more) {
      sql += " and " + condition;
      args.addAll(List.of(more));
    }
  }
}
