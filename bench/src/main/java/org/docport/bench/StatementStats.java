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
 * with {@code --statement-stats=on}): calls and execution time per statement, and per delivery, so
 * a run shows which of the hub's statements its database time goes to.
 */
final class StatementStats {

  private static final int SHOWN = 12;

  private StatementStats() {}

  /** Loads the extension's library at server start (it cannot be loaded later). */
  static void preload(Map<String, String> settings) {
    String preloaded = settings.getOrDefault("shared_preload_libraries", "");
    settings.put(
        "shared_preload_libraries",
        preloaded.isEmpty() ? "pg_stat_statements" : preloaded + ",pg_stat_statements");
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

  /** Adds the window's statements, most execution time first, per delivery of {@code per}. */
  static void add(Report report, TestDatabase db, String window, long per) {
    Table table =
        new Table(
            "PostgreSQL statements over " + window + " (pg_stat_statements; top " + SHOWN + ")",
            "statement (first 70 chars)",
            "calls",
            "calls per delivery",
            "exec ms",
            "exec us per delivery",
            "rows");
    ArrayNode records = report.record("statements").put("window", window).putArray("statements");
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "select regexp_replace(query, '\\s+', ' ', 'g'), calls, total_exec_time, rows"
                    + " from pg_stat_statements where query not like '%pg_stat_statements%'"
                    + " order by total_exec_time desc limit "
                    + SHOWN)) {
      while (rows.next()) {
        String query = rows.getString(1).strip();
        long calls = rows.getLong(2);
        double millis = rows.getDouble(3);
        table.add(
            query.substring(0, Math.min(70, query.length())),
            calls,
            String.format("%.2f", (double) calls / per),
            String.format("%.0f", millis),
            String.format("%.1f", millis * 1000 / per),
            rows.getLong(4));
        records
            .addObject()
            .put("query", query)
            .put("calls", calls)
            .put("exec_ms", Latencies.round(millis))
            .put("rows", rows.getLong(4));
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
