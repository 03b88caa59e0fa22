package org.docport.mappings.document;

import java.util.UUID;

/**
 * What the {@code docport-json} profile sends an insurer about one doctor: the doctor as published
 * ({@link DoctorDocument}) or the news that the insurer must no longer list them ({@link
 * DoctorWithdrawal}). Plain records for the connectors to serialise (JSON for webhooks and Kafka,
 * {@link RosterRow} for SFTP rosters); the {@link #schema} field names shape and version, so a
 * consumer can tell the two apart and refuse a version it does not know.
 */
public sealed interface DoctorMessage permits DoctorDocument, DoctorWithdrawal {

  /** The schema id, {@code <name>/v<major>}: a new major version is a breaking change. */
  String schema();

  /** The doctor's registry id. */
  UUID doctorId();

  /** The registry version the message was made from; null when not known. */
  Long version();
}
