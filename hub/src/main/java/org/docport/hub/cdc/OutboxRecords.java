package org.docport.hub.cdc;

import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.docport.hub.sync.CapturedEvent;

/** Reads registry events out of Debezium change records; everything else is ignored. */
final class OutboxRecords {

  private static final String OUTBOX_TOPIC =
      DebeziumProperties.TOPIC_PREFIX + "." + DebeziumProperties.OUTBOX_TABLE;

  private OutboxRecords() {}

  static Optional<CapturedEvent> parse(SourceRecord record) {
    if (!OUTBOX_TOPIC.equals(record.topic()) || !(record.value() instanceof Struct value)) {
      return Optional.empty(); // heartbeats, tombstones
    }
    String op = value.getString("op");
    Struct after = value.getStruct("after");
    if (after == null || !("c".equals(op) || "r".equals(op))) {
      return Optional.empty(); // the outbox is append-only; updates and deletes carry no change
    }
    Struct source = value.getStruct("source");
    return Optional.of(
        new CapturedEvent(
            after.getInt64("id"),
            UUID.fromString(after.getString("doctor_id")),
            after.getInt64("doctor_version"),
            after.getString("insurer_id"),
            source.getInt64("ts_ms")));
  }
}
