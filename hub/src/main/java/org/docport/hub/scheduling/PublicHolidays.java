package org.docport.hub.scheduling;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public holiday calendars operators keep, per country and, within it, per state or province:
 * the only writer of {@code public_holiday}. A location's holidays are its country's and its
 * state's.
 */
@Component
public class PublicHolidays {

  /**
   * One holiday.
   *
   * @param subdivision the state or province (ISO 3166-2 without the country, {@code MH}); null for
   *     the whole country
   */
  public record Holiday(LocalDate date, String subdivision, String name) {}

  private final JdbcTemplate jdbc;

  PublicHolidays(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The country's calendar for the year, the whole country's and every state's. */
  public List<Holiday> of(String country, int year) {
    return jdbc.query(
        """
        select day, subdivision, name from public_holiday
        where country = ? and day >= ? and day < ? order by day, subdivision
        """,
        (rs, n) ->
            new Holiday(
                rs.getDate(1).toLocalDate(),
                rs.getString(2).isEmpty() ? null : rs.getString(2),
                rs.getString(3)),
        country,
        Date.valueOf(LocalDate.of(year, 1, 1)),
        Date.valueOf(LocalDate.of(year + 1, 1, 1)));
  }

  /** Replaces the country's calendar for the year. */
  @Transactional
  public void replace(String country, int year, List<Holiday> holidays) {
    jdbc.update(
        "delete from public_holiday where country = ? and day >= ? and day < ?",
        country,
        Date.valueOf(LocalDate.of(year, 1, 1)),
        Date.valueOf(LocalDate.of(year + 1, 1, 1)));
    jdbc.batchUpdate(
        "insert into public_holiday (country, subdivision, day, name) values (?, ?, ?, ?)",
        holidays,
        holidays.size(),
        (ps, h) -> {
          ps.setString(1, country);
          ps.setString(2, h.subdivision() == null ? "" : h.subdivision());
          ps.setDate(3, Date.valueOf(h.date()));
          ps.setString(4, h.name());
        });
  }

  /** The holidays between two dates (end exclusive) where the country and state are these. */
  Map<LocalDate, String> at(String country, String subdivision, LocalDate from, LocalDate to) {
    Map<LocalDate, String> days = new LinkedHashMap<>();
    if (country == null) {
      return days;
    }
    jdbc.query(
        """
        select day, string_agg(name, ', ' order by subdivision) from public_holiday
        where country = ? and subdivision in ('', ?) and day >= ? and day < ?
        group by day order by day
        """,
        rs -> {
          days.put(rs.getDate(1).toLocalDate(), rs.getString(2));
        },
        country,
        subdivision == null ? "" : subdivision,
        Date.valueOf(from),
        Date.valueOf(to));
    return days;
  }
}
