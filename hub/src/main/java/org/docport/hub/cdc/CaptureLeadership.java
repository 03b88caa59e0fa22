package org.docport.hub.cdc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.docport.hub.platform.DatabaseEndpoint;

/**
 * One active capture engine per database across hub replicas: whoever holds a PostgreSQL
 * session-level advisory lock runs the engine. The lock lives as long as this connection, so a
 * replica that dies (even by SIGKILL) releases it when PostgreSQL notices the closed socket.
 */
final class CaptureLeadership implements AutoCloseable {

  /** A fixed key: {@code hashtext('docport-cdc')} would do too, but a literal is easier to find. */
  static final long LOCK_KEY = 0x646f63706f7274L; // "docport"

  private final DatabaseEndpoint db;
  private final long key;
  private Connection connection;

  CaptureLeadership(DatabaseEndpoint db) {
    this(db, LOCK_KEY);
  }

  CaptureLeadership(DatabaseEndpoint db, long key) {
    this.db = db;
    this.key = key;
  }

  /** Tries to become (or stay) the leader; false while another replica holds the lock. */
  synchronized boolean tryLead() {
    try {
      if (connection != null && connection.isValid(2)) {
        return true;
      }
      release();
      connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
      try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
        statement.setLong(1, key);
        var rs = statement.executeQuery();
        if (rs.next() && rs.getBoolean(1)) {
          return true;
        }
      }
      release();
      return false;
    } catch (SQLException e) {
      release();
      return false;
    }
  }

  synchronized void release() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing the session releases the lock either way
      }
      connection = null;
    }
  }

  @Override
  public void close() {
    release();
  }
}
