package org.docport.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.BiFunction;
import org.docport.testkit.TestDatabase;

/**
 * Writes doctors straight into the registry through JDBC, in the schema of {@code
 * V1__registry.sql}, much faster than the API creates them: per doctor a {@code doctor} row
 * (profile jsonb in the API's DoctorSnapshot shape, version 1), a {@code doctor_identifier} (a
 * valid, unique NPI), an ACTIVE {@code consent} for one insurer and a {@code registry_event}, so
 * change capture picks them up like any other change.
 */
final class BulkInsert {

  private BulkInsert() {}

  /**
   * Inserts doctors {@code from} (inclusive) to {@code to} (exclusive), {@code batch} per
   * transaction.
   *
   * @param profile the stored profile of the doctor with this id and index
   */
  static void doctors(
      TestDatabase db,
      int from,
      int to,
      int batch,
      String insurerId,
      BiFunction<UUID, Integer, ObjectNode> profile)
      throws SQLException {
    try (Connection c =
        DriverManager.getConnection(
            db.jdbcUrl() + "?reWriteBatchedInserts=true",
            TestDatabase.USER,
            TestDatabase.PASSWORD)) {
      c.setAutoCommit(false);
      try (PreparedStatement doctor =
              c.prepareStatement(
                  "insert into doctor (id, version, active, family_name, profile)"
                      + " values (?, 1, true, ?, ?::jsonb)");
          PreparedStatement identifier =
              c.prepareStatement(
                  "insert into doctor_identifier (system, value, doctor_id) values (?, ?, ?)");
          PreparedStatement consent =
              c.prepareStatement(
                  "insert into consent (doctor_id, insurer_id, status, activated_at)"
                      + " values (?, ?, 'ACTIVE', now())");
          PreparedStatement event =
              c.prepareStatement(
                  "insert into registry_event (doctor_id, doctor_version, kind, actor)"
                      + " values (?, 1, 'DOCTOR_CREATED', 'bench-bulk-insert')")) {
        for (int i = from; i < to; i++) {
          UUID id = UUID.randomUUID();
          ObjectNode stored = profile.apply(id, i);
          doctor.setObject(1, id);
          doctor.setString(2, stored.get("name").get("family").asText());
          doctor.setString(3, stored.toString());
          doctor.addBatch();
          identifier.setString(1, DoctorProfiles.NPI_SYSTEM);
          identifier.setString(2, DoctorProfiles.npi(i));
          identifier.setObject(3, id);
          identifier.addBatch();
          consent.setObject(1, id);
          consent.setString(2, insurerId);
          consent.addBatch();
          event.setObject(1, id);
          event.addBatch();
          if ((i - from + 1) % batch == 0 || i == to - 1) {
            doctor.executeBatch();
            identifier.executeBatch();
            consent.executeBatch();
            event.executeBatch();
            c.commit();
          }
        }
      }
    }
  }
}
