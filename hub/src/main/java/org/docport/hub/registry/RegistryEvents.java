package org.docport.hub.registry;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox and audit trail: every committed registry change writes one event row in the same
 * transaction, and change capture turns those rows into deliveries.
 */
@Component
public class RegistryEvents {

  /** What changed. */
  public enum Kind {
    DOCTOR_CREATED,
    DOCTOR_UPDATED,
    CONSENT_CHANGED,
    ONBOARDING_CHANGED
  }

  private final JdbcTemplate jdbc;

  RegistryEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a change; must run inside the transaction that makes it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(UUID doctorId, long doctorVersion, Kind kind, String insurerId, String actor) {
    jdbc.update(
        """
        insert into registry_event (doctor_id, doctor_version, kind, insurer_id, actor)
        values (?, ?, ?, ?, ?)
        """,
        doctorId,
        doctorVersion,
        kind.name(),
        insurerId,
        actor);
  }
}
