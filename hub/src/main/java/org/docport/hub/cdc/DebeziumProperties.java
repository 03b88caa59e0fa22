package org.docport.hub.cdc;

import java.util.Properties;
import org.docport.hub.platform.DatabaseEndpoint;

/** The Debezium PostgreSQL connector configuration of DocPort's one capture engine. */
final class DebeziumProperties {

  static final String TOPIC_PREFIX = "docport";
  static final String OUTBOX_TABLE = "public.registry_event";
  static final String HEARTBEAT_TABLE = "public.cdc_heartbeat";

  private DebeziumProperties() {}

  static Properties of(DatabaseEndpoint db, CdcSettings settings) {
    Properties p = new Properties();
    p.setProperty("name", "docport-cdc");
    p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    p.setProperty("topic.prefix", TOPIC_PREFIX);
    p.setProperty("database.hostname", db.host());
    p.setProperty("database.port", String.valueOf(db.port()));
    p.setProperty("database.user", db.user());
    p.setProperty("database.password", db.password());
    p.setProperty("database.dbname", db.database());
    p.setProperty("plugin.name", "pgoutput");
    p.setProperty("slot.name", settings.slotName());
    p.setProperty("publication.name", settings.slotName());
    p.setProperty("publication.autocreate.mode", "filtered");
    p.setProperty("table.include.list", OUTBOX_TABLE + "," + HEARTBEAT_TABLE);
    // Sync catches up from the outbox table itself, so no initial snapshot is needed.
    p.setProperty("snapshot.mode", "no_data");
    p.setProperty("poll.interval.ms", String.valueOf(settings.pollInterval().toMillis()));
    p.setProperty("heartbeat.interval.ms", String.valueOf(settings.heartbeatInterval().toMillis()));
    p.setProperty(
        "heartbeat.action.query",
        "insert into cdc_heartbeat (id, beat_at) values (1, now())"
            + " on conflict (id) do update set beat_at = excluded.beat_at");
    p.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
    p.setProperty("offset.storage.jdbc.connection.url", db.jdbcUrl());
    p.setProperty("offset.storage.jdbc.connection.user", db.user());
    p.setProperty("offset.storage.jdbc.connection.password", db.password());
    p.setProperty("offset.storage.jdbc.table.name", "cdc_offsets_" + settings.slotName());
    p.setProperty(
        "offset.flush.interval.ms", String.valueOf(settings.offsetFlushInterval().toMillis()));
    p.setProperty("converter.schemas.enable", "false");
    p.setProperty("decimal.handling.mode", "string");
    p.setProperty("errors.max.retries", "-1");
    return p;
  }
}
