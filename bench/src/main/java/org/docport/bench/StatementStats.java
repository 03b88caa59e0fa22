package org.docport.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.docport.testkit.TestDatabase;

/**
 * What PostgreSQL ran over a window, statement by statement ({@code pg_stat_statements}, loaded
 * with {@code --statement-stats=on}): calls, planning and execution time and WAL written per
 * statement, and per delivery, so a run shows which of the hub's statements its database time goes
 * to (a statement PostgreSQL plans again at every call shows as planning time).
 */
final class StatementStats {

  private static final int SHOWN = 12;

  private StatementStats() {}

  /**
   * The settings that turn the account on ({@link StatementProfile#SETTINGS}: the library, planning
   * time included), counting the statements of functions too.
   */
  static void preload(Map<String, String> settings) {
    StatementProfile.SETTINGS.forEach(
        (name, value) -> {
          if (name.equals("shared_preload_libraries")) {
            BenchStack.preload(settings, value);
          } else {
            settings.put(name, value);
          }
        });
    settings.put("pg_stat_statements.track", "all");
  }

  /** Creates the extension's view, and starts a window. */
  static void install(TestDatabase db) {
    run(db, "create extension if not exists pg_stat_statements");
    reset(db);
  }

  /** Starts a window: forgets what ran before. */
  static void reset(TestDatabase db) {
    run(db, "select pg_stat_statements_reset()");
  }

  /**
   * Adds the window's statements, most planning and execution time first, per delivery of {@code
   * per}.
   */
  static void add(Report report, TestDatabase db, String window, long per) {
    Table table =
        new Table(
            "PostgreSQL statements over " + window + " (pg_stat_statements; top " + SHOWN + ")",
            "statement (first 70 chars)",
            "calls",
            "calls per delivery",
            "plan us per delivery",
            "exec us per delivery",
            "WAL bytes per delivery",
            "rows");
    ArrayNode records = report.record("statements").put("window", window).putArray("statements");
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "select regexp_replace(query, '\\s+', ' ', 'g'), calls, total_plan_time,"
                    + " total_exec_time, wal_bytes, rows from pg_stat_statements"
                    + " where query not like '%pg_stat_statements%'"
                    + " order by total_plan_time + total_exec_time desc limit "
                    + SHOWN)) {
      while (rows.next()) {
        String query = rows.getString(1).strip();
        long calls = rows.getLong(2);
        double planMillis = rows.getDouble(3);
        double execMillis = rows.getDouble(4);
        long walBytes = rows.getLong(5);
        table.add(
            query.substring(0, Math.min(70, query.length())),
            calls,
            String.format("%.2f", (double) calls / per),
            String.format("%.1f", planMillis * 1000 / per),
            String.format("%.1f", execMillis * 1000 / per),
            String.format("%.0f", (double) walBytes / per),
            rows.getLong(6));
        records
            .addObject()
            .put("query", query)
            .put("calls", calls)
            .put("plan_ms", Latencies.round(planMillis))
            .put("exec_ms", Latencies.round(execMillis))
            .put("wal_bytes", walBytes)
            .put("rows", rows.getLong(6));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    report.table(table);
  }

  private static void run(TestDatabase db, String sql) {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
