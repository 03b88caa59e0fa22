package org.docport.hub.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.docport.hub.insurer.InsurerRegistration;
import org.docport.hub.insurer.Insurers;
import org.docport.hub.platform.Mailer;
import org.docport.hub.registry.Doctors;
import org.docport.mappings.snapshot.ContactPoint;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appointment reminders to the doctor by e-mail, on durable timers: the only writer of {@code
 * reminder_preference} and {@code appointment_reminder}. Every change of an appointment plans its
 * reminders again in the same transaction (a booked appointment gets one per chosen time before it
 * that is still ahead; a cancelled one none; a moved one new ones), and a sweep on every replica
 * sends those due: it locks them, mails, and marks them sent in one transaction, so a crash before
 * the commit sends them again rather than never (at least once). The e-mail names the service,
 * time, place and insurer, never the patient.
 */
@Component
class AppointmentReminders {

  /** The doctor's choice: whether to be reminded, and how long before each appointment. */
  record Preference(boolean enabled, List<Duration> before) {}

  static final Preference DEFAULT =
      new Preference(true, List.of(Duration.ofHours(24), Duration.ofHours(1)));

  private static final Logger log = LoggerFactory.getLogger(AppointmentReminders.class);
  private static final int BATCH = 50;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy 'at' HH:mm", Locale.ENGLISH);

  private final JdbcTemplate jdbc;
  private final Appointments appointments;
  private final Availabilities availabilities;
  private final Doctors doctors;
  private final Insurers insurers;
  private final Mailer mail;
  private final ObjectMapper json;
  private final TransactionTemplate tx;
  private final Clock clock = Clock.systemUTC();

  AppointmentReminders(
      JdbcTemplate jdbc,
      Appointments appointments,
      Availabilities availabilities,
      Doctors doctors,
      Insurers insurers,
      Mailer mail,
      ObjectMapper json,
      TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.appointments = appointments;
    this.availabilities = availabilities;
    this.doctors = doctors;
    this.insurers = insurers;
    this.mail = mail;
    this.json = json;
    this.tx = tx;
  }

  Preference preference(UUID doctorId) {
    return jdbc
        .query(
            "select enabled, before::text from reminder_preference where doctor_id = ?",
            (rs, n) -> new Preference(rs.getBoolean(1), read(rs.getString(2))),
            doctorId)
        .stream()
        .findFirst()
        .orElse(DEFAULT);
  }

  /** Sets the doctor's choice and plans the reminders of the doctor's coming appointments anew. */
  void setPreference(UUID doctorId, Preference preference) {
    tx.executeWithoutResult(
        s -> {
          jdbc.update(
              """
              insert into reminder_preference (doctor_id, enabled, before) values (?, ?, ?::jsonb)
              on conflict (doctor_id) do update set enabled = excluded.enabled,
                before = excluded.before, updated_at = now()
              """,
              doctorId,
              preference.enabled(),
              write(preference.before()));
          jdbc.queryForList(
                  "select id from appointment where doctor_id = ? and status = 'BOOKED'"
                      + " and lower(period) > now()",
                  String.class,
                  doctorId)
              .forEach(id -> appointments.ofDoctor(doctorId, id).ifPresent(this::plan));
        });
  }

  /** An appointment changed: its reminders follow it, in the same transaction. */
  @EventListener
  void on(AppointmentChanged changed) {
    appointments.find(changed.insurerId(), changed.appointmentId()).ifPresent(this::plan);
  }

  private void plan(Appointments.Stored appointment) {
    jdbc.update(
        "delete from appointment_reminder where appointment_id = ? and sent_at is null",
        appointment.id());
    Preference preference = preference(appointment.doctorId());
    if (appointment.status() != Appointments.Status.BOOKED || !preference.enabled()) {
      return;
    }
    String appointmentId = appointment.id();
    Instant start = appointment.start();
    Instant now = clock.instant();
    for (Duration before : preference.before()) {
      Instant due = start.minus(before);
      if (due.isAfter(now)) {
        jdbc.update(
            """
            insert into appointment_reminder (appointment_id, before, starts_at, due_at)
            values (?, ?, ?, ?) on conflict do nothing
            """,
            appointmentId,
            before.toString(),
            Timestamp.from(start),
            Timestamp.from(due));
      }
    }
  }

  @Scheduled(fixedDelayString = "${docport.calendar.reminder-sweep:PT30S}")
  void sweep() {
    try {
      Integer sent;
      do {
        sent = tx.execute(s -> sendDue());
      } while (sent != null && sent == BATCH);
    } catch (RuntimeException e) {
      log.warn("Sending appointment reminders failed; the next sweep tries again", e);
    }
  }

  /** Sends up to a batch of due reminders; how many were due. */
  private int sendDue() {
    List<Due> due =
        jdbc.query(
            """
            select r.appointment_id, r.before, r.starts_at, a.doctor_id from appointment_reminder r
            join appointment a on a.id = r.appointment_id
            where r.sent_at is null and r.due_at <= now()
            order by r.due_at limit ? for update of r skip locked
            """,
            (rs, n) ->
                new Due(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getObject(4, UUID.class)),
            BATCH);
    for (Due reminder : due) {
      send(reminder);
      jdbc.update(
          "update appointment_reminder set sent_at = now()"
              + " where appointment_id = ? and before = ? and starts_at = ?",
          reminder.appointmentId(),
          reminder.before(),
          Timestamp.from(reminder.start()));
    }
    return due.size();
  }

  private record Due(String appointmentId, String before, Instant start, UUID doctorId) {}

  private void send(Due due) {
    Optional<DoctorSnapshot> doctor = doctors.find(due.doctorId());
    Optional<Appointments.Stored> appointment =
        appointments.ofDoctor(due.doctorId(), due.appointmentId());
    Optional<String> address =
        doctor.flatMap(
            d ->
                d.telecom().stream()
                    .filter(c -> "email".equals(c.system()))
                    .map(ContactPoint::value)
                    .findFirst());
    if (doctor.isEmpty() || appointment.isEmpty() || address.isEmpty()) {
      log.info("Reminder of appointment {} not e-mailed: no e-mail address", due.appointmentId());
      return;
    }
    Appointments.Stored a = appointment.get();
    ZoneId zone = zoneOf(a);
    String service = a.serviceName() == null ? "Appointment" : a.serviceName();
    String when = WHEN.format(a.start().atZone(zone)) + " (" + zone.getId() + ")";
    String insurer =
        insurers.find(a.insurerId()).map(InsurerRegistration::name).orElse(a.insurerId());
    String text =
        "Dear Dr "
            + doctor.get().name().family()
            + ",\n\n"
            + service
            + (a.telemedicine() ? " (telemedicine)" : "")
            + " on "
            + when
            + ", booked through "
            + insurer
            + ".\nOpen DocPort for the patient's details (appointment "
            + a.id()
            + ").\n\nDocPort";
    if (!mail.send(address.get(), "Reminder: " + service + " " + when, text)) {
      log.info("Reminder of appointment {} not e-mailed: no mail server", due.appointmentId());
    }
  }

  private ZoneId zoneOf(Appointments.Stored a) {
    return availabilities.get(a.doctorId()).availability().locations().stream()
        .filter(l -> l.locationId().equals(a.locationId()))
        .findFirst()
        .map(l -> ZoneId.of(l.timeZone()))
        .orElse(ZoneOffset.UTC);
  }

  private String write(List<Duration> before) {
    try {
      return json.writeValueAsString(before.stream().map(Duration::toString).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Duration> read(String text) {
    try {
      return json.readValue(text, new TypeReference<List<String>>() {}).stream()
          .map(Duration::parse)
          .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable reminder preference", e);
    }
  }
}
