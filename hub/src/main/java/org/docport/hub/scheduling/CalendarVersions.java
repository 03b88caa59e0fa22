package org.docport.hub.scheduling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.hub.registry.RegistryEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The versions of doctors' calendars: the only writer of {@code doctor_calendar}. Every transaction
 * that changes a doctor's slots or appointments takes the calendar's next version ({@link #next})
 * for the rows it writes, and records the change once ({@link #changed}): the new version, and a
 * registry event that change capture turns into a delivery to every insurer that sees the doctor.
 *
 * <p>{@link #next} locks the doctor's calendar row until the commit, so two transactions changing
 * one calendar take their versions one after the other and commit in that order: whoever reads the
 * calendar up to version n has seen every change at or below n, for good. Within one transaction
 * the version is taken once per doctor; a transaction that ends up changing nothing leaves the
 * version as it was.
 */
@Component
public class CalendarVersions {

  private static final Object PENDING = new Object();

  private final JdbcTemplate jdbc;
  private final RegistryEvents events;

  CalendarVersions(JdbcTemplate jdbc, RegistryEvents events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  private static final class Pending {
    private final long version;
    private boolean recorded;

    Pending(long version) {
      this.version = version;
    }
  }

  /**
   * The version this transaction's changes of the doctor's calendar get, locking the calendar
   * against other changes until the commit. Must run in a transaction.
   */
  long next(UUID doctorId) {
    return pending().computeIfAbsent(doctorId, this::lock).version;
  }

  /**
   * Records that this transaction changed the doctor's calendar at {@link #next}: the first call
   * per doctor moves the version on and writes the registry event; later ones do nothing.
   *
   * @param insurerId the insurer whose request changed it, if one did
   * @param actor who changed it, for the audit trail
   */
  void changed(UUID doctorId, String insurerId, String actor) {
    Pending pending = pending().computeIfAbsent(doctorId, this::lock);
    if (pending.recorded) {
      return;
    }
    jdbc.update(
        "update doctor_calendar set version = ? where doctor_id = ?", pending.version, doctorId);
    events.record(
        doctorId, pending.version, RegistryEvents.Kind.CALENDAR_CHANGED, insurerId, actor);
    pending.recorded = true;
  }

  /** The doctor's calendar version now (0 before its first change). */
  public long current(UUID doctorId) {
    return jdbc
        .queryForList(
            "select version from doctor_calendar where doctor_id = ?", Long.class, doctorId)
        .stream()
        .findFirst()
        .orElse(0L);
  }

  private Pending lock(UUID doctorId) {
    String locking = "select version from doctor_calendar where doctor_id = ? for no key update";
    List<Long> current = jdbc.queryForList(locking, Long.class, doctorId);
    if (current.isEmpty()) {
      jdbc.update(
          "insert into doctor_calendar (doctor_id) values (?) on conflict do nothing", doctorId);
      current = jdbc.queryForList(locking, Long.class, doctorId);
    }
    return new Pending(current.get(0) + 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<UUID, Pending> pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("a calendar changes only inside a transaction");
    }
    Map<UUID, Pending> pending =
        (Map<UUID, Pending>) TransactionSynchronizationManager.getResource(PENDING);
    if (pending == null) {
      Map<UUID, Pending> fresh = new HashMap<>();
      TransactionSynchronizationManager.bindResource(PENDING, fresh);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
            }
          });
      pending = fresh;
    }
    return pending;
  }
}
