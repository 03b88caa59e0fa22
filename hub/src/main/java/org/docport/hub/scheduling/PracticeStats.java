package org.docport.hub.scheduling;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A doctor's practice in figures, week by week: appointments, cancellations and no-shows (per
 * insurer too), and how full the offered slots are. Weeks start on Monday in the given time zone.
 */
@Component
class PracticeStats {

  /**
   * One week.
   *
   * @param appointments appointments booked for the week, whatever became of them (holds that were
   *     never confirmed are left out)
   * @param offeredSlots slots still on offer (free of leave and holidays) from now on in the week;
   *     absent for a week that is over, whose slots are no longer kept
   * @param takenSlots how many of those slots an appointment holds
   */
  record PracticeWeek(
      @Schema(requiredMode = REQUIRED) LocalDate weekStart,
      @Schema(requiredMode = REQUIRED) int appointments,
      @Schema(requiredMode = REQUIRED) int fulfilled,
      @Schema(requiredMode = REQUIRED) int cancelled,
      @Schema(requiredMode = REQUIRED) int noShows,
      Integer offeredSlots,
      Integer takenSlots) {}

  /** One insurer's appointments over the whole range. */
  record PracticeByInsurer(
      @Schema(requiredMode = REQUIRED) String insurerId,
      @Schema(requiredMode = REQUIRED) String name,
      @Schema(requiredMode = REQUIRED) int appointments,
      @Schema(requiredMode = REQUIRED) int cancelled,
      @Schema(requiredMode = REQUIRED) int noShows) {}

  /** The figures over {@code weeks} weeks from {@code from} (a Monday). */
  record PracticeFigures(
      @Schema(requiredMode = REQUIRED) LocalDate from,
      @Schema(requiredMode = REQUIRED) LocalDate to,
      @Schema(requiredMode = REQUIRED) String timeZone,
      @Schema(requiredMode = REQUIRED) List<PracticeWeek> weeks,
      @Schema(requiredMode = REQUIRED) List<PracticeByInsurer> insurers) {}

  private final JdbcTemplate jdbc;

  PracticeStats(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  PracticeFigures of(UUID doctorId, LocalDate from, int weeks, ZoneId zone) {
    LocalDate to = from.plusWeeks(weeks);
    Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
    Timestamp end = Timestamp.from(to.atStartOfDay(zone).toInstant());
    LocalDate thisWeek = LocalDate.now(zone).with(DayOfWeek.MONDAY);
    // Every week of the range, with what it had; a week over whose slots are gone has no slot row.
    List<PracticeWeek> result =
        jdbc.query(
            """
            with weeks as (
              select ?::date + 7 * n as week_start from generate_series(0, ? - 1) n),
            booked as (
              select (date_trunc('week', lower(period) at time zone ?))::date as week_start,
                     count(*)::int as appointments,
                     (count(*) filter (where status = 'FULFILLED'))::int as fulfilled,
                     (count(*) filter (where status = 'CANCELLED'))::int as cancelled,
                     (count(*) filter (where status = 'NOSHOW'))::int as no_shows
              from appointment
              where doctor_id = ? and lower(period) >= ? and lower(period) < ?
                and status not in ('HELD', 'EXPIRED')
              group by 1),
            offered as (
              select (date_trunc('week', s.starts_at at time zone ?))::date as week_start,
                     count(*)::int as offered,
                     (count(*) filter (where exists (select 1 from appointment a
                       where a.slot_id = s.id and a.status in
            """
                + Appointments.Status.HOLDING_SQL
                + """
            )))::int as taken
              from slot s
              where s.doctor_id = ? and s.starts_at >= ? and s.starts_at < ? and s.status = 'FREE'
              group by 1)
            select w.week_start, coalesce(b.appointments, 0), coalesce(b.fulfilled, 0),
                   coalesce(b.cancelled, 0), coalesce(b.no_shows, 0), o.offered, o.taken
            from weeks w left join booked b using (week_start)
              left join offered o using (week_start)
            order by w.week_start
            """,
            (rs, n) -> {
              LocalDate weekStart = rs.getObject(1, LocalDate.class);
              // Slots are known for weeks not over yet: none stored then means none offered.
              boolean known = rs.getObject(6) != null || !weekStart.isBefore(thisWeek);
              return new PracticeWeek(
                  weekStart,
                  rs.getInt(2),
                  rs.getInt(3),
                  rs.getInt(4),
                  rs.getInt(5),
                  known ? rs.getInt(6) : null,
                  known ? rs.getInt(7) : null);
            },
            from,
            weeks,
            zone.getId(),
            doctorId,
            start,
            end,
            zone.getId(),
            doctorId,
            start,
            end);
    List<PracticeByInsurer> insurers =
        jdbc.query(
            """
            select a.insurer_id, coalesce(i.name, a.insurer_id), count(*),
                   count(*) filter (where a.status = 'CANCELLED'),
                   count(*) filter (where a.status = 'NOSHOW')
            from appointment a left join insurer i on i.id = a.insurer_id
            where a.doctor_id = ? and lower(a.period) >= ? and lower(a.period) < ?
              and a.status not in ('HELD', 'EXPIRED')
            group by 1, 2 order by 3 desc, 2
            """,
            (rs, n) ->
                new PracticeByInsurer(
                    rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)),
            doctorId,
            start,
            end);
    return new PracticeFigures(from, to, zone.getId(), result, insurers);
  }
}
