package org.docport.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.docport.testkit.TestDatabase;

/**
 * PostgreSQL's own account of a load, from {@code pg_stat_statements}: which statements took its
 * time, planning and execution apart, per answer of the load. Tells a search's SQL from its audit
 * and paging writes without a profiler attached to the server.
 */
final class StatementProfile {

  /** The server settings that turn the account on (loaded at start, planning time included). */
  static final Map<String, String> SETTINGS =
      Map.of(
          "shared_preload_libraries", "pg_stat_statements",
          "pg_stat_statements.track_planning", "on",
          "pg_stat_statements.max", "1000");

  private static final int SHOWN = 8;

  private final TestDatabase db;

  private StatementProfile(TestDatabase db) {
    this.db = db;
  }

  static StatementProfile on(TestDatabase db) throws SQLException {
    execute(db, "create extension if not exists pg_stat_statements");
    return new StatementProfile(db);
  }

  /** Forgets what was counted so far: the next {@link #add} covers only what runs after this. */
  void reset() throws SQLException {
    execute(db, "select pg_stat_statements_reset()");
  }

  /** The statements that took most of PostgreSQL's time since the reset, per answer of the load. */
  void add(Report report, String load, long answers) throws SQLException {
    Table table =
        new Table(
            "PostgreSQL statements during " + load + " (per answer: " + answers + " answers)",
            "statement",
            "calls/answer",
            "plan ms",
            "exec ms",
            "rows/call",
            "blocks/call",
            "ms/answer");
    ObjectNode record = report.record("pg.statements");
    record.put("load", load);
    record.put("answers", answers);
    ArrayNode statements = record.putArray("statements");
    double all = 0;
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                """
                select query, calls, mean_plan_time, mean_exec_time, rows,
                       shared_blks_hit + shared_blks_read as blocks,
                       total_plan_time + total_exec_time as total_ms
                from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                  and query not like '%pg_stat_statements%'
                order by total_ms desc
                """)) {
      int shown = 0;
      while (rows.next()) {
        double total = rows.getDouble("total_ms");
        all += total;
        if (shown++ >= SHOWN) {
          continue;
        }
        long calls = rows.getLong("calls");
        String query = rows.getString("query").replaceAll("\\s+", " ").strip();
        String brief = query.length() > 100 ? query.substring(0, 100) + "…" : query;
        table.add(
            brief,
            String.format("%.2f", (double) calls / answers),
            String.format("%.3f", rows.getDouble("mean_plan_time")),
            String.format("%.3f", rows.getDouble("mean_exec_time")),
            String.format("%.1f", (double) rows.getLong("rows") / calls),
            String.format("%.0f", (double) rows.getLong("blocks") / calls),
            String.format("%.3f", total / answers));
        ObjectNode one = statements.addObject();
        one.put("query", brief);
        one.put("calls", calls);
        one.put("mean_plan_ms", Latencies.round(rows.getDouble("mean_plan_time")));
        one.put("mean_exec_ms", Latencies.round(rows.getDouble("mean_exec_time")));
        one.put("total_ms", Latencies.round(total));
      }
    }
    table.add("all statements", "", "", "", "", "", String.format("%.3f", all / answers));
    record.put("total_ms", Latencies.round(all));
    report.table(table);
  }

  private static void execute(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
