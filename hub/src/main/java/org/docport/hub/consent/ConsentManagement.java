package org.docport.hub.consent;

import java.util.List;
import java.util.UUID;
import org.docport.hub.insurer.Insurers;
import org.docport.hub.registry.Doctors;
import org.docport.hub.registry.RegistryEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets a doctor's consent to an insurer. The durable opt-in/opt-out saga around it comes with the
 * workflows; here an operator sets the state, and the change flows like any registry change:
 * activation publishes the doctor to the insurer, revocation stops delivery at once.
 */
@Service
public class ConsentManagement {

  private final JdbcTemplate jdbc;
  private final Doctors doctors;
  private final Insurers insurers;
  private final RegistryEvents events;

  ConsentManagement(JdbcTemplate jdbc, Doctors doctors, Insurers insurers, RegistryEvents events) {
    this.jdbc = jdbc;
    this.doctors = doctors;
    this.insurers = insurers;
    this.events = events;
  }

  @Transactional
  public Consent set(UUID doctorId, String insurerId, ConsentStatus status, String actor) {
    long version = doctors.currentVersion(doctorId).orElseThrow(() -> Doctors.notFound(doctorId));
    insurers.get(insurerId);
    String stamp =
        switch (status) {
          case REQUESTED -> "requested_at";
          case ACTIVE -> "activated_at";
          case REVOKED -> "revoked_at";
        };
    jdbc.update(
        "insert into consent (doctor_id, insurer_id, status, "
            + stamp
            + ") values (?, ?, ?, now())"
            + " on conflict (doctor_id, insurer_id) do update set status = excluded.status, "
            + stamp
            + " = now(), updated_at = now()",
        doctorId,
        insurerId,
        status.name());
    if (status == ConsentStatus.REVOKED) {
      // Nothing further leaves for this insurer; a later opt-in makes the pair pending again.
      jdbc.update(
          "update delivery set state = 'SKIPPED', last_error = 'consent revoked'"
              + " where doctor_id = ? and insurer_id = ?",
          doctorId,
          insurerId);
    }
    events.record(doctorId, version, RegistryEvents.Kind.CONSENT_CHANGED, insurerId, actor);
    return find(doctorId).stream()
        .filter(c -> c.insurerId().equals(insurerId))
        .findFirst()
        .orElseThrow();
  }

  public List<Consent> find(UUID doctorId) {
    return jdbc.query(
        """
        select doctor_id, insurer_id, status, requested_at, activated_at, revoked_at
        from consent where doctor_id = ? order by insurer_id
        """,
        (rs, n) ->
            new Consent(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                ConsentStatus.valueOf(rs.getString(3)),
                rs.getObject(4, java.time.OffsetDateTime.class),
                rs.getObject(5, java.time.OffsetDateTime.class),
                rs.getObject(6, java.time.OffsetDateTime.class)),
        doctorId);
  }
}
