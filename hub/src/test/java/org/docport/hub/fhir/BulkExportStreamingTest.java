package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An export file is streamed: its first lines are written while the query still has rows waiting on
 * the server, so a file of 100,000 doctors never sits in the hub's memory.
 *
 * <p>PostgreSQL's driver reads a whole result into memory unless the query runs with a fetch size
 * inside a transaction; then it binds a portal and fetches {@link BulkExportQueries#FETCH_SIZE}
 * rows at a time. The portal is what this test looks for: when the first line reaches the writer,
 * the transaction's own session still lists the export query among its open cursors ({@code
 * pg_cursors} lists protocol-level portals too). Read whole, the query's portal is gone by then,
 * and the test fails. Nothing here depends on timing or on heap measurements.
 */
class BulkExportStreamingTest extends FhirTest {

  private static final int RESOURCES = 3 * BulkExportQueries.FETCH_SIZE + 1;

  private static final Caller.Scopes READ_ALL =
      new Caller.Scopes() {
        @Override
        public boolean mayRead(String type) {
          return true;
        }

        @Override
        public boolean maySearch(String type) {
          return true;
        }
      };

  @Autowired BulkExportFiles files;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theFirstLinesOfAFileAreWrittenWhileItsQueryStillHoldsUnreadRows() {
    Insurer insurer = insurer();
    seedOrganizations(insurer.id(), RESOURCES);
    BulkExports.Job job =
        new BulkExports.Job(
            UUID.randomUUID(),
            insurer.id(),
            "streaming-test",
            "/fhir/$export?_type=Organization",
            new BulkExportRequest(List.of("Organization"), null, List.of()),
            Instant.now(),
            BulkExports.Status.COMPLETE,
            Instant.now().plus(Duration.ofHours(1)));
    // Runs on the writing thread, inside the file's transaction: the same session as the query.
    ObservingWriter out = new ObservingWriter(this::openExportPortals);

    files.write(
        new Caller(insurer.id(), "streaming-test", READ_ALL),
        job,
        new BulkExports.File("Organization", false, RESOURCES),
        out);

    assertThat(out.lines).isEqualTo(RESOURCES);
    assertThat(out.observedAtFirstLine)
        .as("open portals of the export query when its first line was written")
        .isEqualTo(1);
    assertThat(openExportPortals()).isZero();
  }

  /** Cursors of this session running the export's query (the probe itself excluded). */
  private int openExportPortals() {
    Integer open =
        jdbc.queryForObject(
            "select count(*) from pg_cursors"
                + " where statement like '%directory_history%'"
                + " and statement not like '%pg_cursors%'",
            Integer.class);
    return open == null ? 0 : open;
  }

  /** The insurer's own Organizations (shared, no owner: always visible to it), last minute. */
  private void seedOrganizations(String insurerId, int count) {
    jdbc.update(
        """
        insert into directory_resource (insurer_id, type, id, version, last_updated, deleted,
                                        content, content_hash)
        select ?, 'Organization', 'stream-' || n, 1, now() - interval '1 minute', false,
               '{"resourceType":"Organization","name":"Streamed ' || n || '"}', md5(n::text)
        from generate_series(1, ?) n
        """,
        insurerId,
        count);
    jdbc.update(
        """
        insert into directory_history (insurer_id, type, id, version, last_updated, deleted,
                                       content)
        select insurer_id, type, id, version, last_updated, deleted, content
        from directory_resource where insurer_id = ? and id like 'stream-%'
        """,
        insurerId);
  }

  /** Counts the lines written, and observes something once, as the first line is written. */
  private static final class ObservingWriter extends Writer {
    private final IntSupplier observe;
    private Integer observedAtFirstLine;
    private int lines;

    ObservingWriter(IntSupplier observe) {
      this.observe = observe;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
      if (observedAtFirstLine == null) {
        observedAtFirstLine = observe.getAsInt();
      }
      for (int i = offset; i < offset + length; i++) {
        if (buffer[i] == '\n') {
          lines++;
        }
      }
    }

    @Override
    public void write(int c) {
      write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void write(String text) {
      write(text.toCharArray(), 0, text.length());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
