package org.docport.hub.scheduling;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Map<LocalDate, int[]> counts = new LinkedHashMap<>();
    for (int i = 0; i < weeks; i++) {
      counts.put(from.plusWeeks(i), new int[6]);
    }
    // Columns: appointments, fulfilled, cancelled, no-shows, offered slots, taken slots.
    jdbc.query(
        """
        select (date_trunc('week', lower(period) at time zone ?))::date,
               count(*), count(*) filter (where status = 'FULFILLED'),
               count(*) filter (where status = 'CANCELLED'), count(*) filter (where status = 'NOSHOW')
        from appointment
        where doctor_id = ? and lower(period) >= ? and lower(period) < ?
          and status not in ('HELD', 'EXPIRED')
        group by 1
        """,
        rs -> {
          int[] week = counts.get(rs.getObject(1, LocalDate.class));
          if (week != null) {
            for (int c = 0; c < 4; c++) {
              week[c] = rs.getInt(c + 2);
            }
          }
        },
        zone.getId(),
        doctorId,
        start,
        end);
    Map<LocalDate, Boolean> kept = new LinkedHashMap<>();
    jdbc.query(
        """
        select (date_trunc('week', s.starts_at at time zone ?))::date, count(*),
               count(*) filter (where exists (select 1 from appointment a where a.slot_id = s.id
                 and a.status in
        """
            + Appointments.Status.HOLDING_SQL
            + """
        ))
        from slot s
        where s.doctor_id = ? and s.starts_at >= ? and s.starts_at < ? and s.status = 'FREE'
        group by 1
        """,
        rs -> {
          LocalDate weekStart = rs.getObject(1, LocalDate.class);
          int[] week = counts.get(weekStart);
          if (week != null) {
            week[4] = rs.getInt(2);
            week[5] = rs.getInt(3);
            kept.put(weekStart, true);
          }
        },
        zone.getId(),
        doctorId,
        start,
        end);
    LocalDate thisWeek = LocalDate.now(zone).with(DayOfWeek.MONDAY);
    List<PracticeWeek> result = new ArrayList<>();
    counts.forEach(
        (weekStart, c) -> {
          boolean known = kept.containsKey(weekStart) || !weekStart.isBefore(thisWeek);
          result.add(
              new PracticeWeek(
                  weekStart, c[0], c[1], c[2], c[3], known ? c[4] : null, known ? c[5] : null));
        });
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
