package org.docport.hub.scheduling;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.docport.hub.web.Violations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators keep the public holiday calendars, a country's year at a time. */
@RestController
@RequestMapping("/api/operator/holidays/{country}/{year}")
@Tag(name = "Operator")
class HolidayController {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern SUBDIVISION = Pattern.compile("[A-Z0-9]{1,3}");

  private final PublicHolidays holidays;
  private final DoctorCalendars calendars;

  HolidayController(PublicHolidays holidays, DoctorCalendars calendars) {
    this.holidays = holidays;
    this.calendars = calendars;
  }

  @Operation(
      summary = "A country's public holidays in a year, the whole country's and each state's")
  @GetMapping
  List<PublicHolidays.Holiday> read(@PathVariable String country, @PathVariable int year) {
    check(country, year, List.of()).throwIfAny();
    return holidays.of(country, year);
  }

  @Operation(summary = "Replace a country's public holidays in a year")
  @PutMapping
  List<PublicHolidays.Holiday> replace(
      @PathVariable String country,
      @PathVariable int year,
      @RequestBody List<PublicHolidays.Holiday> calendar) {
    check(country, year, calendar).throwIfAny();
    calendars.replaceHolidays(country, year, calendar);
    return holidays.of(country, year);
  }

  private static Violations check(String country, int year, List<PublicHolidays.Holiday> calendar) {
    Violations v = new Violations("Invalid holiday calendar");
    v.matches("country", country, COUNTRY, "an ISO 3166 alpha-2 code in capitals, as IN");
    if (year < 2000 || year > 2100) {
      v.add("year", "must be 2000 to 2100, was " + year);
    }
    v.atMost("holidays", calendar, 400);
    for (int i = 0; i < calendar.size(); i++) {
      String p = "[" + i + "]";
      PublicHolidays.Holiday h = calendar.get(i);
      if (h == null) {
        v.add(p, "required");
        continue;
      }
      if (h.date() == null) {
        v.add(p + ".date", "required, as " + year + "-01-26");
      } else if (h.date().getYear() != year) {
        v.add(p + ".date", "must be in " + year + ", was " + h.date());
      }
      v.matches(p + ".subdivision", h.subdivision(), SUBDIVISION, "a state code as MH");
      v.required(p + ".name", h.name(), 200);
      for (int j = 0; j < i; j++) {
        PublicHolidays.Holiday other = calendar.get(j);
        if (other != null
            && h.date() != null
            && h.date().equals(other.date())
            && Objects.equals(h.subdivision(), other.subdivision())) {
          v.add(p + ".date", "[" + j + "] is the same day for the same place");
        }
      }
    }
    return v;
  }
}
