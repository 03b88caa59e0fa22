package org.docport.mappings.document;

import java.util.UUID;

/**
 * {@code docport.doctor.withdrawn/v1}: the insurer must stop listing the doctor (deactivated in the
 * registry, or no longer published to this insurer). Example:
 *
 * <pre>{"schema": "docport.doctor.withdrawn/v1", "doctorId": "8d3c…", "version": 8}</pre>
 *
 * @param version the registry version at withdrawal, if known
 */
public record DoctorWithdrawal(String schema, UUID doctorId, Long version)
    implements DoctorMessage {

  public static final String SCHEMA = "docport.doctor.withdrawn/v1";

  public DoctorWithdrawal {
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("schema must be " + SCHEMA + ", not " + schema);
    }
    if (doctorId == null) {
      throw new IllegalArgumentException("doctor id is required");
    }
  }

  /** The withdrawal of a doctor. */
  public static DoctorWithdrawal of(UUID doctorId, Long version) {
    return new DoctorWithdrawal(SCHEMA, doctorId, version);
  }
}
