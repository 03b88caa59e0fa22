package org.docport.hub.scheduling;

import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The doctors whose slots are to be generated again: the only writer of {@code calendar_pending}.
 * Queued in the transaction of the change that moves them, so a change never commits without its
 * regeneration being owed; only doctors who have set an availability are queued.
 */
@Component
class CalendarQueue {

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher publisher;

  CalendarQueue(JdbcTemplate jdbc, ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.publisher = publisher;
  }

  void enqueue(UUID doctorId) {
    queued(
        jdbc.update(
            """
        insert into calendar_pending (doctor_id)
        select doctor_id from availability where doctor_id = ? on conflict do nothing
        """,
            doctorId));
  }

  /** Every doctor with a practice location in the country (its holiday calendar changed). */
  int enqueueCountry(String country) {
    return queued(
        jdbc.update(
            """
        insert into calendar_pending (doctor_id)
        select a.doctor_id from availability a join doctor d on d.id = a.doctor_id
        where exists (select 1 from jsonb_array_elements(d.profile -> 'locations') l
                      where l -> 'address' ->> 'country' = ?)
        on conflict do nothing
        """,
            country));
  }

  /** Every doctor with an availability (the day rolled over: the horizon moved). */
  int enqueueAll() {
    return queued(
        jdbc.update(
            "insert into calendar_pending (doctor_id) select doctor_id from availability"
                + " on conflict do nothing"));
  }

  /** Tells the worker, once the transaction commits, that there is work. */
  private int queued(int doctors) {
    if (doctors > 0) {
      publisher.publishEvent(new CalendarsQueued());
    }
    return doctors;
  }

  /** Takes up to {@code max} queued doctors, skipping those another worker holds. */
  List<UUID> claim(int max) {
    return jdbc.queryForList(
        """
        delete from calendar_pending where doctor_id in (
          select doctor_id from calendar_pending order by enqueued_at
          limit ? for update skip locked)
        returning doctor_id
        """,
        UUID.class,
        max);
  }
}
