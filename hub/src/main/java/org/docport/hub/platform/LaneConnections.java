package org.docport.hub.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery lanes' own connections to the registry's database (pool {@code delivery-lanes}), on
 * which PostgreSQL plans each statement once and reuses the plan ({@code plan_cache_mode =
 * force_generic_plan}).
 *
 * <p>Why a pool of their own: the lanes run the same few statements (claim, receipt) thousands of
 * times a second. On the registry's connections PostgreSQL planned every call afresh, because a
 * plan for the call's own values (an array of 2 receipts, a limit of 8) always looks cheaper than
 * the generic plan, although it is the same plan: planning the claim and the receipts took 181 us
 * per delivery beside their 203 us of execution ({@code bench/run.sh kinds --statement-stats=on},
 * webhook drain). The rest of the hub keeps PostgreSQL's own choice: its searches and ranges do
 * have better plans for some values.
 *
 * <p>Only what the lanes run alone belongs here: a statement on these connections is never part of
 * a transaction on the registry's pool.
 */
public record LaneConnections(HikariDataSource pool, JdbcTemplate jdbc, TransactionTemplate tx)
    implements AutoCloseable {

  /** The pool, with one template for its statements and one for transactions on it only. */
  public LaneConnections(HikariDataSource pool) {
    this(pool, new JdbcTemplate(pool), new TransactionTemplate(new JdbcTransactionManager(pool)));
  }

  @Override
  public void close() {
    pool.close();
  }
}
