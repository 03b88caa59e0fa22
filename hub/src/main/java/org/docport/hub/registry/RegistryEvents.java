package org.docport.hub.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
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
    ONBOARDING_CHANGED,
    /**
     * What an insurer publishes about itself changed: recorded once for the insurer, with {@link
     * #INSURER_ITSELF} for the doctor and the insurer profile's version for the doctor's.
     */
    INSURER_CHANGED,
    /**
     * The doctor's calendar (slots, appointments) changed: recorded with the calendar's new version
     * for the doctor's, and the insurer whose request changed it, if one did.
     */
    CALENDAR_CHANGED
  }

  /**
   * The doctor id of an event about an insurer itself (the nil UUID, which no doctor has): such an
   * event belongs to no doctor's audit trail.
   */
  public static final UUID INSURER_ITSELF = new UUID(0, 0);

  /**
   * One line of a doctor's audit trail: what changed, to which version, for which insurer (a
   * consent change), by whom and when.
   */
  public record Entry(
      long id, Instant at, Kind kind, long doctorVersion, String insurerId, String actor) {}

  /**
   * A change was recorded: published inside its transaction, for what must follow it in the same
   * transaction.
   */
  public record Recorded(UUID doctorId, Kind kind, String insurerId) {}

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher publisher;

  RegistryEvents(JdbcTemplate jdbc, ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.publisher = publisher;
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
    publisher.publishEvent(new Recorded(doctorId, kind, insurerId));
  }

  /**
   * Records a change of what an insurer publishes about itself, at its profile's new version; must
   * run inside the transaction that makes it. One row for the insurer, whatever the number of its
   * doctors: the doctor id is {@link #INSURER_ITSELF}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordInsurerChange(String insurerId, long insurerVersion, String actor) {
    record(INSURER_ITSELF, insurerVersion, Kind.INSURER_CHANGED, insurerId, actor);
  }

  /**
   * A doctor's audit trail, newest first: up to {@code limit} entries older than {@code before}.
   */
  @Transactional(readOnly = true)
  public List<Entry> history(UUID doctorId, long before, int limit) {
    return jdbc.query(
        """
        select id, occurred_at, kind, doctor_version, insurer_id, actor from registry_event
        where doctor_id = ? and id < ? order by id desc limit ?
        """,
        (rs, n) ->
            new Entry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                Kind.valueOf(rs.getString("kind")),
                rs.getLong("doctor_version"),
                rs.getString("insurer_id"),
                rs.getString("actor")),
        doctorId,
        before,
        limit);
  }
}
