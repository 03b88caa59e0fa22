package org.docport.hub.platform;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Request ids of activity calls already carried out. A workflow makes the id once (with {@code
 * Workflow.randomUUID()}, the same on every retry); the activity skips a request it has done. A
 * crash between the effect and {@link #done} repeats the effect once: at least once, rarely twice.
 */
@Repository
public class ActivityRequests {

  private final JdbcTemplate jdbc;

  ActivityRequests(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the request was carried out; a null id (a run from before ids) never was. */
  public boolean isDone(UUID requestId) {
    return requestId != null
        && Boolean.TRUE.equals(
            jdbc.queryForObject(
                "select exists (select 1 from activity_request where id = ?)",
                Boolean.class,
                requestId));
  }

  public void done(UUID requestId, String kind) {
    if (requestId != null) {
      jdbc.update(
          "insert into activity_request (id, kind) values (?, ?) on conflict do nothing",
          requestId,
          kind);
    }
  }
}
